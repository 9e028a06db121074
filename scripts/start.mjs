// npm start: build, then open VS Code with the extension under development and its bundled content.
// A desktop `code` is used when there is one; otherwise the browser VS Code (code-server) starts
// on 127.0.0.1 and its URL is printed. The profile (settings, progress, open editors) is kept
// between starts in .vscode-test/start-profile, and so is the port when it is still free, so an
// open browser tab reconnects. `npm start -- --fresh` moves the old profile aside and starts clean.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ensureCodeServer, freePort, isPortFree, ROOT, startCodeServer, workbenchUrl } from './lib/codeServer.mjs';
import { choosePort, rememberedPort } from './lib/startProfile.mjs';

const fresh = process.argv.includes('--fresh');
// IP_START_DIR moves profile and workspace elsewhere (the UI test of npm start uses a temp folder).
const BASE = process.env.IP_START_DIR ?? join(ROOT, '.vscode-test');
const PROFILE = join(BASE, 'start-profile');
const WORKSPACE = join(BASE, 'start-workspace');
const STATE = join(PROFILE, 'start.json');

execFileSync(process.execPath, [join(ROOT, 'esbuild.mjs')], { cwd: ROOT, stdio: 'inherit' });

if (fresh && existsSync(PROFILE)) {
  // Moved aside, never deleted: progress lives in there.
  const aside = `${PROFILE}-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  renameSync(PROFILE, aside);
  console.log(`--fresh: the previous profile was moved to ${relative(ROOT, aside)} (delete it yourself when you no longer need it).`);
}

const hasDesktopCode = !process.env.IP_FORCE_BROWSER && spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0;
if (hasDesktopCode) {
  console.log('Opening desktop VS Code with the extension under development…');
  console.log('Desktop VS Code uses your own profile (settings and progress), not .vscode-test/start-profile.');
  mkdirSync(WORKSPACE, { recursive: true });
  spawnSync('code', ['--new-window', `--extensionDevelopmentPath=${ROOT}`, WORKSPACE], { stdio: 'inherit' });
  process.exit(0);
}

if (!ensureCodeServer('npm start')) process.exit(1);
const { port, reason } = await choosePort({
  requested: Number(process.env.PORT ?? 0) || undefined,
  remembered: rememberedPort(existsSync(STATE) ? readFileSync(STATE, 'utf8') : undefined),
  isFree: isPortFree,
  newPort: freePort,
});
if (reason === 'remembered-busy') console.log('The port of the last start is in use; using a new one (open tabs of the last start will not reconnect).');
const server = await startCodeServer({ port, quiet: true, profileDir: PROFILE, workspace: WORKSPACE, walkthrough: true });
writeFileSync(STATE, `${JSON.stringify({ port: server.port }, null, 2)}\n`);
const url = workbenchUrl(server, { developmentPath: ROOT });
console.log(`
Interview Practice is running in VS Code in the browser:

  ${url}

Profile (settings, progress, open editors): ${PROFILE}
  settings: ${join(server.userData, 'User', 'settings.json')}
Port ${server.port}${reason === 'remembered' ? ' (same as last time)' : ''}; it listens on 127.0.0.1 only.
Start clean with \`npm start -- --fresh\` (the old profile is moved aside). Press Ctrl+C to stop.
`);
// Exits only once code-server has: exiting at once left it running whenever it took its time to
// stop (server.stop()'s own SIGKILL fallback is on a timer that an exiting process never runs).
const stop = () => {
  server.child.removeAllListeners('exit');
  server.child.once('exit', () => process.exit(0));
  server.stop();
  setTimeout(() => {
    server.child.kill('SIGKILL');
    process.exit(0);
  }, 3000);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.child.on('exit', (code) => {
  console.log(`code-server exited (${code})`);
  process.exit(code ?? 1);
});
