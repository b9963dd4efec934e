/**
 * Reads the process table from /proc, for tests that assert no child process outlives its task or
 * its parent. A zombie (state Z) has exited and only waits to be reaped, so it counts as gone.
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcInfo {
  pid: number;
  ppid: number;
  state: string;
  /** argv as the process sees it (empty for kernel threads). */
  argv: string[];
}

/** One process, or null when it no longer exists. */
export function procInfo(pid: number): ProcInfo | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name sits in parentheses and may itself contain spaces or parentheses.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    return { pid, ppid: Number(rest[1]), state: rest[0] ?? '?', argv };
  } catch {
    return null;
  }
}

/** Every live (not zombie) process. */
export function liveProcs(): ProcInfo[] {
  const out: ProcInfo[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const p = procInfo(Number(name));
    if (p && p.state !== 'Z') out.push(p);
  }
  return out;
}

/** Whether a pid is dead (gone, or a zombie). */
export function isGone(pid: number): boolean {
  const p = procInfo(pid);
  return p === null || p.state === 'Z';
}

/** Live processes whose parent is `pid`, or (recursively) one of its descendants. */
export function descendantsOf(pid: number, procs: ProcInfo[] = liveProcs()): ProcInfo[] {
  const out: ProcInfo[] = [];
  const parents = new Set([pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of procs)
      if (parents.has(p.ppid) && !parents.has(p.pid)) {
        parents.add(p.pid);
        out.push(p);
        grew = true;
      }
  }
  return out;
}

/** Live processes with an argument containing `fragment` (e.g. a task's folder). */
export function procsMentioning(fragment: string, procs: ProcInfo[] = liveProcs()): ProcInfo[] {
  return procs.filter((p) => p.pid !== process.pid && p.argv.some((a) => a.includes(fragment)));
}

/** Poll `check` until it returns true; false after `timeoutMs`. */
export async function pollUntil(check: () => boolean, timeoutMs: number, everyMs = 25): Promise<boolean> {
  const t0 = Date.now();
  for (;;) {
    if (check()) return true;
    if (Date.now() - t0 > timeoutMs) return false;
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** A compact description of processes for assertion messages. */
export function describeProcs(procs: ProcInfo[]): string {
  return procs
    .map((p) => `${p.pid} (ppid ${p.ppid}, ${p.state}): ${p.argv.join(' ').slice(0, 200)}`)
    .join('\n');
}
