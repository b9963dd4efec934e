/**
 * Pure: which read cues are text of the picture rather than dialogue (a caption on screen most
 * of the video, a credit showing through between subtitles).
 */
import { cueText, groupRows, SAME_TEXT } from './cues.js';
import { textSimilarity } from './text.js';
import type { Cue, OcrLine } from './types.js';

/** Boxes of one row further apart than this many row heights are separate texts. */
const APART = 1.5;
/**
 * A subtitle row's centre is this near the frame's axis (fractions of its width): rows read
 * whole are within a few hundredths; the band finder allows 0.15 for boxes that clip a line.
 */
const ROW_ON_AXIS = 0.1;

/**
 * The read lines of a subtitle crop that are text of the picture beside the subtitle (a sign,
 * an on-screen menu, a caption in a corner): subtitles are centred on the frame, as the band
 * finder expects. Lines are grouped into rows, and a row into runs of boxes closer than
 * APART row heights (a subtitle read in pieces at a comma stays one run); a run whose centre is
 * off the frame's axis, and that does not reach across it, is picture text. `left` is the
 * crop's left edge in the frame.
 */
export function besideSubtitle(lines: readonly OcrLine[], left: number, frameWidth: number): Set<OcrLine> {
  const out = new Set<OcrLine>();
  for (const row of groupRows(lines)) {
    const height = Math.max(...row.map((l) => l.box[3] - l.box[1]));
    const runs: OcrLine[][] = [];
    for (const l of row) {
      const last = runs[runs.length - 1];
      if (last && l.box[0] - Math.max(...last.map((o) => o.box[2])) <= APART * height) last.push(l);
      else runs.push([l]);
    }
    for (const run of runs) {
      const x0 = (left + Math.min(...run.map((l) => l.box[0]))) / frameWidth;
      const x1 = (left + Math.max(...run.map((l) => l.box[2]))) / frameWidth;
      // A run across the axis holds a subtitle whatever else the detector joined to it.
      const across = x0 < 0.5 && x1 > 0.5;
      if (!across && Math.abs((x0 + x1) / 2 - 0.5) >= ROW_ON_AXIS) for (const l of run) out.add(l);
    }
  }
  return out;
}

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

/**
 * A subtitle crop's read lines split into the subtitle's and text of the picture beside it. A
 * reading with nothing on the axis is kept whole and flagged `offAxis`: it may be what a karaoke
 * sweep left of a line (merged into the line later) or else text of the picture.
 */
export function splitReading(
  lines: readonly OcrLine[],
  left: number,
  frameWidth: number,
): { own: OcrLine[]; aside: OcrLine[]; offAxis: boolean } {
  const beside = besideSubtitle(lines, left, frameWidth);
  if (lines.length > 0 && beside.size === lines.length) return { own: [...lines], aside: [], offAxis: true };
  return { own: lines.filter((l) => !beside.has(l)), aside: [...beside], offAxis: false };
}

/** On-screen texts with readings of one text at most `maxGap` seconds apart joined. */
export function mergeOnscreen(
  texts: ReadonlyArray<{ start: number; end: number; text: string }>,
  maxGap: number,
): Array<{ start: number; end: number; text: string }> {
  const out: Array<{ start: number; end: number; text: string }> = [];
  for (const t of [...texts].sort((a, b) => a.start - b.start)) {
    const same = out.find((o) => t.start - o.end <= maxGap && textSimilarity(o.text, t.text) >= SAME_TEXT);
    if (same) same.end = Math.max(same.end, t.end);
    else out.push({ ...t });
  }
  return out;
}
