import * as nodePath from 'node:path';

/**
 * Whether `file` lies inside `folder`, by path arithmetic rather than a '/' prefix, so backslash
 * paths and drive letters (Windows) work too. `path` is injectable so tests can use path.win32.
 */
export function isInsideFolder(folder: string, file: string, path: Pick<typeof nodePath, 'relative' | 'isAbsolute'> = nodePath): boolean {
  const rel = path.relative(folder, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}
