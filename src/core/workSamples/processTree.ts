import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';

/**
 * Finding and stopping every process a test run started, including the ones that left its process
 * group (`setsid`, `detached` + `unref`). While a run lasts, a watcher records the run's
 * descendants (by parent pid) and, on Linux, every process that still carries the run's marker in
 * its environment; when the run ends, all of them that are still alive are killed.
 */

/** Environment variable every process of one run inherits (unless it clears its environment). */
export const RUN_MARKER = 'INTERVIEW_PRACTICE_RUN_ID';

export interface ProcessInfo {
  readonly pid: number;
  readonly ppid: number;
  /** The marker value in its environment, where the platform lets us read it (Linux). */
  readonly marker?: string;
}

const run = (file: string, args: readonly string[]): Promise<string> =>
  new Promise((resolve) => {
    execFile(file, args, { windowsHide: true, maxBuffer: 16 << 20 }, (error, stdout) => resolve(error ? '' : stdout));
  });

/** `skipEnviron`: pids whose environment need not be read (they existed before the run). */
async function linuxProcesses(skipEnviron?: ReadonlySet<number>): Promise<ProcessInfo[]> {
  const names = (await readdir('/proc').catch(() => [] as string[])).filter((n) => /^\d+$/.test(n));
  const out = await Promise.all(
    names.map(async (name): Promise<ProcessInfo | undefined> => {
      const stat = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => '');
      // "pid (comm) state ppid …": comm may contain spaces and parentheses, so read after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!stat || !Number.isFinite(ppid)) return undefined;
      if (skipEnviron?.has(Number(name))) return { pid: Number(name), ppid };
      const environ = await readFile(`/proc/${name}/environ`, 'utf8').catch(() => '');
      const entry = environ.split('\0').find((e) => e.startsWith(`${RUN_MARKER}=`));
      return { pid: Number(name), ppid, ...(entry ? { marker: entry.slice(RUN_MARKER.length + 1) } : {}) };
    }),
  );
  return out.filter((p): p is ProcessInfo => !!p);
}

async function psProcesses(): Promise<ProcessInfo[]> {
  const text = await run('ps', ['-A', '-o', 'pid=,ppid=']);
  return text
    .split('\n')
    .map((l) => l.trim().split(/\s+/).map(Number))
    .filter((p) => p.length === 2 && p.every(Number.isFinite))
    .map(([pid, ppid]) => ({ pid: pid as number, ppid: ppid as number }));
}

async function windowsProcesses(): Promise<ProcessInfo[]> {
  const text = await run('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', 'Get-CimInstance Win32_Process | ForEach-Object { "$($_.ProcessId) $($_.ParentProcessId)" }']);
  return text
    .split(/\r?\n/)
    .map((l) => l.trim().split(/\s+/).map(Number))
    .filter((p) => p.length === 2 && p.every(Number.isFinite))
    .map(([pid, ppid]) => ({ pid: pid as number, ppid: ppid as number }));
}

export function listProcesses(platform: NodeJS.Platform = process.platform, skipEnviron?: ReadonlySet<number>): Promise<ProcessInfo[]> {
  if (platform === 'linux') return linuxProcesses(skipEnviron);
  if (platform === 'win32') return windowsProcesses();
  return psProcesses();
}

/** The pids below `root` (children, grandchildren…) and those carrying `marker`. */
export function runProcesses(all: readonly ProcessInfo[], root: number, marker: string): Set<number> {
  const found = new Set<number>();
  const children = new Map<number, number[]>();
  for (const p of all) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p.pid]);
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop() as number;
    for (const c of children.get(pid) ?? []) {
      if (!found.has(c)) {
        found.add(c);
        stack.push(c);
      }
    }
  }
  for (const p of all) if (p.marker === marker && p.pid !== process.pid) found.add(p.pid);
  return found;
}

/** Kills one process (on Windows with its tree: `taskkill /T /F`). True when a signal was sent. */
export async function killProcess(pid: number, platform: NodeJS.Platform = process.platform): Promise<boolean> {
  if (pid <= 0 || pid === process.pid) return false;
  if (platform === 'win32') return (await run('taskkill', ['/pid', String(pid), '/T', '/F'])) !== '';
  try {
    process.kill(pid, 'SIGKILL');
    return true;
  } catch {
    return false;
  }
}

/** Kills a process group on POSIX (the run's own group); a no-op elsewhere. */
export function killGroup(pid: number | undefined, platform: NodeJS.Platform = process.platform): void {
  if (!pid || platform === 'win32') return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    /* already gone */
  }
}

/**
 * Watches one run: call `stop()` when the run's main process has exited; it kills every recorded
 * process still alive and returns how many it stopped. (A recorded pid could in theory have been
 * reused within the run's seconds; pid spaces are large and runs short, so this is accepted.)
 */
export function watchRun(root: number, marker: string, intervalMs = 100): { stop(): Promise<number> } {
  const seen = new Set<number>();
  // Processes older than the run cannot carry its marker: their environments are not read again.
  let older: Set<number> | undefined;
  let busy = false;
  const poll = async () => {
    if (busy) return;
    busy = true;
    try {
      const all = await listProcesses(process.platform, older);
      older ??= new Set(all.filter((p) => p.pid !== root && p.marker !== marker).map((p) => p.pid));
      for (const pid of runProcesses(all, root, marker)) seen.add(pid);
    } finally {
      busy = false;
    }
  };
  void poll();
  const timer = setInterval(() => void poll(), intervalMs);
  return {
    async stop() {
      clearInterval(timer);
      const now = await listProcesses(process.platform, older);
      const alive = new Set(now.map((p) => p.pid));
      for (const pid of runProcesses(now, root, marker)) seen.add(pid);
      let stopped = 0;
      for (const pid of seen) if (alive.has(pid) && (await killProcess(pid))) stopped++;
      return stopped;
    },
  };
}
