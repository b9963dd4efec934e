/**
 * I/O: dialogue from a subtitle track in the file. Text tracks (SRT, ASS, WebVTT, mov_text) are
 * converted to SRT by ffmpeg and parsed; bitmap tracks (PGS, VobSub) are drawn on a black canvas
 * and read by the same scan + OCR as burned-in subtitles.
 */
import { join } from 'node:path';
import { runProcess } from '../../process/spawn.js';
import type { MediaInfo, SubtitleTrack } from '../probe/types.js';
import type { StageContext } from '../types.js';
import { bitmapSource, extractTextTrackArgs } from './args.js';
import { readBurnedSubtitles, type BurnedResult } from './burned.js';
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
  // Bitmap subtitles are authored for the stored picture size.
  const w = media.video?.storedWidth ?? 1920;
  const h = media.video?.storedHeight ?? 1080;
  const fps = 25;
  const src = bitmapSource(file, track.index, w, h, media.durationSeconds, fps);
  return readBurnedSubtitles(src, null, {
    ctx: opts.ctx,
    language: opts.language,
    fps,
    dir: join(opts.dir, `track${track.index}`),
    wholeFrame: true,
  });
}
