/**
 * Pure: which sampled frame of a segment to read, and over which box. The steadiest frame is
 * usually right; a karaoke sweep in a dark colour (blue, red) takes letters out of the strong
 * mask as it passes, so there the steadiest stretch is the swept one and the segment's core (a
 * majority over its run) lacks the letters swept early. The crop must hold them all.
 */
import { bounds, count } from './bits.js';
import type { FrameMasks } from './change.js';
import type { MaskGrid } from './mask.js';
import type { Segment } from './types.js';

/** Another sampled frame must show this much more steady text on the segment's rows to be read instead. */
const FULLER = 1.08;

/**
 * Text of frame f on the segment's rows that was also there the two frames before (moving
 * background edges rarely last three frames).
 */
function steadyOnRows(frames: readonly FrameMasks[], f: number, rows: Uint32Array): Uint32Array {
  const out = rows.map((w, i) => w & frames[f]!.strong[i]!);
  for (const g of [f - 1, f - 2]) {
    const m = frames[g]?.strong;
    if (m) for (let i = 0; i < out.length; i++) out[i]! &= m[i]!;
  }
  return out;
}

/**
 * The sampled frame to read segment `s` at (`steady` unless one holds FULLER times its text on
 * the segment's rows), and the segment's box widened to hold that frame's text on those rows.
 */
export function readingFrame(
  frames: readonly FrameMasks[],
  s: Pick<Segment, 'start' | 'end' | 'cells'>,
  steady: number,
  opts: { grid: MaskGrid; sampleEvery: number },
): Pick<Segment, 'ocrFrame' | 'cells'> {
  const { gw, gh, words } = opts.grid;
  const rows = new Uint32Array(words);
  for (let y = s.cells[1]; y < s.cells[3]; y++)
    for (let x = 0; x < gw; x++) rows[(y * gw + x) >>> 5]! |= 1 << ((y * gw + x) & 31);
  let best = steady;
  let bestText = steadyOnRows(frames, steady, rows);
  const steadyCount = count(bestText);
  for (let f = Math.ceil(s.start / opts.sampleEvery) * opts.sampleEvery; f < s.end; f += opts.sampleEvery) {
    if (f === steady || !frames[f]) continue;
    const text = steadyOnRows(frames, f, rows);
    if (count(text) >= FULLER * steadyCount && count(text) > count(bestText)) [best, bestText] = [f, text];
  }
  // Wider only: text above or below the core's rows is the picture more often than letters.
  const box = bounds(bestText, gw, gh);
  const [x0, y0, x1, y1] = s.cells;
  return { ocrFrame: best, cells: box ? [Math.min(x0, box[0]), y0, Math.max(x1, box[2]), y1] : s.cells };
}
