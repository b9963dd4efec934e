/**
 * Scale-out on the real PostgreSQL: an API-only server in the test process and any number of
 * `reelscript worker` processes sharing one fresh database and one data directory. Each worker
 * connects with its own application_name (`<fleet>-w<N>`), so a test can find its PostgreSQL
 * backends in pg_stat_activity, and its stderr is kept for counting the pool's log lines.
 */
import type { ChildProcess } from 'node:child_process';
import { expect } from 'vitest';
import type { JobRecord } from '../../src/store/ports.js';
import { startCli } from './cli.js';
import { freshDatabase, type PgScratch } from './pg.js';
import { api, startTestServer, waitForTask, type TestServer } from './server.js';

export interface WorkerProc {
  name: string;
  child: ChildProcess;
  pid: number;
  /** Everything the worker wrote to stderr so far. */
  log(): string;
  alive(): boolean;
  exited: Promise<void>;
  /** Set by Fleet.kill: this worker's death is the test's doing, not a crash. */
  killedByTest: boolean;
}

export interface Fleet {
  db: PgScratch;
  srv: TestServer;
  /** application_name prefix of every worker of this fleet. */
  appName: string;
  workers: WorkerProc[];
  /** Start one more worker and wait until it runs its pool. */
  startWorker(env?: NodeJS.ProcessEnv): Promise<WorkerProc>;
  submit(assets: string[], config?: Record<string, unknown>): Promise<string>;
  jobs(taskId: string): Promise<JobRecord[]>;
  /** Send a signal; a worker killed this way does not count as crashed. */
  kill(w: WorkerProc, signal: NodeJS.Signals): void;
  /** Wait until the task leaves pending/running; fails at once, with its log, if a worker crashes. */
  waitForTask(taskId: string, timeoutMs: number): Promise<Record<string, unknown>>;
  /** Poll the task's jobs until `pred` holds (failing at once if a worker crashes). */
  waitForJobs(taskId: string, pred: (jobs: JobRecord[]) => boolean, timeoutMs: number): Promise<JobRecord[]>;
  /** Runs of an episode its worker abandoned on losing the lease (logged by the pool itself). */
  leaseLostRuns(taskId: string, episode: string): number;
  /** Runs of an episode that failed and were rescheduled (`failed (CODE, will retry): …`). */
  retriedRuns(taskId: string, episode: string): number;
  /** Whether a worker ran (part of) an episode of the task: its stages log under the task's id. */
  ran(w: WorkerProc, taskId: string): boolean;
  /** Lines `[task episode E] stopped: REASON` in a worker's log. */
  stoppedLines(w: WorkerProc, taskId: string, reason: string): string[];
  diagnose(jobs: JobRecord[]): string;
  close(): Promise<void>;
}

/** The pid in a worker id (`host:pid:random`). */
export const pidOf = (workerId: string | null): number => Number((workerId ?? '').split(':')[1]);

const exitOf = (c: ChildProcess): Promise<void> =>
  new Promise((r) => (c.exitCode !== null || c.signalCode !== null ? r() : c.once('exit', () => r())));

