/**
 * The one helper that owns child processes (STYLE §4): no shell, explicit args, an AbortSignal,
 * an optional timeout, SIGTERM then SIGKILL, and the tail of stderr attached to failures.
 * Every live child is tracked so shutdown can kill stragglers and tests can assert none remain, and
 * every child is bound to this process's life (parent-death.ts), so a killed worker leaves none.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { deathBoundArgs, pdeathsigWrapper, resolveCommand } from './parent-death.js';

const STDERR_TAIL_BYTES = 4096;
const KILL_GRACE_MS = 1000;

const live = new Set<ChildProcess>();

/** PIDs of children started through this module that have not exited yet. */
export function liveChildPids(): number[] {
  return [...live].map((c) => c.pid).filter((p): p is number => typeof p === 'number');
}

/** Kill every live child (used on hard shutdown). */
export function killAllChildren(): void {
  for (const child of live) child.kill('SIGKILL');
}

export class ProcessError extends Error {
  constructor(
    message: string,
    readonly command: string,
    readonly exitCode: number | null,
    readonly exitSignal: NodeJS.Signals | null,
    readonly stderrTail: string,
    readonly aborted: boolean,
    readonly timedOut: boolean,
  ) {
    super(message);
    this.name = aborted ? 'AbortError' : 'ProcessError';
  }
}

export interface ProcessOptions {
  args: readonly string[];
  signal?: AbortSignal | undefined;
  timeoutMs?: number | undefined;
  cwd?: string | undefined;
  env?: NodeJS.ProcessEnv | undefined;
  /** Extra pipes after stdio 0-2 (e.g. ffmpeg's `pipe:3`). */
  extraPipes?: number | undefined;
}

export interface RunningProcess {
  readonly child: ChildProcess;
  readonly stdout: Readable;
  readonly stdin: Writable;
  /** Extra output pipes in order (fd 3, 4, …). */
  readonly extra: Readable[];
  /** Resolves on exit code 0; rejects with ProcessError otherwise (abort, timeout, non-zero). */
  readonly done: Promise<{ stderrTail: string }>;
  /** Lines of stderr as they arrive (for progress parsing). */
  onStderrLine(cb: (line: string) => void): void;
}

/** Start a process whose output the caller streams. */
export function startProcess(command: string, opts: ProcessOptions): RunningProcess {
  const stdio: SpawnOptions['stdio'] = ['pipe', 'pipe', 'pipe'];
  for (let i = 0; i < (opts.extraPipes ?? 0); i++) stdio.push('pipe');
  const env = opts.env ?? process.env;
  const cwd = opts.cwd ?? process.cwd();
  const setpriv = pdeathsigWrapper();
  const file = setpriv ? resolveCommand(command, env.PATH, cwd) : null;
  const run = setpriv && file ? deathBoundArgs(setpriv, file, opts.args) : { command, args: [...opts.args] };
  const child = spawn(run.command, run.args, { cwd: opts.cwd, env, stdio, shell: false });
  live.add(child);
  let stderrTail = '';
  let partial = '';
  const lineListeners: Array<(line: string) => void> = [];
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    stderrTail = (stderrTail + chunk).slice(-STDERR_TAIL_BYTES);
    if (lineListeners.length === 0) return;
    partial += chunk;
    const lines = partial.split(/\r?\n|\r/);
    partial = lines.pop() ?? '';
    for (const line of lines) for (const cb of lineListeners) cb(line);
  });
  // A consumer that stops reading early must not crash us with EPIPE.
  child.stdin?.on('error', () => undefined);

  let aborted = false;
  let timedOut = false;
  let killTimer: NodeJS.Timeout | undefined;
  const terminate = (): void => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    killTimer = setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS);
    killTimer.unref();
  };
  const onAbort = (): void => {
    aborted = true;
    terminate();
  };
  if (opts.signal?.aborted) onAbort();
  else opts.signal?.addEventListener('abort', onAbort, { once: true });
  const timeout =
    opts.timeoutMs !== undefined
      ? setTimeout(() => {
          timedOut = true;
          terminate();
        }, opts.timeoutMs)
      : undefined;

  const label = [command, ...opts.args].join(' ').slice(0, 300);
  const done = new Promise<{ stderrTail: string }>((resolve, reject) => {
    child.once('error', (err) => {
      live.delete(child);
      cleanup();
      reject(
        new ProcessError(`${command}: ${err.message}`, label, null, null, stderrTail, aborted, timedOut),
      );
    });
    child.once('close', (code, sig) => {
      live.delete(child);
      cleanup();
      if (code === 0 && !aborted && !timedOut) return resolve({ stderrTail });
      const why = aborted
        ? 'aborted'
        : timedOut
          ? `timed out after ${opts.timeoutMs} ms`
          : `exited with ${code ?? sig}`;
      const lastLine = stderrTail.trim().split('\n').slice(-1)[0] ?? '';
      reject(
        new ProcessError(
          `${command} ${why}${lastLine ? `: ${lastLine}` : ''}`,
          label,
          code,
          sig,
          stderrTail,
          aborted,
          timedOut,
        ),
      );
    });
  });
  function cleanup(): void {
    if (timeout) clearTimeout(timeout);
    if (killTimer) clearTimeout(killTimer);
    opts.signal?.removeEventListener('abort', onAbort);
  }
  const extra: Readable[] = [];
  for (let i = 0; i < (opts.extraPipes ?? 0); i++) extra.push(child.stdio[3 + i] as Readable);
  return {
    child,
    stdout: child.stdout as Readable,
    stdin: child.stdin as Writable,
    extra,
    done,
    onStderrLine: (cb) => lineListeners.push(cb),
  };
}

/** Run a process to completion and collect stdout (for small outputs such as ffprobe JSON). */
export async function runProcess(
  command: string,
  opts: ProcessOptions & { maxStdoutBytes?: number },
): Promise<{ stdout: string; stderrTail: string }> {
  const proc = startProcess(command, opts);
  proc.stdin.end();
  const max = opts.maxStdoutBytes ?? 64 * 1024 * 1024;
  const chunks: Buffer[] = [];
  let size = 0;
  proc.stdout.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size <= max) chunks.push(chunk);
  });
  const { stderrTail } = await proc.done;
  return { stdout: Buffer.concat(chunks).toString('utf8'), stderrTail };
}
