/**
 * The dialogue stage. Dialogue comes from, in order: a subtitle track in the file, subtitles
 * burned into the picture, or speech recognition when the task asks for it (`useSubtitle:
 * false`) and an engine is configured. Voice activity detection runs in every case: speech
 * that no line covers is reported as untranscribed (listed in `untranscribed`, counted in a
 * warning) rather than as empty lines, so exports never show blank dialogue.
 */
import { join } from 'node:path';
import type { TranscriptLine } from '../../domain/documents.js';
import type { MediaInfo } from '../probe/types.js';
import { createAsrEngine } from '../speech/asr/index.js';
import type { AsrEngineConfig } from '../speech/asr/types.js';
import { decodeAudio } from '../speech/audio.js';
import { detectSpeech } from '../speech/silero.js';
import { transcribeSpeech } from '../speech/transcribe.js';
import { spanSeconds, uncovered, type Span } from '../speech/vad.js';
import { fileSource } from '../subtitles/args.js';
import { readBurnedSubtitles, type BurnedResult } from '../subtitles/burned.js';
import { pickTrack, readSubtitleTrack } from '../subtitles/track.js';
import type { StageContext } from '../types.js';
import { cuesToLines } from './lines.js';

export type { AsrEngineConfig } from '../speech/asr/types.js';

export interface DialogueResult {
  lines: TranscriptLine[];
  onscreenText: Array<{ start: number; end: number; text: string }>;
  source: 'subtitle_track' | 'subtitle_ocr' | 'asr' | 'none';
  speech: Array<{ start: number; end: number }>;
  /** Speech (from VAD) that no dialogue line covers. */
  untranscribed: Array<{ start: number; end: number }>;
  warnings: string[];
}

export interface DialogueOptions {
  ctx: StageContext;
  language: string;
  useSubtitle: boolean;
  asr: AsrEngineConfig | null;
}

/** Speech this close to a line counts as covered (subtitles lead and trail the voice a little). */
const COVER_SLACK = 0.4;
const MIN_UNTRANSCRIBED = 0.8;

export async function runDialogueStage(
  file: string,
  media: MediaInfo,
  opts: DialogueOptions,
): Promise<DialogueResult> {
  const { ctx } = opts;
  const warnings: string[] = [];
  const pcm = media.audio ? await decodeAudio(file, ctx.signal) : null;
  const speech: Span[] = pcm ? await detectSpeech(pcm, ctx.signal) : [];
  ctx.onProgress(0.1);
  const sub = (from: number): StageContext => ({
    ...ctx,
    onProgress: (f) => ctx.onProgress(from + (1 - from) * f),
  });

  if (!opts.useSubtitle && opts.asr && pcm) {
    try {
      const engine = createAsrEngine(opts.asr);
      const asr = await transcribeSpeech(pcm, speech, engine, {
        language: opts.language,
        signal: ctx.signal,
        onProgress: (f) => ctx.onProgress(0.1 + 0.9 * f),
      });
      const lines: TranscriptLine[] = asr.map((a, i) => ({
        id: i + 1,
        ...a,
        language: opts.language,
        speaker: null,
        source: 'asr',
      }));
      return finish(lines, [], asr.length ? 'asr' : 'none');
    } catch (err) {
      ctx.signal.throwIfAborted();
      warnings.push(
        `speech recognition failed (${err instanceof Error ? err.message : String(err)}): dialogue comes from subtitles instead`,
      );
    }
  } else if (!opts.useSubtitle) {
    warnings.push(
      pcm
        ? 'use_subtitle is false but no speech recognition engine is configured: dialogue comes from subtitles instead'
        : 'use_subtitle is false but the file has no audio: dialogue comes from subtitles instead',
    );
  }

  const dir = join(ctx.workDir, 'dialogue');
  const track = pickTrack(media.subtitles, opts.language);
  let read: BurnedResult | null = null;
  let source: DialogueResult['source'] = 'none';
  if (track) {
    read = await readSubtitleTrack(file, media, track, { ctx: sub(0.1), language: opts.language, dir });
    if (read.cues.length) source = 'subtitle_track';
    else warnings.push(`subtitle track ${track.index} (${track.codec}) has no readable cues`);
  }
  if (source === 'none' && media.video) {
    const v = media.video;
    const src = fileSource(file, v.width, v.height, media.durationSeconds);
    read = await readBurnedSubtitles(src, file, {
      ctx: sub(0.1),
      language: opts.language,
      fps: v.fps,
      dir: join(dir, 'burned'),
    });
    if (read.cues.length) source = 'subtitle_ocr';
  }
  if (source === 'none')
    warnings.push(
      'no dialogue found: no subtitle track, no burned-in subtitles' +
        (speech.length ? ', and speech is not transcribed' : ''),
    );
  const lines = read && source !== 'none' ? cuesToLines(read.cues, opts.language, source) : [];
  return finish(lines, read?.onscreen ?? [], source);

  function finish(
    lines: TranscriptLine[],
    onscreenText: DialogueResult['onscreenText'],
    src: DialogueResult['source'],
  ): DialogueResult {
    const untranscribed = uncovered(speech, lines, COVER_SLACK, MIN_UNTRANSCRIBED);
    if (untranscribed.length)
      warnings.push(
        `${untranscribed.length} stretch(es) of speech (${spanSeconds(untranscribed).toFixed(1)} s) have no dialogue line: untranscribed speech`,
      );
    ctx.onProgress(1);
    return { lines, onscreenText, source: src, speech, untranscribed, warnings };
  }
}
