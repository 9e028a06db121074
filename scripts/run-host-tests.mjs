// In-host integration tests in a real VS Code: code-server loads the extension under development
// and runs out/test/host/index.js inside its real node extension host (the @vscode/test-electron
// contract), while headless Chromium shows the workbench.
import { join } from 'node:path';
import { ensureCodeServer, launchBrowser, ROOT, startCodeServer, workbenchUrl } from './lib/codeServer.mjs';

const TIMEOUT_MS = 5 * 60_000;

if (!ensureCodeServer('in-host tests (test:host)')) process.exit(0);
// A deterministic chat model for the language-model tests, installed as a second extension that may
// use the proposed chatProvider API (test/fixtures/fake-chat-model; never packaged).
const server = await startCodeServer({ installFolders: [join(ROOT, 'test', 'fixtures', 'fake-chat-model')], proposedApiFor: ['interview-practice-tests.fake-chat-model'] });
const browser = await launchBrowser();
let code = 1;
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const done = new Promise((resolve) => {
    void page.exposeFunction('codeAutomationLog', (_type, args) => console.log(...(Array.isArray(args) ? args : [args])));
    void page.exposeFunction('codeAutomationExit', (exitCode) => resolve(exitCode));
  });
  await page.goto(workbenchUrl(server, { developmentPath: ROOT, testsPath: join(ROOT, 'out', 'test', 'host', 'index.js') }));
  const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), TIMEOUT_MS));
  const result = await Promise.race([done, timeout]);
  if (result === 'timeout') {
    console.error(`in-host tests did not finish within ${TIMEOUT_MS / 1000} s`);
    await page.screenshot({ path: join(ROOT, 'test-results', 'host-timeout.png') }).catch(() => {});
    console.error(server.output().slice(-4000));
  } else code = Number(result);
} finally {
  await browser.close();
  server.stop();
}
console.log(code === 0 ? 'in-host tests passed' : 'in-host tests FAILED');
process.exit(code);
