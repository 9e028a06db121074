// Entry point of the in-host tests: VS Code (code-server here, or desktop through
// @vscode/test-electron) loads this module in the real extension host and calls run().
import Mocha from 'mocha';

export async function run(): Promise<void> {
  // HOST_GREP narrows a local run to matching tests (never set by npm test).
  const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, color: false, reporter: 'spec', grep: process.env.HOST_GREP || undefined });
  mocha.suite.emit('pre-require', globalThis, 'host', mocha);
  await import('./extension.test');
  await import('./hardening.test');
  await import('./languageModel.test');
  await import('./interviewer.test');
  await import('./packs.test');
  await import('./dueState.test');
  await import('./previewPanels.test');
  await new Promise<void>((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} in-host test(s) failed`)) : resolve()));
  });
}
