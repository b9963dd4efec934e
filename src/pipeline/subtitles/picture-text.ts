/**
 * Pure: which read cues are text of the picture rather than dialogue (a caption on screen most
 * of the video, a credit showing through between subtitles).
 */
import { cueText, SAME_TEXT } from './cues.js';
import { textSimilarity } from './text.js';
import type { Cue } from './types.js';

/**
 * Indices of cues that are text of the picture showing through between subtitles: a credit or
 * watermark in the subtitle band that each subtitle covers. Its readings repeat (three times or
 * more) and fill every gap between the other cues over a span of at least half the video;
 * dialogue that repeats a line does not fill every pause.
 */
export function textBetweenSubtitles(cues: readonly Cue[], duration: number, frame: number): Set<number> {
  const out = new Set<number>();
  const groups: number[][] = [];
  cues.forEach((c, i) => {
    const g = groups.find((g) => textSimilarity(cueText(cues[g[0]!]!), cueText(c)) >= SAME_TEXT);
    if (g) g.push(i);
    else groups.push([i]);
  });
  for (const g of groups) {
    if (g.length < 3) continue;
    const own = g.map((i) => cues[i]!);
    const from = Math.min(...own.map((c) => c.start));
    const to = Math.max(...own.map((c) => c.end));
    if (to - from < duration / 2) continue;
    const others = cues
      .filter((c, i) => !g.includes(i) && c.end > from && c.start < to)
      .sort((a, b) => a.start - b.start);
    let gaps = 0;
    let filled = 0;
    for (let k = 1; k < others.length; k++) {
      const [a, b] = [others[k - 1]!.end, others[k]!.start];
      if (b - a < 2 * frame) continue;
      gaps++;
      if (own.some((c) => Math.min(c.end, b) - Math.max(c.start, a) >= (b - a) / 2)) filled++;
    }
    if (gaps >= 2 && filled === gaps) for (const i of g) out.add(i);
  }
  return out;
}

/**
 * Splits read cues into dialogue and text of the picture: a "subtitle" on screen for most of a
 * long video (a persistent caption) and text showing through between subtitles.
 */
export function separatePictureText(
  cues: readonly Cue[],
  duration: number,
  fps: number,
): { dialogue: Cue[]; picture: Array<{ start: number; end: number; text: string }> } {
  const behind = textBetweenSubtitles(cues, duration, 1 / fps);
  const isCaption = (c: Cue): boolean => duration > 20 && c.end - c.start > duration * 0.5;
  const picture = cues
    .filter((c) => isCaption(c))
    .map((c) => ({ start: c.start, end: c.end, text: cueText(c) }));
  const through = cues.filter((_, i) => behind.has(i));
  if (through.length)
    picture.push({
      start: Math.min(...through.map((c) => c.start)),
      end: Math.max(...through.map((c) => c.end)),
      text: cueText(through.reduce((a, b) => (b.confidence > a.confidence ? b : a))),
    });
  return { dialogue: cues.filter((c, i) => !behind.has(i) && !isCaption(c)), picture };
}
