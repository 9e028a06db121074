// npm start: build, then open VS Code with the extension under development and its bundled content.
// A desktop `code` is used when there is one; otherwise the browser VS Code (code-server) starts
// on 127.0.0.1 and its URL is printed. Progress persists between starts in .vscode-test/start-profile.
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureCodeServer, ROOT, startCodeServer, workbenchUrl } from './lib/codeServer.mjs';

execFileSync(process.execPath, [join(ROOT, 'esbuild.mjs')], { cwd: ROOT, stdio: 'inherit' });

const hasDesktopCode = !process.env.IP_FORCE_BROWSER && spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0;
if (hasDesktopCode) {
  console.log('Opening desktop VS Code with the extension under development…');
  spawnSync('code', ['--new-window', `--extensionDevelopmentPath=${ROOT}`, join(ROOT, '.vscode-test', 'start-workspace')], { stdio: 'inherit' });
  process.exit(0);
}

ensureCodeServer();
const port = Number(process.env.PORT ?? 0) || undefined;
const server = await startCodeServer({
  port,
  quiet: true,
  profileDir: join(ROOT, '.vscode-test', 'start-profile'),
  workspace: join(ROOT, '.vscode-test', 'start-workspace'),
});
const url = workbenchUrl(server, { developmentPath: ROOT });
console.log(`\nInterview Practice is running in VS Code in the browser:\n\n  ${url}\n\nOpen that URL (it listens on 127.0.0.1 only). Press Ctrl+C to stop.\n`);
const stop = () => {
  server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.child.on('exit', (code) => {
  console.log(`code-server exited (${code})`);
  process.exit(code ?? 1);
});
