import { mkdtempSync, mkdirSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const FIXTURE_CONTENT = resolve('test/fixtures/content');

/** A throwaway copy of the fixture bank, with some files replaced or added. */
export function contentWith(files: Record<string, string>, base = FIXTURE_CONTENT): string {
  const dir = mkdtempSync(join(tmpdir(), 'ip-content-'));
  cpSync(base, dir, { recursive: true });
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}
