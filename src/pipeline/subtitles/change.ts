/**
 * Pure change detection on the per-frame text-mask signal: stable (three-frame) masks, the
 * change test between consecutive masks, and the runs of frames with unchanged text.
 */
import { containment, count, countAnd, majority } from './bits.js';
import type { MaskGrid } from './mask.js';

export interface FrameMasks {
  strong: Uint32Array;
  weak: Uint32Array;
}

/** Relative bits lost plus gained between consecutive frames that mean "the text changed". */
export const CHANGE = 0.4;
/** A change must also touch this share of the mask, so busy backgrounds need a big change. */
export const MIN_RELATIVE = 0.15;
/** Minimum cells of strong mask for "text present": a few characters at the smallest size. */
export function minCells(grid: MaskGrid, charCells?: number): number {
  // Two characters when their size is known; else a share of the band.
  return charCells
    ? Math.max(12, Math.round(2 * charCells))
    : Math.max(12, Math.round(grid.gw * grid.gh * 0.004));
}

/** Change score between consecutive strong masks: share lost + share gained. */
export function changeScore(a: Uint32Array, b: Uint32Array): number {
  const ca = count(a);
  const cb = count(b);
  const both = countAnd(a, b);
  return (ca ? (ca - both) / ca : 0) + (cb ? (cb - both) / cb : 0);
}

/**
 * Did the text change between two masks? Either most of the mask changed, or at least a
 * character and a half changed (static background edges can make up most of the mask, so a
 * purely relative test would miss subtitle changes over a detailed still picture).
 */
export function isChange(a: Uint32Array, b: Uint32Array, charCells: number): boolean {
  const both = countAnd(a, b);
  const changed = count(a) + count(b) - 2 * both;
  const rel = changeScore(a, b);
  return rel >= CHANGE || (changed >= 1.5 * charCells && rel >= MIN_RELATIVE);
}

export interface Run {
  start: number;
  end: number;
  core: Uint32Array;
}

/**
 * Text bits present in this frame and the two before: moving background edges rarely survive
 * three frames, subtitles always do. Costs a two-frame delay at onsets, undone by the fade walk.
 */
export function stableMasks(frames: readonly FrameMasks[]): Uint32Array[] {
  return frames.map((_, i) => stableAt(frames, i));
}

/** The stable mask of frame `i` (see stableMasks). */
export function stableAt(frames: readonly FrameMasks[], i: number): Uint32Array {
  const a = new Uint32Array(frames[i]!.strong);
  for (const j of [i - 1, i - 2]) {
    const p = frames[j]?.strong;
    for (let k = 0; k < a.length; k++) a[k]! &= p ? p[k]! : 0;
  }
  return a;
}

/**
 * Maximal runs of text-present frames with no abrupt change inside. A run that drifted (a slow
 * fade or a typed reveal changes little from one frame to the next) is cut where its text is
 * missing altogether, when the part cut off is at least `minFrames` long: otherwise a still
 * background shown alone before a fade-in joins that subtitle's run, and the subtitle starts
 * when the background did.
 */
export function runsOf(
  frames: readonly FrameMasks[],
  grid: MaskGrid,
  charCells: number,
  minFrames = Infinity,
): Run[] {
  const need = minCells(grid, charCells);
  const bitsLength = grid.gw * grid.gh;
  const stable = stableMasks(frames);
  const counts = stable.map(count);
  const runs: Run[] = [];
  const coreOf = (start: number, end: number): Uint32Array => {
    const masks = stable.slice(start, end);
    return masks.length <= 2 ? masks[masks.length - 1]! : majority(masks, bitsLength, 0.6);
  };
  /**
   * What the run's text looks like: the common picture of its fullest fifth of frames. A
   * majority over all frames would be neither the background nor the text when the text shows
   * in only part of the run.
   */
  const fullestOf = (start: number, end: number): Uint32Array => {
    const order = counts.slice(start, end).sort((x, y) => y - x);
    const floor = order[Math.max(2, Math.floor(order.length / 5))]!;
    const masks = stable.slice(start, end).filter((_, i) => counts[start + i]! >= floor);
    return majority(masks, bitsLength, 0.6);
  };
  /**
   * Frame f shows only part of `fullest` (nothing else), and the part it lacks is not even
   * faintly there: the text has not come yet or is gone. A karaoke sweep dims letters but
   * leaves them in the weak mask; a moving background shows bits the text does not have.
   */
  const lacks = (f: number, fullest: Uint32Array): boolean => {
    if (!isChange(stable[f]!, fullest, charCells) || containment(stable[f]!, fullest) < 0.8) return false;
    const missing = fullest.map((w, i) => w & ~stable[f]![i]!);
    return countAnd(missing, frames[f]!.weak) < 0.5 * count(missing);
  };
  let start = -1;
  const close = (end: number): void => {
    if (start < 0) return;
    let head = start;
    let tail = end;
    if (end - start > 2 * minFrames) {
      const fullest = fullestOf(start, end);
      while (head < end && lacks(head, fullest)) head++;
      while (tail > head && lacks(tail - 1, fullest)) tail--;
      if (head - start < minFrames || head >= tail) head = start;
      if (end - tail < minFrames || tail <= head) tail = end;
    }
    if (head > start) runs.push({ start, end: head, core: coreOf(start, head) });
    runs.push({ start: head, end: tail, core: coreOf(head, tail) });
    if (tail < end) runs.push({ start: tail, end, core: coreOf(tail, end) });
    start = -1;
  };
  for (let f = 0; f < stable.length; f++) {
    const present = count(stable[f]!) >= need;
    if (!present) close(f);
    else if (start >= 0 && isChange(stable[f - 1]!, stable[f]!, charCells)) {
      close(f);
      start = f;
    } else if (start < 0) start = f;
  }
  close(stable.length);
  return runs;
}
