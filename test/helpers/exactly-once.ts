/**
 * The exactly-once check for a task run by a worker fleet whose speech engine is a SlowAsr: every
 * episode job is done, every extra attempt is a run its worker itself logged as abandoned (lease
 * lost) or failed and rescheduled, never a second completion; the series step ran once, the output
 * lists every episode, and each episode's audio reached the speech engine once (more only for such
 * an abandoned or failed run).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import { checkpointPath } from '../../src/pipeline/checkpoint.js';
import type { DialogueResult } from '../../src/pipeline/dialogue/index.js';
import { EPISODE_STAGE_VERSIONS } from '../../src/pipeline/run-episode.js';
import { episodeWorkDir, taskOutDir } from '../../src/services/storage.js';
import type { JobRecord } from '../../src/store/ports.js';
import type { SlowAsr } from './slow-asr.js';
import type { Fleet } from './worker-fleet.js';

export interface OnceReport {
  jobs: JobRecord[];
  /** Speech requests per episode during the task. */
  asrRequests: Record<string, number>;
  leaseLost: number;
  retried: number;
}

/** Snapshot of the engine's counts, to take before a task starts. */
export const asrSnapshot = (asr: SlowAsr): Map<string, number> => new Map(asr.counts);

export async function expectEachEpisodeOnce(
  fleet: Fleet,
  taskId: string,
  episodes: number,
  asr: SlowAsr,
  before: Map<string, number>,
): Promise<OnceReport> {
  const jobs = await fleet.jobs(taskId);
  const why = fleet.diagnose(jobs);
  const eps = jobs.filter((j) => j.kind === 'episode');
  expect(eps.map((j) => j.episode).sort((a, b) => Number(a) - Number(b))).toEqual(
    Array.from({ length: episodes }, (_, i) => String(i + 1)),
  );
  expect(
    eps.map((j) => j.state),
    why,
  ).toEqual(eps.map(() => 'done'));
  expect(jobs.filter((j) => j.kind === 'series').map((j) => [j.state, j.attempts])).toEqual([['done', 1]]);

  const config = fleet.srv.server.deps.config;
  const asrRequests: Record<string, number> = {};
  const digests = new Set<string>();
  let leaseLost = 0;
  let retried = 0;
  for (const j of eps) {
    const lost = fleet.leaseLostRuns(taskId, j.episode);
    const failed = fleet.retriedRuns(taskId, j.episode);
    leaseLost += lost;
    retried += failed;
    expect(j.attempts - 1, `episode ${j.episode}\n${why}`).toBe(lost + failed);
    const file = checkpointPath(
      episodeWorkDir(config, taskId, j.episode),
      'dialogue',
      EPISODE_STAGE_VERSIONS.dialogue,
    );
    const { value } = JSON.parse(await readFile(file, 'utf8')) as { value: DialogueResult };
    expect(value.source, `episode ${j.episode} dialogue`).toBe('asr');
    const digest = /^audio ([0-9a-f]{12})$/.exec(value.lines[0]?.text ?? '')?.[1];
    expect(digest, `episode ${j.episode} transcript ${JSON.stringify(value.lines)}`).toBeDefined();
    digests.add(digest!);
    const n = (asr.counts.get(digest!) ?? 0) - (before.get(digest!) ?? 0);
    asrRequests[j.episode] = n;
    // A run abandoned after its speech request may have sent it once more; otherwise exactly once.
    expect(n, `speech requests of episode ${j.episode}\n${why}`).toBeGreaterThanOrEqual(1);
    expect(n, `speech requests of episode ${j.episode}\n${why}`).toBeLessThanOrEqual(1 + lost + failed);
  }
  expect(digests.size, 'every episode has its own audio').toBe(episodes);
  const manifest = JSON.parse(await readFile(join(taskOutDir(config, taskId), 'manifest.json'), 'utf8')) as {
    episodes: Array<{ episode: string; dialogue_source: string }>;
  };
  expect(manifest.episodes.map((e) => e.dialogue_source)).toEqual(eps.map(() => 'asr'));
  return { jobs, asrRequests, leaseLost, retried };
}
