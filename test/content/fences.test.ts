// The fences hold because tools enforce them, so this plants a violation in each fenced folder and
// expects the tool to refuse it: ESLint (imports) and the folder's own tsconfig (types).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';

const ROOT = resolve('.');

async function lintErrors(file: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT });
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

/** Type errors of `code` compiled as a file inside `folder` with that folder's tsconfig. */
function typeErrors(tsconfig: string, folder: string, code: string): string[] {
  const config = ts.readConfigFile(join(ROOT, tsconfig), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, join(ROOT, folder));
  const dir = mkdtempSync(join(ROOT, folder, '.fence-'));
  try {
    const file = join(dir, 'planted.ts');
    writeFileSync(file, code);
    const program = ts.createProgram([file], { ...parsed.options, noEmit: true });
    return ts.getPreEmitDiagnostics(program).filter((d) => d.file?.fileName === file).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('fences: a planted violation fails the tools', function () {
  this.timeout(120_000);

  it('ESLint refuses node:* and fs in a webview script, vscode in the core, and a raw post from a webview', async () => {
    assert.ok((await lintErrors('src/webview/planted.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n")).some((m) => m.includes('no-restricted-imports')));
    assert.ok((await lintErrors('src/webview/planted.ts', "import * as cp from 'child_process';\nexport const x = cp;\n")).some((m) => m.includes('no-restricted-imports')));
    assert.ok((await lintErrors('src/shared/planted.ts', "import { join } from 'path';\nexport const x = join;\n")).some((m) => m.includes('no-restricted-imports')));
    assert.ok((await lintErrors('src/core/planted.ts', "import * as vscode from 'vscode';\nexport const x = vscode;\n")).some((m) => m.includes('no-restricted-imports')));
    assert.ok((await lintErrors('src/webview/planted.ts', "declare const api: { postMessage(m: unknown): void };\napi.postMessage({ type: 'grade' });\n")).some((m) => m.includes('no-restricted-syntax')), 'webviews send only through their protocol’s post()');
    // The same code is fine where it belongs (the fence is not just "everything fails").
    assert.deepEqual(await lintErrors('src/extension/planted.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"), []);
  });

  it('the webview tsconfig has no Node types and the host tsconfig no DOM', () => {
    assert.ok(typeErrors('src/webview/tsconfig.json', 'src/webview', 'export const env = process.env.HOME;\n').some((m) => /Cannot find name 'process'/.test(m)));
    assert.ok(typeErrors('src/webview/tsconfig.json', 'src/webview', "export const b = Buffer.from('x');\n").some((m) => /Cannot find name 'Buffer'/.test(m)));
    assert.ok(typeErrors('tsconfig.json', 'src/core', "export const t = document.title;\n").some((m) => /Cannot find name 'document'/.test(m)));
    assert.deepEqual(typeErrors('src/webview/tsconfig.json', 'src/webview', "export const t = document.title;\n"), [], 'the DOM is there for webviews');
  });
});
