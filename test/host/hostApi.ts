// What every in-host test file needs: the extension's app (loaded behind the entry point) and a poll.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension/app';

export const EXTENSION_ID = 'interview-practice.staff-interview-practice';
type Exports = { ready(): Promise<ExtensionApi> };

/** The app behind the entry point: activates the extension and loads the app if neither happened yet. */
export async function api(): Promise<ExtensionApi> {
  const ext = vscode.extensions.getExtension<Exports>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is installed`);
  return (ext.isActive ? ext.exports : await ext.activate()).ready();
}

/** Polls `read` until `ok` holds (VS Code's tab and view state arrive asynchronously), failing with the last value. */
export async function until<T>(what: string, read: () => T | Promise<T>, ok: (v: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (!ok(last)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)?.slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 50));
    last = await read();
  }
  return last;
}
