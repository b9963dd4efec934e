/**
 * Runs the per-episode stages in order, each checkpointed in the episode's work dir so a retry
 * resumes from the last finished stage. Progress is a weighted sum over stages.
 */
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { TaskConfig } from '../domain/task-config.js';
import { withCheckpoint } from './checkpoint.js';
import { runDialogueStage, type AsrEngineConfig, type DialogueResult } from './dialogue/index.js';
import { FACES_STAGE_VERSION, runFaceStage, type EpisodeFaces } from './faces/index.js';
import { probeMedia } from './probe/run.js';
import { runSceneStage, type EpisodeScenesResult } from './scenes/index.js';
import type { MediaInfo } from './probe/types.js';
import { runShotStage, type ShotStageResult } from './shots/index.js';
import type { StageContext } from './types.js';

export const EPISODE_STAGE_VERSIONS = {
  probe: 1,
  shots: 1,
  scenes: 1,
  dialogue: 1,
  faces: FACES_STAGE_VERSION,
} as const;
const WEIGHTS: Record<keyof typeof EPISODE_STAGE_VERSIONS, number> = {
  probe: 0.02,
  shots: 0.32,
  scenes: 0.01,
  dialogue: 0.35,
  faces: 0.3,
};

export interface EpisodeInput {
  episode: string;
  file: string;
  workDir: string;
  config: TaskConfig;
  /** The speech engine the deployment configured, if any. */
  asr?: AsrEngineConfig | null;
  signal: AbortSignal;
  onProgress?: (stage: string, fraction: number) => void;
  log?: (message: string) => void;
}

export interface EpisodeResult {
  episode: string;
  media: MediaInfo;
  shots: ShotStageResult;
  scenes: EpisodeScenesResult;
  dialogue: DialogueResult;
  faces: EpisodeFaces;
  /** Directory holding this episode's keyframe JPEGs (names as in shots[].keyframe). */
  keyframeDir: string;
  stages: Record<string, { version: number; seconds: number; reused: boolean }>;
}

export function keyframeDirOf(workDir: string): string {
  return join(workDir, 'keyframes');
}

export async function runEpisode(input: EpisodeInput): Promise<EpisodeResult> {
  const stages: EpisodeResult['stages'] = {};
  let done = 0;
  const ctxFor = (stage: keyof typeof WEIGHTS): StageContext => ({
    signal: input.signal,
    workDir: input.workDir,
    onProgress: (f) =>
      input.onProgress?.(stage, Math.min(1, done + WEIGHTS[stage] * Math.max(0, Math.min(1, f)))),
    log: (m) => input.log?.(`${stage}: ${m}`),
  });
  const step = async <T>(stage: keyof typeof WEIGHTS, fn: (ctx: StageContext) => Promise<T>): Promise<T> => {
    input.signal.throwIfAborted();
    const ctx = ctxFor(stage);
    ctx.onProgress(0);
    const r = await withCheckpoint(input.workDir, stage, EPISODE_STAGE_VERSIONS[stage], () => fn(ctx));
    stages[stage] = { version: EPISODE_STAGE_VERSIONS[stage], seconds: r.seconds, reused: r.reused };
    done += WEIGHTS[stage];
    input.onProgress?.(stage, done);
    return r.value;
  };

  await mkdir(input.workDir, { recursive: true });
  const media = await step('probe', () => probeMedia(input.file, input.signal));
  const keyframeDir = keyframeDirOf(input.workDir);
  const shots = await step('shots', async (ctx) => {
    // A half-written keyframe folder from an interrupted attempt is discarded, not trusted.
    await rm(keyframeDir, { recursive: true, force: true });
    await mkdir(keyframeDir, { recursive: true });
    return runShotStage(input.file, media, { ctx, keyframeDir });
  });
  const scenes = await step('scenes', (ctx) =>
    runSceneStage(
      shots.shots.map((s) => ({
        keyframePath: join(keyframeDir, s.keyframe),
        transition: s.transition_in.kind,
        start: s.start,
        end: s.end,
      })),
      ctx.signal,
    ),
  );
  const dialogue = await step('dialogue', (ctx) =>
    runDialogueStage(input.file, media, {
      ctx,
      language: input.config.language,
      useSubtitle: input.config.use_subtitle,
      asr: input.asr ?? null,
    }),
  );
  // Faces run even without face recognition: shot size is read from face scale.
  const faces = await step('faces', (ctx) => runFaceStage(input.file, media, shots.shots, { ctx }));
  return { episode: input.episode, media, shots, scenes, dialogue, faces, keyframeDir, stages };
}
