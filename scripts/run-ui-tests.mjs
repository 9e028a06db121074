// UI journeys: mocha drives headless Chromium against code-server (see test/ui/workbench.mjs).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureCodeServer, ROOT } from './lib/codeServer.mjs';

if (!ensureCodeServer('UI journeys (test:ui)')) process.exit(0);
const mocha = join(ROOT, 'node_modules', 'mocha', 'bin', 'mocha.js');
const r = spawnSync(process.execPath, [mocha, '--reporter', 'spec', '--exit', '--timeout', '180000', 'test/ui/*.test.mjs', ...process.argv.slice(2)], { cwd: ROOT, stdio: 'inherit' });
process.exit(r.status ?? 1);
