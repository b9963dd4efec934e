/**
 * Scale-out on the real PostgreSQL: an API-only server plus three `reelscript worker` processes
 * share one fresh database and data directory. Every episode is processed exactly once to
 * completion; a worker SIGKILLed mid-episode (while ffmpeg runs for it) leaves no child process
 * behind, loses its lease, and another worker finishes the job, resuming after the stages already
 * checkpointed.
 */
import { statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkpointPath } from '../../src/pipeline/checkpoint.js';
import { EPISODE_STAGE_VERSIONS } from '../../src/pipeline/run-episode.js';
import { episodeWorkDir } from '../../src/services/storage.js';
import { makeVideo } from '../fixtures/make-video.js';
import {
  describeProcs,
  descendantsOf,
  isGone,
  pollUntil,
  procsMentioning,
  type ProcInfo,
} from '../helpers/procs.js';
import { uploadFile } from '../helpers/server.js';
import { tempDir } from '../helpers/tmp.js';
import { pidOf, startFleet, type Fleet } from '../helpers/worker-fleet.js';

// Short enough that a dead worker's job moves on quickly, long enough that heartbeats survive the
// event-loop stalls measured on a loaded 2-core CI box (3 s leases were lost while models loaded).
const LEASE_MS = 8000;
// Six real episodes through OCR and face models on two shared cores: minutes when the machine is
// busy. The waits are generous so that only a stuck task fails the test, not a slow one.
const WAIT_MS = 480_000;
const tmp = tempDir();
let fleet: Fleet;
let shortClip: string;
let longClip: string;

beforeAll(async () => {
  const [short, long] = await Promise.all([
    makeVideo({ path: `${tmp.dir}/short.mp4`, width: 320, height: 180, segments: [1, 1.2] }),
    makeVideo({ path: `${tmp.dir}/long.mp4`, width: 320, height: 180, segments: [2, 2, 2] }),
  ]);
  fleet = await startFleet({
    name: 'rs-workers',
    env: { REELSCRIPT_LEASE_MS: String(LEASE_MS), REELSCRIPT_HEARTBEAT_MS: '500' },
  });
  shortClip = (await uploadFile(fleet.srv.base, fleet.srv.key, short.path)).body.data.asset_id;
  longClip = (await uploadFile(fleet.srv.base, fleet.srv.key, long.path)).body.data.asset_id;
  await Promise.all([0, 1, 2].map(() => fleet.startWorker()));
});

afterAll(async () => {
  await fleet?.close();
  tmp.cleanup();
});

describe('PostgreSQL: API process + three worker processes', () => {
  it(
    'processes every episode exactly once to completion, spread over the workers',
    async () => {
      const taskId = await fleet.submit(Array.from({ length: 6 }, () => shortClip));
      const done = await fleet.waitForTask(taskId, WAIT_MS);
      expect(done.status, JSON.stringify(done)).toBe('completed');
      const jobs = await fleet.jobs(taskId);
      const episodes = jobs.filter((j) => j.kind === 'episode');
      expect(episodes.map((j) => j.episode)).toEqual(['1', '2', '3', '4', '5', '6']);
      // Exactly one run per episode reached completion: every extra claim is a run its worker
      // stopped on losing the lease (a slow heartbeat under load), never a second completion.
      expect(
        episodes.map((j) => j.state),
        fleet.diagnose(jobs),
      ).toEqual(episodes.map(() => 'done'));
      for (const j of episodes)
        expect(j.attempts - 1, fleet.diagnose(jobs)).toBe(fleet.leaseLostRuns(taskId, j.episode));
      expect(jobs.filter((j) => j.kind === 'series').map((j) => [j.state, j.attempts])).toEqual([
        ['done', 1],
      ]);
      const pids = new Set(episodes.map((j) => pidOf(j.workerId)));
      expect(pids.size).toBeGreaterThanOrEqual(2);
      for (const pid of pids) expect(fleet.workers.map((w) => w.pid)).toContain(pid);
      const ledger = await fleet.srv.server.deps.store.listLedger(fleet.srv.accountId, 50);
      expect(ledger.filter((e) => e.taskId === taskId).length).toBe(1);
    },
    WAIT_MS + 60_000,
  );

  it(
    'lets another worker finish an episode whose worker was SIGKILLed mid-run, leaving no orphan',
    async () => {
      const taskId = await fleet.submit([longClip, longClip]);
      // Kill once probe and shots are checkpointed (the progress row names the stage running now)
      // and while the worker has a child process working on this task (ffmpeg reading the episode).
      let victimJob = (await fleet.jobs(taskId))[0]!;
      let children: ProcInfo[] = [];
      await fleet.waitForJobs(
        taskId,
        (jobs) => {
          for (const j of jobs) {
            if (j.state !== 'running' || (j.stage !== 'dialogue' && j.stage !== 'faces')) continue;
            const kids = descendantsOf(pidOf(j.workerId));
            if (procsMentioning(taskId, kids).length === 0) continue;
            [victimJob, children] = [j, kids];
            return true;
          }
          return false;
        },
        180_000,
      );
      const victim = fleet.workers.find((w) => w.pid === pidOf(victimJob.workerId));
      expect(victim, `worker ${victimJob.workerId ?? ''} is one of ours`).toBeDefined();
      const workDir = episodeWorkDir(fleet.srv.server.deps.config, taskId, victimJob.episode);
      const finished = (['probe', 'shots'] as const).map((stage) => {
        const file = checkpointPath(workDir, stage, EPISODE_STAGE_VERSIONS[stage]);
        return [file, statSync(file).mtimeMs] as const;
      });
      fleet.kill(victim!, 'SIGKILL');
      const killedAt = Date.now();

      // No orphan: every process the worker had started is gone within 2 s, and nothing else works
      // on the victim's episode (the lease keeps other workers off it for LEASE_MS).
      const episodePaths = [
        `${taskId}/work/inputs/${victimJob.episode}.`,
        `${taskId}/work/${victimJob.episode}/`,
      ];
      const orphans = () => [
        ...children.filter((p) => !isGone(p.pid)),
        ...episodePaths.flatMap((path) => procsMentioning(path)),
      ];
      const clean = await pollUntil(() => orphans().length === 0, 2000);
      expect(clean, `left behind after the kill:\n${describeProcs(orphans())}`).toBe(true);
      expect(Date.now() - killedAt).toBeLessThan(LEASE_MS);
      await victim!.exited;

      const done = await fleet.waitForTask(taskId, WAIT_MS);
      expect(done.status, JSON.stringify(done)).toBe('completed');
      const jobs = await fleet.jobs(taskId);
      const retried = jobs.find((j) => j.id === victimJob.id)!;
      expect(retried.state).toBe('done');
      expect(retried.attempts - 2).toBe(fleet.leaseLostRuns(taskId, retried.episode));
      expect(pidOf(retried.workerId)).not.toBe(victim!.pid);
      expect(fleet.workers.filter((w) => w !== victim).map((w) => w.pid)).toContain(pidOf(retried.workerId));
      // No worker was started after the kill: the expired lease alone handed the job over.
      expect(fleet.workers.length).toBe(3);
      for (const j of jobs.filter((x) => x.kind === 'episode' && x.id !== victimJob.id)) {
        expect(j.state).toBe('done');
        expect(j.attempts - 1).toBe(fleet.leaseLostRuns(taskId, j.episode));
      }
      // The retry resumed after the stages the killed worker had finished: their checkpoints
      // were reused, not written again.
      for (const [file, mtime] of finished) expect(statSync(file).mtimeMs, file).toBe(mtime);
    },
    WAIT_MS + 60_000,
  );
});
