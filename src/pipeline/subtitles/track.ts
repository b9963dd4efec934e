/**
 * I/O: dialogue from a subtitle track in the file. Text tracks (SRT, ASS, WebVTT, mov_text) are
 * converted to SRT by ffmpeg and parsed; bitmap tracks (PGS, VobSub) are timed by their own
 * events and each distinct picture is read by OCR (bitmap.ts).
 */
import { join } from 'node:path';
import { runProcess } from '../../process/spawn.js';
import type { MediaInfo, SubtitleTrack } from '../probe/types.js';
import type { StageContext } from '../types.js';
import { extractTextTrackArgs } from './args.js';
import { readBitmapTrack } from './bitmap.js';
import type { BurnedResult } from './burned.js';
import { parseSrt, srtToCues } from './srt.js';

const LANGUAGE_CODES: Record<string, string[]> = {
  zh: ['zh', 'chi', 'zho', 'cmn', 'chs', 'cht'],
  en: ['en', 'eng'],
  ja: ['ja', 'jpn'],
  ko: ['ko', 'kor'],
};

/** The track to read: the episode's language first, then text before bitmap, then file order. */
export function pickTrack(tracks: readonly SubtitleTrack[], language: string): SubtitleTrack | null {
  const codes = LANGUAGE_CODES[language] ?? [language];
  const rank = (t: SubtitleTrack): number =>
    (t.language && codes.includes(t.language.toLowerCase()) ? 0 : 2) + (t.format === 'text' ? 0 : 1);
  return [...tracks].sort((a, b) => rank(a) - rank(b) || a.index - b.index)[0] ?? null;
}

export async function readSubtitleTrack(
  file: string,
  media: MediaInfo,
  track: SubtitleTrack,
  opts: { ctx: StageContext; language: string; dir: string },
): Promise<BurnedResult> {
  if (track.format === 'text') {
    const { stdout } = await runProcess('ffmpeg', {
      args: extractTextTrackArgs(file, track.index),
      signal: opts.ctx.signal,
      timeoutMs: 120_000,
    });
    const cues = srtToCues(parseSrt(stdout), opts.language);
    return { cues, onscreen: [], segments: cues.length, ocrCalls: 0 };
  }
  return readBitmapTrack(file, media, track.index, {
    ctx: opts.ctx,
    language: opts.language,
    dir: join(opts.dir, `track${track.index}`),
  });
}
