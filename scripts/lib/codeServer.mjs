// A real VS Code (code-server 4.100.3 = VS Code 1.100.3) on 127.0.0.1, driven by Debian's Chromium
// through playwright-core. Shared by the in-host tests, the UI journeys, `npm start` and the benchmarks.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mergeSettings } from './startProfile.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CODE_SERVER = join(ROOT, '.vscode-test', 'code-server-4.100.3', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const INSTALLED_MARKER = join(ROOT, '.vscode-test', 'code-server-4.100.3', '.installed');

function onPath(command) {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Why the code-server tiers cannot run on this machine, or undefined when they can. They need
 * Linux (code-server's native modules and the install script are built for it) and either apt
 * (to install Chromium, ripgrep and build headers) or those already installed.
 */
export function codeServerUnavailable() {
  if (process.platform !== 'linux') return `they need Linux (this is ${process.platform}); on macOS or Windows run \`npm run test:desktop\` for the in-host tests in desktop VS Code`;
  if (onPath('apt-get')) return undefined;
  if (existsSync(INSTALLED_MARKER) && existsSync(CHROMIUM)) return undefined;
  if (!existsSync(CHROMIUM)) return `there is no apt-get to install Chromium, and no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`;
  return undefined;
}

/**
 * Installs code-server (and, with apt, Chromium) when needed. Returns false, after saying what is
 * skipped and why, when this machine cannot run `tier`; CI (the CI variable set) never skips, so a
 * broken CI image fails instead of passing quietly.
 */
export function ensureCodeServer(tier) {
  const reason = codeServerUnavailable();
  if (reason) {
    if (process.env.CI) throw new Error(`${tier} cannot run: ${reason}`);
    console.warn(`\n[skipped] ${tier}: ${reason}.\n`);
    return false;
  }
  execFileSync('bash', [join(ROOT, 'scripts', 'ensure-code-server.sh')], { stdio: 'inherit' });
  return true;
}

/** Whether `port` can be listened on at 127.0.0.1 right now. */
export async function isPortFree(port) {
  return new Promise((res) => {
    const srv = createServer();
    srv.once('error', () => res(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => res(true)));
  });
}

export async function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
    srv.on('error', rej);
  });
}

/**
 * Starts code-server with a fresh profile. `extensionsDir` stays empty unless a VSIX is installed
 * into it, so a development copy never conflicts with an installed one. The extension's
 * first-run walkthrough stays closed (it would cover the editors the tests drive) unless
 * `walkthrough` is true.
 */
export async function startCodeServer({ workspace, settings = {}, port, quiet = true, trust = false, profileDir, walkthrough = false, installFolders = [], proposedApiFor = [], env = {} } = {}) {
  // A profileDir is kept between runs (npm start); otherwise every run gets a fresh, temporary one.
  const dir = profileDir ?? mkdtempSync(join(tmpdir(), 'ip-code-server-'));
  mkdirSync(dir, { recursive: true });
  const userData = join(dir, 'data');
  const extensions = join(dir, 'ext');
  mkdirSync(join(userData, 'User'), { recursive: true });
  mkdirSync(extensions, { recursive: true });
  // Only the keys these runs need are merged in: a kept profile (npm start) keeps everything else
  // the user set, such as interviewPractice.interviewDate. Unparsable settings are left alone.
  const settingsFile = join(userData, 'User', 'settings.json');
  const merged = mergeSettings(existsSync(settingsFile) ? readFileSync(settingsFile, 'utf8') : undefined, {
    required: {
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      'extensions.autoUpdate': false,
      'extensions.autoCheckUpdates': false,
      'workbench.enableExperiments': false,
      'security.workspace.trust.enabled': trust,
      ...settings,
    },
    defaults: {
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'window.commandCenter': false,
      'chat.commandCenter.enabled': false,
      'workbench.colorTheme': 'Default Dark Modern',
    },
  });
  if (merged.error) console.warn(`Left ${settingsFile} unchanged: it could not be read as JSON with comments (${merged.error}).`);
  else if (merged.changed && merged.text !== undefined) writeFileSync(settingsFile, merged.text);
  const folder = workspace ?? join(dir, 'workspace');
  mkdirSync(folder, { recursive: true });
  port ??= await freePort();
  // Extension folders copied in as installed extensions (the in-host tests' fake chat model), and the
  // ids allowed to use proposed API (that fake registers a model through the chatProvider proposal).
  for (const folder of installFolders) {
    const pkg = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
    cpSync(folder, join(extensions, `${pkg.publisher}.${pkg.name}-${pkg.version}`), { recursive: true });
  }
  const args = [CODE_SERVER, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--user-data-dir', userData, '--extensions-dir', extensions, '--disable-telemetry', '--disable-update-check', '--disable-getting-started-override', ...proposedApiFor.flatMap((id) => ['--enable-proposed-api', id])];
  if (!trust) args.push('--disable-workspace-trust');
  args.push(folder);
  const child = spawn(process.execPath, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, VSCODE_PROXY_URI: '', ...(walkthrough ? {} : { INTERVIEW_PRACTICE_NO_WALKTHROUGH: '1' }), ...env } });
  let output = '';
  const collect = (d) => {
    output += d;
    if (!quiet) process.stderr.write(d);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited (${child.exitCode}):\n${output}`);
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`code-server did not start within 60 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    process.off('exit', stop); // a run that starts many servers (npm run bench) keeps no stale listener
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
    setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }, 2000).unref();
    if (!profileDir) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  };
  process.once('exit', stop);
  return { port, url, folder, userData, extensions, stop, output: () => output, child };
}

/** Headless Chromium; `proxy` sends every request that is not to the loopback address to that server. */
export async function launchBrowser({ proxy } = {}) {
  const { chromium } = await import('playwright-core');
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: run scripts/ensure-code-server.sh (installs Debian's chromium)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    ...(proxy ? { proxy: { server: proxy, bypass: '127.0.0.1,localhost' } } : {}),
  });
}

/** The workbench URL, optionally with development options (extension under development, test runner). */
export function workbenchUrl(server, { developmentPath, extraDevelopmentPaths = [], testsPath, folder } = {}) {
  const params = new URLSearchParams({ folder: folder ?? server.folder });
  const payload = [];
  // Several extensions can be under development at once (the in-host tests add a fake chat model).
  for (const path of [developmentPath, ...extraDevelopmentPaths].filter(Boolean)) payload.push(['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${server.port}${path}`]);
  if (testsPath) payload.push(['extensionTestsPath', `vscode-remote://127.0.0.1:${server.port}${testsPath}`]);
  if (payload.length) params.set('payload', JSON.stringify(payload));
  return `${server.url}/?${params}`;
}
