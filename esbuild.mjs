// Builds the extension host bundle (node, `vscode` external), the webview script (browser),
// the content CLI, the bundled question bank (dist/content.json) and, with --tests, the test bundles.
// Usage: node esbuild.mjs [--production] [--tests] [--watch]
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const tests = process.argv.includes('--tests');
const watch = process.argv.includes('--watch');

const common = { bundle: true, sourcemap: !production, minify: production, logLevel: 'warning', legalComments: 'none' };
// media/question.css is imported as text (src/extension/panelHost.ts inlines it into every panel).
const node = { ...common, platform: 'node', format: 'cjs', target: 'node20', loader: { '.css': 'text' } };

const builds = [
  // Two host bundles: a tiny entry point that activates instantly, and the app it loads on first use.
  { ...node, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode', './app.js'], metafile: true },
  { ...node, entryPoints: ['src/extension/app.ts'], outfile: 'dist/app.js', external: ['vscode'], metafile: true },
  { ...common, entryPoints: ['src/webview/question.ts', 'src/webview/sample.ts', 'src/webview/topic.ts', 'src/webview/mock.ts', 'src/webview/caseStudy.ts', 'src/webview/designLoop.ts'], outdir: 'dist/webview', platform: 'browser', format: 'iife', target: 'es2022', metafile: true },
  // The CLI renders ```dot diagrams with Graphviz (WebAssembly, a devDependency) at content build time;
  // it stays external so the CLI loads it from node_modules and nothing of it reaches the extension.
  { ...node, entryPoints: ['src/cli/content.ts'], outfile: 'dist/cli.js', external: ['@viz-js/viz'] },
];

if (tests) {
  // Two node tiers: unit (pure and fast) and content (the bundled bank, work-sample processes and mutants).
  for (const tier of ['unit', 'content']) {
    // A test moved between tiers must not keep running from a stale bundle in the old one.
    rmSync(`out/test/${tier}`, { recursive: true, force: true });
    const entryPoints = readdirSync(`test/${tier}`).filter((f) => f.endsWith('.test.ts')).map((f) => join(`test/${tier}`, f));
    builds.push({ ...node, sourcemap: true, minify: false, entryPoints, outdir: `out/test/${tier}`, external: ['mocha', '@viz-js/viz', 'eslint', 'typescript'] });
  }
  builds.push({ ...node, sourcemap: true, minify: false, entryPoints: ['test/host/index.ts'], outfile: 'out/test/host/index.js', external: ['vscode', 'mocha'] });
}

function buildContent() {
  try {
    execFileSync(process.execPath, ['dist/cli.js', 'build', 'content', 'dist/content.json'], { stdio: 'inherit' });
  } catch {
    // The CLI already printed every content error as file:line: message.
    if (!watch) process.exit(1);
  }
}

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  buildContent();
  console.log('watching…');
} else {
  const results = await Promise.all(builds.map((b) => esbuild.build(b)));
  mkdirSync('dist', { recursive: true });
  const sizes = {};
  for (const r of results) {
    if (!r.metafile) continue;
    for (const [file, info] of Object.entries(r.metafile.outputs)) if (!file.endsWith('.map')) sizes[file] = info.bytes;
  }
  writeFileSync('dist/bundle-sizes.json', JSON.stringify(sizes, null, 1));
  buildContent();
}
