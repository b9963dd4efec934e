/**
 * Fault test 4 (issue 7): a task is cancelled while three `reelscript worker` processes each run
 * one of its episodes with ffmpeg working for it. Within 2 s every worker stops that task's work
 * (no process of the task is left, each worker logs `stopped: cancelled`), nothing more is written
 * under the task's folders, and the workers, still alive, take the next task.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeVideo } from '../fixtures/make-video.js';
import { describeProcs, descendantsOf, liveProcs, pollUntil, procsMentioning } from '../helpers/procs.js';
import { api, uploadFile } from '../helpers/server.js';
import { tempDir } from '../helpers/tmp.js';
import { pidOf, startFleet, type Fleet } from '../helpers/worker-fleet.js';

const WAIT_MS = 300_000;
const tmp = tempDir();
let fleet: Fleet;
let longClip: string;
let shortClip: string;

beforeAll(async () => {
  const [long, short] = await Promise.all([
    // Long enough that each episode spends many seconds in ffmpeg (shots, subtitles, faces).
    makeVideo({ path: `${tmp.dir}/long.mp4`, width: 480, height: 270, segments: [10, 10, 10] }),
    makeVideo({ path: `${tmp.dir}/short.mp4`, width: 160, height: 90, segments: [1, 1] }),
  ]);
  fleet = await startFleet({
    name: 'rs-cancel',
    env: { REELSCRIPT_LEASE_MS: '8000', REELSCRIPT_HEARTBEAT_MS: '500', REELSCRIPT_POLL_MS: '100' },
  });
  longClip = (await uploadFile(fleet.srv.base, fleet.srv.key, long.path)).body.data.asset_id;
  shortClip = (await uploadFile(fleet.srv.base, fleet.srv.key, short.path)).body.data.asset_id;
  await Promise.all([0, 1, 2].map(() => fleet.startWorker()));
});

afterAll(async () => {
  await fleet?.close();
  tmp.cleanup();
});

/** Every file under `dir` with its size and modification time. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const s = statSync(path, { throwIfNoEntry: false });
    out[path.slice(dir.length + 1)] = s ? `${s.size}@${s.mtimeMs}` : 'gone';
  }
  return out;
}

describe('PostgreSQL: cancel while several worker processes run the task', () => {
  it(
    'stops the task in every worker within 2 s, writes nothing more, and the workers go on',
    async () => {
      const taskId = await fleet.submit([longClip, longClip, longClip]);
      // Wait until each worker runs an episode of the task with a child process working for it.
      const busy = (): boolean =>
        fleet.workers.every((w) => procsMentioning(taskId, descendantsOf(w.pid)).length > 0);
      await fleet.waitForJobs(
        taskId,
        (jobs) =>
          new Set(jobs.filter((j) => j.state === 'running').map((j) => pidOf(j.workerId))).size === 3 &&
          busy(),
        180_000,
      );
      const cancelledAt = Date.now();
      const c = await api(fleet.srv.base, fleet.srv.key, 'DELETE', `/screenplay/tasks/${taskId}`);
      expect(c.body).toMatchObject({ code: 200, data: { task_id: taskId, status: 'cancelled' } });

      // Within 2 s: no process mentions the task, the workers (idle now: no other task) have no
      // child process but tsx's esbuild service (the CLI runs from source), and every worker has
      // logged that it stopped.
      const left = () => {
        const procs = liveProcs();
        const kids = fleet.workers
          .flatMap((w) => descendantsOf(w.pid, procs))
          .filter((p) => !(p.argv[0]?.endsWith('/esbuild') && p.argv.some((a) => a.startsWith('--service'))));
        const all = [...procsMentioning(taskId, procs), ...kids];
        return all.filter((p, i) => all.findIndex((q) => q.pid === p.pid) === i);
      };
      const notStopped = () =>
        fleet.workers.filter((w) => fleet.stoppedLines(w, taskId, 'cancelled').length === 0);
      const stopped = await pollUntil(() => left().length === 0 && notStopped().length === 0, 2000);
      const ms = Date.now() - cancelledAt;
      expect(
        stopped,
        `after ${ms} ms, processes:\n${describeProcs(left())}\nworkers still running it: ` +
          notStopped()
            .map((w) => `${w.name}\n${w.log().slice(-1500)}`)
            .join('\n'),
      ).toBe(true);
      for (const w of fleet.workers)
        expect(fleet.stoppedLines(w, taskId, 'cancelled'), w.name).toHaveLength(1);

      // Nothing more is written under the task's folders.
      const taskDir = join(fleet.srv.server.deps.config.tasksDir, taskId);
      const files = snapshot(taskDir);
      await new Promise((r) => setTimeout(r, 3000));
      expect(snapshot(taskDir)).toEqual(files);
      const jobs = await fleet.jobs(taskId);
      expect(jobs.map((j) => j.state)).toEqual(['cancelled', 'cancelled', 'cancelled']);
      console.log(`cancel: all three workers stopped within ${ms} ms`);

      // The workers are alive and take the next task: each of them runs one of its episodes.
      for (const w of fleet.workers) expect(w.alive(), w.name).toBe(true);
      const next = await fleet.submit([shortClip, shortClip, shortClip, shortClip, shortClip, shortClip]);
      const done = await fleet.waitForTask(next, WAIT_MS);
      expect(done.status, JSON.stringify(done)).toBe('completed');
      const ran = new Set(
        (await fleet.jobs(next)).filter((j) => j.kind === 'episode').map((j) => pidOf(j.workerId)),
      );
      expect(ran).toEqual(new Set(fleet.workers.map((w) => w.pid)));
    },
    2 * WAIT_MS,
  );
});
