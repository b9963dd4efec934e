/**
 * The dialogue stage on a generated hard-subbed clip (subtitles read from the picture, no speech
 * engine), and each cue's boundary errors in frames against the subtitles drawn.
 */
import { runDialogueStage, type DialogueResult } from '../../src/pipeline/dialogue/index.js';
import { probeMedia } from '../../src/pipeline/probe/run.js';
import { noopStageContext } from '../../src/pipeline/types.js';
import {
  makeSubtitledVideo,
  type BurnedCue,
  type SubtitledVideoOptions,
} from '../fixtures/subtitled-video.js';

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
