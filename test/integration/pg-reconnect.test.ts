/**
 * Fault test 3 (issue 7): PostgreSQL drops every connection of the worker processes (as a server
 * restart or a network cut does) while a task runs, twice. The workers reconnect on their own, the
 * task completes, and every episode is still processed exactly once.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asrSnapshot, expectEachEpisodeOnce } from '../helpers/exactly-once.js';
import { PG_ADMIN_URL } from '../helpers/pg.js';
import type { SlowAsr } from '../helpers/slow-asr.js';
import { startSpeechFleet } from '../helpers/speech-fleet.js';
import { tempDir } from '../helpers/tmp.js';
import type { Fleet } from '../helpers/worker-fleet.js';

const EPISODES = 8;
const WAIT_MS = 300_000;
const tmp = tempDir();
let asr: SlowAsr;
let fleet: Fleet;
let assets: string[];
let admin: pg.Client;

beforeAll(async () => {
  ({ asr, fleet, assets } = await startSpeechFleet({
    name: 'rs-reconnect',
    dir: tmp.dir,
    episodes: EPISODES,
    asrDelayMs: 2000,
    workers: 2,
  }));
  admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
});

afterAll(async () => {
  await admin?.end();
  await fleet?.close();
  await asr?.close();
  tmp.cleanup();
});

interface Backend {
  pid: number;
  name: string;
}

/** The workers' server processes (backends) in this fleet's database. */
async function workerBackends(): Promise<Backend[]> {
  const r = await admin.query<{ pid: number; application_name: string }>(
    `SELECT pid, application_name FROM pg_stat_activity WHERE datname = $1 AND application_name LIKE $2`,
    [fleet.db.name, `${fleet.appName}-w%`],
  );
  return r.rows.map((x) => ({ pid: x.pid, name: x.application_name }));
}

/** Terminate every backend of every worker; returns the ones that were terminated. */
async function dropWorkerConnections(): Promise<Backend[]> {
  const r = await admin.query<{ pid: number; application_name: string; ok: boolean }>(
    `SELECT pid, application_name, pg_terminate_backend(pid) AS ok
       FROM pg_stat_activity WHERE datname = $1 AND application_name LIKE $2`,
    [fleet.db.name, `${fleet.appName}-w%`],
  );
  return r.rows.filter((x) => x.ok).map((x) => ({ pid: x.pid, name: x.application_name }));
}

describe('PostgreSQL: worker connections dropped during a task', () => {
  it(
    'reconnects, completes the task, and processes every episode exactly once',
    async () => {
      const names = fleet.workers.map((w) => w.name).sort();
      const before = asrSnapshot(asr);
      const taskId = await fleet.submit(assets, { use_subtitle: false, use_face_recognition: false });
      const dropped: Backend[] = [];

      // First cut while both workers run an episode, the second once half the episodes are done.
      await fleet.waitForJobs(
        taskId,
        (jobs) => jobs.filter((j) => j.state === 'running').length === 2,
        120_000,
      );
      const first = await dropWorkerConnections();
      expect([...new Set(first.map((b) => b.name))].sort(), 'every worker had a connection').toEqual(names);
      dropped.push(...first);
      await fleet.waitForJobs(
        taskId,
        (jobs) => jobs.filter((j) => j.state === 'done').length >= EPISODES / 2,
        WAIT_MS,
      );
      // Then a flapping network: every connection the workers open is cut again for four seconds,
      // so cuts land inside claims, heartbeats, progress writes and completions.
      let second = 0;
      for (const t0 = Date.now(); Date.now() - t0 < 4000;) {
        const cut = await dropWorkerConnections();
        second += cut.length;
        dropped.push(...cut);
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(second).toBeGreaterThan(0);

      const done = await fleet.waitForTask(taskId, WAIT_MS);
      expect(done.status, JSON.stringify(done)).toBe('completed');
      const { jobs, leaseLost, retried } = await expectEachEpisodeOnce(fleet, taskId, EPISODES, asr, before);
      // Both workers kept working after the cuts, over new connections.
      for (const w of fleet.workers) expect(w.alive(), w.name).toBe(true);
      const fresh = (await workerBackends()).filter((b) => !dropped.some((d) => d.pid === b.pid));
      expect([...new Set(fresh.map((b) => b.name))].sort(), fleet.diagnose(jobs)).toEqual(names);
      console.log(
        `dropped ${first.length} + ${second} worker connections; ` +
          `${jobs.filter((j) => j.kind === 'episode').reduce((n, j) => n + j.attempts, 0)} episode attempts for ${EPISODES} episodes ` +
          `(${leaseLost} lease-lost, ${retried} failed and retried)`,
      );
    },
    2 * WAIT_MS,
  );
});
