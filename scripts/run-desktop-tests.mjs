// The same in-host suite under a desktop VS Code downloaded by @vscode/test-electron.
// Needs internet access to Microsoft's update service (a developer laptop); it cannot run on the
// offline CI machines, where scripts/run-host-tests.mjs runs the suite in code-server instead.
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { ROOT } from './lib/codeServer.mjs';

try {
  await runTests({
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: join(ROOT, 'out', 'test', 'host', 'index.js'),
    launchArgs: ['--disable-extensions', '--disable-workspace-trust'],
  });
} catch (e) {
  console.error('desktop in-host tests failed:', e instanceof Error ? e.message : e);
  process.exit(1);
}
