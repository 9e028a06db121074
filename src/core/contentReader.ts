import { lstatSync, readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import type { ContentError } from './contentError';

export const MAX_FILE_BYTES = 512 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The only way the loader touches the file system. A content folder (the bundled bank or someone
 * else's pack) is read strictly inside its own real root: every file and folder, symbolic links
 * included, is resolved to its real path first, and one that leaves the root is reported at its
 * path as an error and never read (a pack's `files -> ~/.ssh` link opens nothing). Links that stay
 * inside the root are followed (once: a link back to a parent is not walked again). Text must be
 * valid UTF-8; a file that is not is reported, not silently "repaired".
 */
export class ContentReader {
  /** The real path of the root (symbolic links in the path to it are fine: the user chose it). */
  readonly realRoot: string | undefined;
  private readonly reported = new Set<string>();

  constructor(
    readonly root: string,
    private readonly errors: ContentError[],
  ) {
    try {
      this.realRoot = realpathSync(root);
    } catch {
      this.realRoot = undefined;
    }
  }

  /** True when `path` exists inside the root (a path that leaves it is reported and counts as missing). */
  exists(path: string): boolean {
    return this.resolve(path) !== undefined;
  }

  /** Sub-folders of `dir` (hidden ones left out), sorted, as paths under `dir`. */
  dirs(dir: string): string[] {
    return this.entries(dir)
      .filter((e) => e.kind === 'dir' && !e.name.startsWith('.'))
      .map((e) => e.path);
  }

  /** The `.md` files directly in `dir`, sorted. */
  markdownFiles(dir: string): string[] {
    return this.entries(dir)
      .filter((e) => e.kind === 'file' && e.name.endsWith('.md'))
      .map((e) => e.path);
  }

  /** Every file under `dir` (recursively), with its path relative to `dir` in forward slashes. */
  tree(dir: string): { rel: string; path: string }[] {
    const out: { rel: string; path: string }[] = [];
    const seen = new Set<string>();
    const walk = (d: string) => {
      const real = this.resolve(d);
      if (real === undefined || seen.has(real)) return;
      seen.add(real);
      for (const e of this.entries(d, true)) {
        if (e.kind === 'dir') walk(e.path);
        else out.push({ rel: relative(dir, e.path).split(sep).join('/'), path: e.path });
      }
    };
    walk(dir);
    return out;
  }

  /** The text of a file inside the root, or undefined after reporting why it cannot be used. */
  read(file: string): string | undefined {
    const real = this.resolve(file);
    if (real === undefined) {
      this.report(file, 'file not found');
      return undefined;
    }
    try {
      const st = statSync(real);
      if (!st.isFile()) throw new Error('not a regular file');
      if (st.size > MAX_FILE_BYTES) throw new Error(`file is larger than ${MAX_FILE_BYTES / 1024} KiB`);
      const bytes = readFileSync(real);
      try {
        return utf8.decode(bytes);
      } catch {
        throw new Error('file is not valid UTF-8 text: save it as UTF-8');
      }
    } catch (e) {
      this.report(file, e instanceof Error ? e.message : String(e));
      return undefined;
    }
  }

  private entries(dir: string, byLocale = false): { name: string; path: string; kind: 'dir' | 'file' }[] {
    const real = this.resolve(dir);
    if (real === undefined) return [];
    let list: Dirent[];
    try {
      list = readdirSync(real, { withFileTypes: true });
    } catch {
      return [];
    }
    const out: { name: string; path: string; kind: 'dir' | 'file' }[] = [];
    for (const e of list.sort((a, b) => (byLocale ? a.name.localeCompare(b.name) : a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = join(dir, e.name);
      if (e.isDirectory()) out.push({ name: e.name, path, kind: 'dir' });
      else if (e.isFile()) out.push({ name: e.name, path, kind: 'file' });
      else if (e.isSymbolicLink()) {
        // Followed only when it stays inside the root; resolve() reports the others at their path.
        const target = this.resolve(path);
        if (target === undefined) continue;
        try {
          const st = statSync(target);
          if (st.isDirectory()) out.push({ name: e.name, path, kind: 'dir' });
          else if (st.isFile()) out.push({ name: e.name, path, kind: 'file' });
        } catch {
          // vanished between the two calls: nothing to read
        }
      }
    }
    return out;
  }

  /**
   * The real path of `path` when it exists and stays inside the root; undefined otherwise (a path
   * that leaves the root, or a broken link, is reported once at its path).
   */
  private resolve(path: string): string | undefined {
    if (this.realRoot === undefined) return undefined;
    let real: string;
    try {
      real = realpathSync(path);
    } catch {
      try {
        // A link whose target does not exist.
        if (lstatSync(path).isSymbolicLink()) this.report(path, 'symbolic link to a file or folder that does not exist: not read');
      } catch {
        // simply missing
      }
      return undefined;
    }
    if (!inside(this.realRoot, real)) {
      this.report(path, `${isLink(path) ? 'symbolic link' : 'path'} leads outside the content folder (to ${real}): not read`);
      return undefined;
    }
    return real;
  }

  private report(file: string, message: string): void {
    if (this.reported.has(file)) return;
    this.reported.add(file);
    this.errors.push({ file, line: 1, message });
  }
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** True when `real` is `root` or below it. */
export function inside(root: string, real: string): boolean {
  const rel = relative(root, real);
  return rel === '' || (!isAbsolute(rel) && rel.split(sep)[0] !== '..');
}
