/**
 * The series step: from every episode's checkpoints, builds the documents and writes the zip root
 * (DESIGN §4). Output is staged in a sibling folder and renamed into place, so a crash or retry
 * never leaves a half-written result, and a cancelled task gets nothing more written.
 */
import { copyFile, mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { MANIFEST_SCHEMA, type Manifest } from '../domain/documents.js';
import type { TaskConfig } from '../domain/task-config.js';
import { assembleStoryboard, keyframeZipPath } from './assemble/storyboard.js';
import { writeJsonAtomic } from './checkpoint.js';
import { writeExports } from './export/index.js';
import type { EpisodeResult } from './run-episode.js';
import { toolVersions } from './tools.js';

export interface SeriesInput {
  taskId: string | null;
  config: TaskConfig;
  episodes: Array<{ result: EpisodeResult; source: string }>;
  outDir: string;
  signal: AbortSignal;
  warnings: string[];
  version: string;
  onProgress?: (stage: string, fraction: number) => void;
}

/** Stages that exist in this build; the manifest lists the others as not run, with why. */
const NOT_BUILT: Manifest['stages_not_run'] = [
  { stage: 'dialogue', reason: 'not available in this build' },
  { stage: 'faces', reason: 'not available in this build' },
  { stage: 'characters', reason: 'not available in this build' },
  { stage: 'scenes', reason: 'not available in this build' },
];

/** The title used in exports: the task id, or the first source file for local runs. */
function titleOf(input: SeriesInput): string {
  return (
    input.taskId ??
    input.episodes[0]?.source
      .split('/')
      .pop()
      ?.replace(/\.[^.]+$/, '') ??
    'Screenplay'
  );
}

export async function runSeries(input: SeriesInput): Promise<string[]> {
  const staging = `${input.outDir}.staging`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  const files: string[] = [];
  const write = async (rel: string, value: unknown): Promise<void> => {
    await writeJsonAtomic(join(staging, rel), value);
    files.push(rel);
  };
  const total = input.episodes.length;
  const docs = [];
  for (const [i, { result }] of input.episodes.entries()) {
    input.signal.throwIfAborted();
    docs.push({
      episode: result.episode,
      storyboard: assembleStoryboard(result.episode, result.shots),
      transcript: null,
    });
    for (const shot of result.shots.shots) {
      const rel = keyframeZipPath(result.episode, shot.index);
      await mkdir(dirname(join(staging, rel)), { recursive: true });
      await copyFile(join(result.keyframeDir, shot.keyframe), join(staging, rel));
      files.push(rel);
    }
    input.onProgress?.('exports', (i + 1) / (total + 2));
  }
  input.signal.throwIfAborted();
  const exported = await writeExports(
    {
      taskId: input.taskId,
      language: input.config.language,
      title: titleOf(input),
      episodes: docs,
      namelist: null,
      assetRoot: staging,
      options: {
        json: input.config.require_json,
        xlsx: input.config.require_xlsx,
        mergeXlsx: input.config.require_merge_xlsx,
      },
    },
    staging,
  );
  files.push(...exported);
  const manifest: Manifest = {
    schema: MANIFEST_SCHEMA,
    task_id: input.taskId,
    generator: { name: 'reelscript', version: input.version },
    created_at: new Date().toISOString(),
    config: { ...input.config },
    episodes: input.episodes.map(({ result, source }) => ({
      episode: result.episode,
      source,
      duration: result.media.durationSeconds,
      stages: Object.fromEntries(
        Object.entries(result.stages).map(([k, v]) => [k, { version: v.version, seconds: v.seconds }]),
      ),
    })),
    stages_run: ['probe', 'shots', 'keyframes', 'exports'],
    stages_not_run: NOT_BUILT,
    warnings: input.warnings,
    tools: await toolVersions(input.signal),
    files: [...files, 'manifest.json'].sort(),
  };
  await write('manifest.json', manifest);
  input.signal.throwIfAborted();
  await rm(input.outDir, { recursive: true, force: true });
  await rename(staging, input.outDir);
  input.onProgress?.('exports', 1);
  return manifest.files;
}
