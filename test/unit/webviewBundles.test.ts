import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

/**
 * The webview scripts import their protocol modules for `post()` and the message types. Those
 * modules also build zod schemas, marked pure so esbuild drops them from a browser bundle; a
 * schema built without the mark would pull all of zod (~90 KB) into every script.
 */
describe('webview bundles', function () {
  this.timeout(60_000);
  // esbuild is a devDependency; loaded at run time so it is not bundled into this test.
  const esbuild = createRequire(resolve('package.json'))('esbuild') as typeof import('esbuild');
  const scripts = readdirSync('src/webview').filter((f) => f.endsWith('.ts') && !['links.ts', 'textLimit.ts', 'swap.ts'].includes(f));

  it('has a script per scripted panel', () => {
    assert.deepEqual(scripts.sort(), ['caseStudy.ts', 'designLoop.ts', 'mock.ts', 'question.ts', 'sample.ts', 'topic.ts']);
  });

  for (const script of scripts) {
    it(`${script} bundles without zod`, () => {
      const r = esbuild.buildSync({ entryPoints: [join('src/webview', script)], bundle: true, minify: true, write: false, metafile: true, platform: 'browser', format: 'iife', target: 'es2022', logLevel: 'error' });
      const output = Object.values(r.metafile.outputs)[0];
      const kept = Object.entries(output?.inputs ?? {}).filter(([, info]) => info.bytesInOutput > 0).map(([file]) => file);
      assert.deepEqual(kept.filter((file) => file.includes('node_modules/zod')), [], 'no zod code in the bundle');
      assert.ok((r.outputFiles[0]?.contents.length ?? 0) < 40_000, `${script} stays small`);
    });
  }
});
