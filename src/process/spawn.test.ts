/**
 * The spawn helper: exit codes, stderr tails, abort, and that no child outlives a SIGKILLed parent
 * (a node process starts children through the helper and is killed; /proc must lose them).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { isGone, pollUntil, procInfo } from '../../test/helpers/procs.js';
import { deathBoundArgs, pdeathsigWrapper, resolveCommand } from './parent-death.js';
import { ProcessError, runProcess, startProcess } from './spawn.js';

const TSX = fileURLToPath(new URL('../../node_modules/tsx/dist/esm/index.mjs', import.meta.url));
const SPAWN = new URL('./spawn.ts', import.meta.url).href;

// A parent that starts a sleep and a realtime ffmpeg through the helper, plus a bare sleep through
// node's own spawn (the control: nothing binds it to the parent), prints their pids and waits.
const PARENT = `
const { startProcess } = await import(${JSON.stringify(SPAWN)});
const { spawn } = await import('node:child_process');
const sleep = startProcess('sleep', { args: ['300'] });
const ffmpeg = startProcess('ffmpeg', {
  args: ['-nostdin', '-v', 'error', '-re', '-f', 'lavfi', '-i', 'anullsrc=r=8000', '-f', 'null', '-'],
});
sleep.done.catch(() => undefined);
ffmpeg.done.catch(() => undefined);
const bare = spawn('sleep', ['301'], { stdio: 'ignore' });
process.stdout.write(JSON.stringify({ sleep: sleep.child.pid, ffmpeg: ffmpeg.child.pid, bare: bare.pid }) + '\\n');
setInterval(() => undefined, 1000);
`;

const strays: number[] = [];
afterEach(() => {
  for (const pid of strays.splice(0)) if (!isGone(pid)) process.kill(pid, 'SIGKILL');
});

type Pids = Record<'sleep' | 'ffmpeg' | 'bare', number>;

function startParent(): { parent: ChildProcess; pids: Promise<Pids> } {
  const parent = spawn(process.execPath, ['--import', TSX, '--input-type=module', '-e', PARENT], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const pids = new Promise<Pids>((resolve, reject) => {
    let out = '';
    parent.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      if (out.includes('\n')) resolve(JSON.parse(out) as Pids);
    });
    parent.once('exit', (code) => reject(new Error(`parent exited early (${code})`)));
  });
  return { parent, pids };
}

describe('parent-death binding', () => {
  it('wraps a resolved program in setpriv --pdeathsig KILL', () => {
    expect(deathBoundArgs('/usr/bin/setpriv', '/usr/bin/ffmpeg', ['-i', 'a b.mp4'])).toEqual({
      command: '/usr/bin/setpriv',
      args: ['--pdeathsig', 'KILL', '--', '/usr/bin/ffmpeg', '-i', 'a b.mp4'],
    });
  });

  it('resolves commands through PATH the way spawn does', () => {
    expect(resolveCommand('sh', '/nonexistent:/bin:/usr/bin', '/')).toMatch(/^\/(usr\/)?bin\/sh$/);
    expect(resolveCommand('no-such-program-here', '/bin:/usr/bin', '/')).toBeNull();
    expect(resolveCommand('./sh', undefined, '/bin')).toBe('/bin/sh');
    expect(resolveCommand('bin', '/', '/')).toBeNull(); // a directory is not a program
  });

  it('finds a setpriv that supports --pdeathsig on this machine', () => {
    expect(pdeathsigWrapper()).toMatch(/setpriv$/);
  });

  it('kills every child of a SIGKILLed parent within 2 s (a bare child survives)', async () => {
    const { parent, pids } = startParent();
    const p = await pids;
    strays.push(p.sleep, p.ffmpeg, p.bare);
    // setpriv execs in place: the pid the helper reports is the program itself, a child of the parent.
    for (const [pid, name] of [
      [p.sleep, 'sleep'],
      [p.ffmpeg, 'ffmpeg'],
    ] as const) {
      expect(await pollUntil(() => procInfo(pid)?.argv[0]?.endsWith(name) === true, 5000)).toBe(true);
      expect(procInfo(pid)?.ppid).toBe(parent.pid);
    }
    // PR_SET_PDEATHSIG follows the thread that forked: had spawn forked from a short-lived thread
    // (not the main one), the children would already be dead. They live as long as the parent.
    await new Promise((r) => setTimeout(r, 300));
    expect([isGone(p.sleep), isGone(p.ffmpeg)]).toEqual([false, false]);
    const exited = new Promise((r) => parent.once('exit', r));
    parent.kill('SIGKILL');
    const t0 = Date.now();
    expect(await pollUntil(() => isGone(p.sleep) && isGone(p.ffmpeg), 2000)).toBe(true);
    expect(Date.now() - t0).toBeLessThan(2000);
    // The control: a child started without the helper is re-parented (once the parent's last
    // thread is gone) and keeps running.
    await exited;
    expect(isGone(p.bare)).toBe(false);
    expect(procInfo(p.bare)?.ppid).not.toBe(parent.pid);
  });
});

describe('startProcess / runProcess', () => {
  it('collects stdout and passes arguments without a shell', async () => {
    const { stdout } = await runProcess('printf', { args: ['%s|', 'a b', '$HOME'] });
    expect(stdout).toBe('a b|$HOME|');
  });

  it('rejects a non-zero exit with the last stderr line', async () => {
    const err = await runProcess('sh', {
      args: ['-c', 'echo first >&2; echo "last words" >&2; exit 3'],
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProcessError);
    expect((err as ProcessError).exitCode).toBe(3);
    expect((err as ProcessError).message).toMatch(/exited with 3: last words$/);
  });

  it('reports a missing program as a spawn error (no exit code), as before', async () => {
    const err = await runProcess('no-such-program-here', { args: [] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProcessError);
    expect((err as ProcessError).exitCode).toBeNull();
    expect((err as ProcessError).message).toMatch(/ENOENT/);
  });

  it('stops a child on abort (SIGTERM) and rejects as aborted', async () => {
    const controller = new AbortController();
    const proc = startProcess('sleep', { args: ['30'], signal: controller.signal });
    const t0 = Date.now();
    setTimeout(() => controller.abort(), 50);
    const err = await proc.done.catch((e: unknown) => e);
    expect((err as ProcessError).aborted).toBe(true);
    expect((err as ProcessError).name).toBe('AbortError');
    expect(Date.now() - t0).toBeLessThan(1500);
    expect(isGone(proc.child.pid!)).toBe(true);
  });
});
