/**
 * The series step: from every episode's checkpoints, runs the series-wide stages (characters)
 * and writes the zip root (DESIGN §4). Output is staged in a sibling folder and renamed into
 * place, so a crash or retry never leaves a half-written result, and a cancelled task gets
 * nothing more written. The documents are also kept (`docsFile`) so a
 * character rename can regenerate every export without decoding video.
 */
import { copyFile, mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  MANIFEST_SCHEMA,
  type Manifest,
  type Namelist,
  type Storyboard,
  type Transcript,
} from '../domain/documents.js';
import type { TaskConfig } from '../domain/task-config.js';
import {
  assembleNamelist,
  assembleTranscript,
  characterImagePath,
  charactersByShot,
} from './assemble/documents.js';
import { assembleStoryboard, keyframeZipPath } from './assemble/storyboard.js';
import {
  buildCharacters,
  embedReferencePhotos,
  writeFaceCrop,
  type CharacterResult,
} from './characters/index.js';
import { writeJsonAtomic } from './checkpoint.js';
import { writeExports } from './export/index.js';
import { matchLocations } from './scenes/index.js';
import type { EpisodeResult } from './run-episode.js';
import { toolVersions } from './tools.js';

export interface SeriesInput {
  taskId: string | null;
  config: TaskConfig;
  episodes: Array<{ result: EpisodeResult; source: string; file: string }>;
  /** Reference photos as local files (the API resolves asset ids before calling). */
  cast: ReadonlyArray<{ name: string; images: readonly string[] }>;
  outDir: string;
  /** Where to keep the documents for later re-exports (a rename); none for local runs. */
  docsFile?: string | undefined;
  signal: AbortSignal;
  warnings: string[];
  version: string;
  onProgress?: (stage: string, fraction: number) => void;
}

/** Everything the exports are made from; stored so exports can be regenerated. */
export interface SeriesDocs {
  taskId: string | null;
  language: string;
  title: string;
  options: { json: boolean; xlsx: boolean; mergeXlsx: boolean };
  episodes: Array<{ episode: string; storyboard: Storyboard; transcript: Transcript | null }>;
  namelist: Namelist | null;
}

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

async function characterStep(
  input: SeriesInput,
  staging: string,
  warnings: string[],
): Promise<{ result: CharacterResult; images: Set<string> } | null> {
  if (!input.config.use_face_recognition) return null;
  const { references, missing } = await embedReferencePhotos(input.cast, input.signal);
  for (const m of missing) warnings.push(`no face found in the reference photo for ${m}`);
  const result = buildCharacters(
    input.episodes.map(({ result: r }) => ({ episode: r.episode, faces: r.faces, lines: r.dialogue.lines })),
    { language: input.config.language, references },
  );
  const images = new Set<string>();
  await mkdir(join(staging, 'characters'), { recursive: true });
  for (const c of result.characters) {
    input.signal.throwIfAborted();
    const ep = input.episodes.find((e) => e.result.episode === c.best_face.episode);
    if (!ep) continue;
    try {
      await writeFaceCrop(
        ep.file,
        c.best_face.time,
        c.best_face.box,
        join(staging, characterImagePath(c.id)),
        {
          startTime: ep.result.media.startTime,
          signal: input.signal,
        },
      );
      images.add(c.id);
    } catch (err) {
      input.signal.throwIfAborted();
      warnings.push(
        `could not cut the face image of ${c.id}: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }
  return { result, images };
}

export async function runSeries(input: SeriesInput): Promise<string[]> {
  const staging = `${input.outDir}.staging`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  const warnings = [...input.warnings];
  for (const { result } of input.episodes)
    warnings.push(...result.dialogue.warnings.map((w) => `episode ${result.episode}: ${w}`));
  const files: string[] = [];
  const chars = await characterStep(input, staging, warnings);
  files.push(...[...(chars?.images ?? [])].map(characterImagePath));
  input.onProgress?.('characters', 0.5);

  const docs: SeriesDocs = {
    taskId: input.taskId,
    language: input.config.language,
    title: titleOf(input),
    options: {
      json: input.config.require_json,
      xlsx: input.config.require_xlsx,
      mergeXlsx: input.config.require_merge_xlsx,
    },
    episodes: [],
    namelist: chars ? assembleNamelist(chars.result, chars.images) : null,
  };
  const locations = matchLocations(
    input.episodes.map(({ result: r }) => ({
      episode: r.episode,
      scenes: r.scenes.scenes.map((x) => x.signature),
    })),
  );
  for (const [i, { result }] of input.episodes.entries()) {
    input.signal.throwIfAborted();
    const transcript = assembleTranscript(
      result.episode,
      input.config.language,
      result.dialogue.lines,
      chars?.result ?? null,
    );
    const storyboard = assembleStoryboard(result.episode, result.shots, {
      faces: result.faces,
      lines: transcript.lines,
      onscreenText: result.dialogue.onscreenText,
      characters: charactersByShot(chars?.result ?? null, result.episode),
      scenes: result.scenes,
      locations: locations[i]?.locations ?? [],
    });
    docs.episodes.push({ episode: result.episode, storyboard, transcript });
    for (const shot of result.shots.shots) {
      const rel = keyframeZipPath(result.episode, shot.index);
      await mkdir(dirname(join(staging, rel)), { recursive: true });
      await copyFile(join(result.keyframeDir, shot.keyframe), join(staging, rel));
      files.push(rel);
    }
  }
  input.signal.throwIfAborted();
  files.push(...(await writeExports({ ...docs, assetRoot: staging }, staging)));
  input.onProgress?.('exports', 0.9);

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
      dialogue_source: result.dialogue.source,
      stages: Object.fromEntries(
        Object.entries(result.stages).map(([k, v]) => [k, { version: v.version, seconds: v.seconds }]),
      ),
    })),
    stages_run: [
      'probe',
      'shots',
      'keyframes',
      'dialogue',
      'faces',
      ...(chars ? ['characters'] : []),
      'exports',
    ],
    stages_not_run: [
      ...(chars ? [] : [{ stage: 'characters', reason: 'use_face_recognition is false' }]),
      { stage: 'describe', reason: 'no vision-language endpoint configured' },
    ],
    warnings,
    tools: await toolVersions(input.signal),
    files: [...files, 'manifest.json'].sort(),
  };
  await writeJsonAtomic(join(staging, 'manifest.json'), manifest);
  input.signal.throwIfAborted();
  if (input.docsFile) await writeJsonAtomic(input.docsFile, docs);
  await rm(input.outDir, { recursive: true, force: true });
  await rename(staging, input.outDir);
  input.onProgress?.('exports', 1);
  return manifest.files;
}
