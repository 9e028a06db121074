// npm start, twice, as a person runs it: the second start keeps what the user set in settings.json
// and reuses the port, so an open browser tab reconnects. The profile lives in a temp folder
// (IP_START_DIR) so the developer's own start profile is never touched.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../scripts/lib/codeServer.mjs';

/** Runs `npm start` (scripts/start.mjs) until it prints the workbench URL; returns it and a stop(). */
function start(dir, extraArgs = []) {
  const child = spawn(process.execPath, [join(ROOT, 'scripts', 'start.mjs'), ...extraArgs], { cwd: ROOT, env: { ...process.env, IP_FORCE_BROWSER: '1', IP_START_DIR: dir }, stdio: ['ignore', 'pipe', 'pipe'], detached: process.platform !== 'win32' });
  let out = '';
  const stopped = new Promise((resolve) => child.on('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await stopped;
  };
  const url = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start printed no URL within 120 s:\n${out}`)), 120_000);
    const onData = (d) => {
      out += d;
      const m = /(http:\/\/127\.0\.0\.1:(\d+)\/\?\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], port: Number(m[2]), output: () => out });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`npm start exited (${code}) before printing a URL:\n${out}`)));
  });
  return { url, stop };
}

describe('npm start, twice: settings and port kept', function () {
  this.timeout(300_000);
  const dir = mkdtempSync(join(tmpdir(), 'ip-start-'));
  after(() => rmSync(dir, { recursive: true, force: true, maxRetries: 3 }));

  /** Stopping `npm start` stops its code-server too: nothing answers at the URL it printed. */
  async function assertStopped(url) {
    for (let i = 0; i < 60; i++) {
      try {
        await fetch(url, { signal: AbortSignal.timeout(1000) });
      } catch {
        return;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.fail(`code-server still answers at ${url} after npm start was stopped`);
  }

  it('keeps the interview date the user set and reuses the port; --fresh starts clean and keeps the old profile aside', async () => {
    const first = start(dir);
    const a = await first.url;
    const settingsFile = join(dir, 'start-profile', 'data', 'User', 'settings.json');
    const r = await fetch(a.url);
    assert.equal(r.status, 200, 'the printed URL serves the workbench');
    await first.stop();
    await assertStopped(a.url);
    // What a user does between starts: set an interview date (with a comment, as settings.json allows).
    const settings = JSON.parse(readFileSync(settingsFile, 'utf8'));
    writeFileSync(settingsFile, `// mine\n${JSON.stringify({ ...settings, 'interviewPractice.interviewDate': '2027-01-15', 'editor.fontSize': 17 }, null, 2)}\n`);

    const second = start(dir);
    const b = await second.url;
    try {
      assert.equal(b.port, a.port, 'the same port as the last start');
      assert.match(b.output(), /same as last time/);
      const kept = readFileSync(settingsFile, 'utf8');
      assert.match(kept, /"interviewPractice\.interviewDate": "2027-01-15"/);
      assert.match(kept, /"editor\.fontSize": 17/);
      assert.match(kept, /\/\/ mine/, 'a file that already had what is needed is left as the user wrote it');
    } finally {
      await second.stop();
    }
    await assertStopped(b.url);

    const third = start(dir, ['--fresh']);
    const c = await third.url;
    try {
      assert.match(c.output(), /previous profile was moved to/);
      assert.doesNotMatch(readFileSync(settingsFile, 'utf8'), /interviewDate/, 'a fresh profile');
      const aside = c.output().match(/moved to (\S+)/)?.[1] ?? '';
      assert.ok(existsSync(join(ROOT, aside, 'data', 'User', 'settings.json')) || existsSync(join(aside, 'data', 'User', 'settings.json')), `the old profile is kept at ${aside}`);
    } finally {
      await third.stop();
    }
    await assertStopped(c.url);
  });
});