export async function startFleet(o: {
  name: string;
  env?: NodeJS.ProcessEnv;
  dollars?: number;
}): Promise<Fleet> {
  const db = await freshDatabase();
  const srv = await startTestServer({ databaseUrl: db.url, workers: 0 }, o.dollars ?? 100);
  expect(srv.server.deps.store.dialect).toBe('postgres');
  const workers: WorkerProc[] = [];
  const store = srv.server.deps.store;

  const startWorker = async (env: NodeJS.ProcessEnv = {}): Promise<WorkerProc> => {
    const name = `${o.name}-w${workers.length + 1}`;
    const url = new URL(db.url);
    url.searchParams.set('application_name', name);
    const child = startCli(
      ['worker', '--database', url.toString(), '--data', srv.dataDir, '--workers', '1'],
      {
        ...o.env,
        ...env,
      },
    );
    let text = '';
    const started = new Promise<void>((resolve, reject) => {
      child.stderr!.on('data', (b: Buffer) => {
        text += b.toString();
        if (/reelscript worker \S+ started/.test(text)) resolve();
      });
      child.once('exit', (code, sig) => reject(new Error(`worker ${name} exited (${code ?? sig}): ${text}`)));
    });
    const w: WorkerProc = {
      name,
      child,
      pid: child.pid!,
      log: () => text,
      alive: () => child.exitCode === null && child.signalCode === null,
      exited: exitOf(child),
      killedByTest: false,
    };
    workers.push(w);
    await started;
    return w;
  };

  const jobs = (taskId: string): Promise<JobRecord[]> => store.listJobs(taskId);
  /** A worker that died without the test killing it fails the test with its last words. */
  const checkCrashes = (): void => {
    const dead = workers.find((w) => !w.alive() && !w.killedByTest);
    if (dead) throw new Error(`worker ${dead.name} (pid ${dead.pid}) died:\n${dead.log().slice(-4000)}`);
  };
  return {
    db,
    srv,
    appName: o.name,
    workers,
    startWorker,
    jobs,
    async submit(assets, config = {}) {
      const episodes = Object.fromEntries(assets.map((a, i) => [String(i + 1), a]));
      const r = await api(srv.base, srv.key, 'POST', '/screenplay/tasks', {
        mode: 'short_drama',
        episodes,
        config: { language: 'en', ...config },
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return String(r.body.data.task_id);
    },
    kill(w, signal) {
      if (signal !== 'SIGSTOP' && signal !== 'SIGCONT') w.killedByTest = true;
      w.child.kill(signal);
    },
    waitForTask: (taskId, timeoutMs) =>
      waitForTask(
        srv.base,
        srv.key,
        taskId,
        (d) => {
          checkCrashes();
          return !['pending', 'running'].includes(String(d.status));
        },
        timeoutMs,
      ),
    async waitForJobs(taskId, pred, timeoutMs) {
      const t0 = Date.now();
      for (;;) {
        checkCrashes();
        const list = await jobs(taskId);
        if (pred(list)) return list;
        if (Date.now() - t0 > timeoutMs)
          throw new Error(`jobs not as expected after ${timeoutMs} ms: ${JSON.stringify(list)}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    leaseLostRuns(taskId, episode) {
      const line = `[${taskId} episode ${episode}] stopped: lease-lost`;
      return workers.reduce(
        (n, w) =>
          n +
          w
            .log()
            .split('\n')
            .filter((l) => l === line).length,
        0,
      );
    },
    retriedRuns(taskId, episode) {
      const prefix = `[${taskId} episode ${episode}] failed (`;
      const lines = workers.flatMap((w) => w.log().split('\n'));
      return lines.filter((l) => l.startsWith(prefix) && l.includes(', will retry): ')).length;
    },
    ran: (w, taskId) => w.log().includes(`[${taskId} episode `),
    stoppedLines(w, taskId, reason) {
      const re = new RegExp(`^\\[${taskId} episode \\d+\\] stopped: ${reason}$`);
      return w
        .log()
        .split('\n')
        .filter((l) => re.test(l));
    },
    diagnose(list) {
      const logs = workers.map((w) => `--- ${w.name} (pid ${w.pid})\n${w.log().slice(-3000)}`);
      return `${JSON.stringify(list, null, 1)}\n${logs.join('\n')}`;
    },
    async close() {
      for (const w of workers.filter((x) => x.alive())) {
        w.killedByTest = true;
        w.child.kill('SIGCONT'); // a stopped worker would never see the SIGTERM
        w.child.kill('SIGTERM');
      }
      // Idle workers exit at once; one still draining a job gets a few seconds, then SIGKILL.
      const hard = setTimeout(() => workers.forEach((w) => w.alive() && w.child.kill('SIGKILL')), 15_000);
      await Promise.all(workers.map((w) => w.exited));
      clearTimeout(hard);
      await srv.close();
      await db.drop();
    },
  };
}
