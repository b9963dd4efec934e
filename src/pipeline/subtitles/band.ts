/**
 * Pure band finding from OCR of a few sampled frames. Text that recurs unchanged in most
 * samples is persistent (logo, watermark, caption) and becomes on-screen text. The subtitle band
 * is the vertical cluster of horizontally centred lines whose text varies between samples.
 * Text in the picture (a screen, a sign) can vary too, so what counts most is text centred on
 * the frame's axis, as subtitles are and scene text rarely is exactly.
 */
import { normalize, textSimilarity } from './text.js';
import type { Box, OcrLine } from './types.js';

export interface Sample {
  width: number;
  height: number;
  lines: OcrLine[];
  /** The sampled picture (the I/O shell measures the subtitles' fill in it). */
  file?: string;
}

export interface BandResult {
  /** Vertical extent as fractions of the frame height; null when no subtitles were seen. */
  band: { top: number; bottom: number } | null;
  /** Tallest subtitle line seen, as a fraction of the frame height (0 when none). */
  lineHeight: number;
  /** Persistent text with boxes as fractions of the frame. */
  persistent: Array<{ text: string; box: Box }>;
  /** The subtitle lines seen: sample index and box (fractions of the frame). */
  lines: Array<{ sample: number; box: Box }>;
}

interface Seen {
  text: string;
  box: Box;
  sample: number;
}

const unit = (l: OcrLine, s: Sample): Box => [
  l.box[0] / s.width,
  l.box[1] / s.height,
  l.box[2] / s.width,
  l.box[3] / s.height,
];
const centred = (b: Box): boolean => Math.abs((b[0] + b[2]) / 2 - 0.5) < 0.15;
const overlapY = (a: Box, b: Box, slack: number): boolean => a[1] - slack < b[3] && b[1] - slack < a[3];

/** A subtitle row's centre is this close to the frame's centre (fractions of the width). */
const ON_AXIS = 0.04;

/** Distinct texts of `lines` (readings this similar are one text). */
function distinct(lines: readonly Seen[]): number {
  const texts: string[] = [];
  for (const l of lines) if (!texts.some((t) => textSimilarity(t, l.text) >= 0.8)) texts.push(l.text);
  return texts.length;
}

/**
 * How much a cluster looks like the subtitle band: its distinct texts on the frame's axis (each
 * sample's boxes on one row taken together, as a row may be read in pieces), then its other
 * distinct texts, then a preference for the lower half.
 */
function bandScore(cl: readonly Seen[]): number {
  const onAxis: Seen[] = [];
  for (const l of cl) {
    const row = cl.filter((o) => o.sample === l.sample && overlapY(o.box, l.box, 0));
    const x0 = Math.min(...row.map((o) => o.box[0]));
    const x1 = Math.max(...row.map((o) => o.box[2]));
    if (Math.abs((x0 + x1) / 2 - 0.5) < ON_AXIS) onAxis.push(l);
  }
  return distinct(onAxis) + 0.25 * distinct(cl) + (cl[0]!.box[1] > 0.5 ? 0.5 : 0);
}

export function findBand(samples: readonly Sample[]): BandResult {
  const seen: Seen[] = samples.flatMap((s, i) =>
    s.lines
      .filter((l) => normalize(l.text).length > 0 && l.mean >= 0.6)
      .map((l) => ({ text: l.text, box: unit(l, s), sample: i })),
  );
  // Persistent: similar text at a similar place in most samples.
  const persistent: BandResult['persistent'] = [];
  const isPersistent = new Set<Seen>();
  for (const a of seen) {
    if (isPersistent.has(a)) continue;
    const same = seen.filter(
      (b) => textSimilarity(a.text, b.text) >= 0.8 && Math.abs(a.box[1] - b.box[1]) < 0.03,
    );
    const share = new Set(same.map((b) => b.sample)).size / Math.max(1, samples.length);
    if (samples.length >= 3 && share >= (centred(a.box) ? 0.9 : 0.6)) {
      for (const b of same) isPersistent.add(b);
      persistent.push({ text: a.text, box: a.box });
    }
  }
  const candidates = seen.filter((s) => !isPersistent.has(s) && centred(s.box));
  // Cluster lines that overlap vertically (with half a line of slack) into bands.
  const clusters: Seen[][] = [];
  for (const c of [...candidates].sort((a, b) => a.box[1] - b.box[1])) {
    const slack = (c.box[3] - c.box[1]) * 0.6;
    const hit = clusters.find((cl) => cl.some((o) => overlapY(o.box, c.box, slack)));
    if (hit) hit.push(c);
    else clusters.push([c]);
  }
  const best = clusters.sort((a, b) => bandScore(b) - bandScore(a))[0];
  if (!best) return { band: null, lineHeight: 0, persistent, lines: [] };
  const lineH = Math.max(...best.map((s) => s.box[3] - s.box[1]));
  // Room for one more line above what the samples showed: subtitles grow upwards from the bottom.
  const top = Math.max(0, Math.min(...best.map((s) => s.box[1])) - lineH * 1.6);
  const bottom = Math.min(1, Math.max(...best.map((s) => s.box[3])) + lineH * 0.6);
  const lines = best.map((l) => ({ sample: l.sample, box: l.box }));
  return { band: { top, bottom }, lineHeight: lineH, persistent, lines };
}
