/**
 * Children die with their parent. A worker that is SIGKILLed (or crashes, or is OOM-killed) runs no
 * cleanup, so its ffmpeg children would be re-parented to init and keep decoding, writing into a
 * task folder another worker now owns. Linux's parent-death signal (prctl PR_SET_PDEATHSIG) makes
 * the kernel send SIGKILL to the child the moment its parent goes; Node cannot call prctl, so the
 * child is started through util-linux `setpriv --pdeathsig KILL -- CMD…`, which sets it and execs
 * CMD in place (same pid, same stdio; the setting survives exec for non-setuid programs).
 *
 * The signal is tied to the *thread* that forked the child. Node forks in the thread that calls
 * `child_process.spawn`: the main thread here (no worker_threads spawn), so the child lives exactly
 * as long as the process. A child started from a worker thread would die with that thread, which is
 * also right: nothing is left to read its output.
 *
 * Without setpriv (not Linux, or a stripped image) commands run as before, unprotected.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';

/** Pure: the program and arguments that run `file args` bound to the parent's life via setpriv. */
export function deathBoundArgs(
  setpriv: string,
  file: string,
  args: readonly string[],
): { command: string; args: string[] } {
  return { command: setpriv, args: ['--pdeathsig', 'KILL', '--', file, ...args] };
}

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * The absolute path `spawn` would run for `command` (looked up in PATH as Node does), or null when
 * there is none. A missing program is then spawned directly so it fails exactly as before (ENOENT),
 * instead of as setpriv's exit code 127.
 */
export function resolveCommand(command: string, pathVar: string | undefined, cwd: string): string | null {
  if (command.includes('/')) {
    const abs = isAbsolute(command) ? command : resolve(cwd, command);
    return isExecutableFile(abs) ? abs : null;
  }
  for (const dir of (pathVar ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(resolve(cwd, dir), command);
    if (isExecutableFile(candidate)) return candidate;
  }
  return null;
}

let wrapper: string | null | undefined;

/**
 * setpriv's path if it is installed and its --pdeathsig works here (util-linux ≥ 2.33; prctl may be
 * refused by a sandbox), checked once per process; null otherwise.
 */
export function pdeathsigWrapper(): string | null {
  if (wrapper !== undefined) return wrapper;
  const path = resolveCommand('setpriv', process.env.PATH, process.cwd());
  const ok =
    path !== null && spawnSync(path, ['--pdeathsig', 'KILL', '--', 'true'], { stdio: 'ignore' }).status === 0;
  wrapper = ok ? path : null;
  return wrapper;
}
