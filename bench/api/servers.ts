/**
 * The processes the API benchmark drives: `reelscript serve` (API only) on a seeded store, and the
 * bare node:http baseline. Each runs in its own process, so the load generator never shares an
 * event loop with the server it measures.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { cliArgs, freePort, waitHttp } from '../../test/helpers/cli.js';

export interface Target {
  /** http://127.0.0.1:PORT */
  origin: string;
  pid: number;
  stop(): Promise<void>;
  /** The last lines the process wrote to stderr (for failures). */
  stderr(): string;
}

const TSX = fileURLToPath(new URL('../../node_modules/tsx/dist/esm/index.mjs', import.meta.url));
const BARE = fileURLToPath(new URL('./bare-server.ts', import.meta.url));

function track(child: ChildProcess): Omit<Target, 'origin'> {
  let tail = '';
  child.stderr?.on('data', (c: Buffer) => (tail = (tail + c.toString()).slice(-4000)));
  const exited = once(child, 'exit');
  return {
    pid: child.pid ?? 0,
    stderr: () => tail,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** `reelscript serve --workers 0` on the seeded store; rate limits raised out of the way. */
export async function startReelscript(store: {
  dataDir: string;
  databaseUrl?: string | undefined;
}): Promise<Target> {
  const port = await freePort();
  const args = ['serve', '--data', store.dataDir, '--port', String(port), '--workers', '0'];
  if (store.databaseUrl) args.push('--database', store.databaseUrl);
  const child = spawn(process.execPath, cliArgs(args), {
    env: {
      ...process.env,
      REELSCRIPT_LOG_LEVEL: 'error',
      // The limiter still runs on every request (its cost is part of the figure); it just never refuses.
      REELSCRIPT_RATE_LIMIT: '100000000',
      REELSCRIPT_RATE_BURST: '100000000',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const t = track(child);
  const origin = `http://127.0.0.1:${port}`;
  try {
    await waitHttp(`${origin}/healthz`, 60_000);
  } catch (err) {
    await t.stop();
    throw new Error(`${String(err)}\n${t.stderr()}`);
  }
  return { ...t, origin };
}

/** The bare node:http server answering each path with the body in `bodiesFile`. */
export async function startBare(bodiesFile: string): Promise<Target> {
  const child = spawn(process.execPath, ['--import', TSX, BARE, bodiesFile], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const t = track(child);
  const port = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('\n')) resolve(out.trim());
    });
    child.on('exit', (code) => reject(new Error(`bare server exited (${String(code)}): ${t.stderr()}`)));
  });
  return { ...t, origin: `http://127.0.0.1:${port}` };
}
