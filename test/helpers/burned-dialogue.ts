/**
 * The dialogue stage on a generated hard-subbed clip (subtitles read from the picture, no speech
 * engine), and each cue's boundary errors in frames against the subtitles drawn.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import { runDialogueStage, type DialogueResult } from '../../src/pipeline/dialogue/index.js';
import { probeMedia } from '../../src/pipeline/probe/run.js';
import { normalize } from '../../src/pipeline/subtitles/text.js';
import { noopStageContext } from '../../src/pipeline/types.js';
import {
  makeSubtitledVideo,
  type BurnedCue,
  type SubtitledVideoOptions,
} from '../fixtures/subtitled-video.js';
import { tempDir } from './tmp.js';

export async function burnedDialogue(
  clip: SubtitledVideoOptions,
  workDir: string,
  language: string,
): Promise<DialogueResult> {
  const { path } = await makeSubtitledVideo(clip);
  return runDialogueStage(path, await probeMedia(path), {
    ctx: noopStageContext(new AbortController().signal, workDir),
    language,
    useSubtitle: true,
    asr: null,
  });
}

/** [start, end] error of each line against the cue drawn in its place, in frames. */
export function frameErrors(
  lines: DialogueResult['lines'],
  cues: readonly BurnedCue[],
  fps: number,
): number[][] {
  return lines.map((l, i) => [
    Math.round((l.start - cues[i]!.start) * fps),
    Math.round((l.end - cues[i]!.end) * fps),
  ]);
}

/**
 * For a describe block: generates the clip (given its temporary directory) and runs the stage on
 * it once before the tests; the result is read through the returned getter.
 */
export function burnedDialogueOnce(
  clip: (dir: string) => SubtitledVideoOptions,
  language: string,
): () => DialogueResult {
  const tmp = tempDir();
  let result: DialogueResult | undefined;
  beforeAll(async () => {
    result = await burnedDialogue(clip(tmp.dir), tmp.dir, language);
  });
  afterAll(() => tmp.cleanup());
  return () => {
    if (!result) throw new Error('the burned-in dialogue fixture did not run');
    return result;
  };
}

/** Every line's start and end within `within` frames of the cue drawn in its place. */
export function expectTimed(
  lines: DialogueResult['lines'],
  cues: readonly BurnedCue[],
  fps: number,
  within = 2,
): void {
  const frames = frameErrors(lines, cues, fps);
  for (const d of frames.flat()) expect(Math.abs(d), JSON.stringify(frames)).toBeLessThanOrEqual(within);
}

/** The words of a Latin-script line as read, without case and punctuation: spaces must be right. */
export function expectWords(read: string | undefined, drawn: string): void {
  const words = (t: string): string[] => t.split(/\s+/).map(normalize).filter(Boolean);
  expect(words(read ?? ''), read).toEqual(words(drawn));
}
