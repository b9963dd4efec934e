/**
 * Pure dissolve decision. Along a dissolve every frame steps the same way, so runs of frames
 * whose one-frame change is aligned with the change across a wider window mark candidates;
 * a candidate is a dissolve only if the pictures either side of it differ in structure
 * (motion-compensated), which camera moves and exposure changes do not.
 */
import { flatKind } from './fades.js';
import { GAPS, LIN_K, MID_GAPS, midpointAt, type ShotSignal, structureAt } from './signal.js';
import type { Boundary } from './types.js';

export interface DissolveParams {
  minAlign: number;
  /** Minimum RMS grey-level change per frame. */
  minStep: number;
  minLength: number;
  /** Frames below the thresholds tolerated inside a run. */
  maxGap: number;
  /** Structure distance across the run required to call it a transition. */
  minAcross: number;
  /** A run is extended over neighbours aligned at least this much. */
  extendAlign: number;
  /** Largest midpoint residual of a blend (0 = perfectly linear)… */
  maxMidpoint: number;
  /** …or of a blend whose contrast dips in the middle (two unrelated pictures mixed). */
  maxMidpointWithDip: number;
  /** Contrast at the dip relative to the mean contrast of the ends. */
  maxDip: number;
}

export const DEFAULT_DISSOLVE_PARAMS: DissolveParams = {
  minAlign: 0.8,
  minStep: 0.6,
  minLength: 5,
  maxGap: 2,
  minAcross: 0.25,
  extendAlign: 0.7,
  maxMidpoint: 0.2,
  maxMidpointWithDip: 0.45,
  maxDip: 0.88,
};

/** Runs of aligned, changing frames, as [first, last] pairs. */
export function alignedRuns(s: ShotSignal, p: DissolveParams): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let start = -1;
  let last = -1;
  for (let j = 1; j < s.frameCount; j++) {
    if (s.align[j]! >= p.minAlign && s.step[j]! >= p.minStep) {
      if (start < 0 || j - last > p.maxGap + 1) {
        if (start >= 0) runs.push([start, last]);
        start = j;
      }
      last = j;
    }
  }
  if (start >= 0) runs.push([start, last]);
  // Hysteresis: motion in either shot lowers alignment at the ends of a real dissolve.
  const ok = (j: number): boolean => s.align[j]! >= p.extendAlign && s.step[j]! >= p.minStep;
  return runs
    .filter(([a, b]) => b - a + 1 >= p.minLength)
    .map(([a, b]): [number, number] => {
      while (a > 1 && ok(a - 1)) a--;
      while (b + 1 < s.frameCount && ok(b + 1)) b++;
      return [a, b];
    });
}

/**
 * Contrast at the middle of the run relative to the mean contrast just outside it. Mixing two
 * unrelated pictures lowers contrast (to about 0.71 for equal contrasts); a drift does not.
 */
export function contrastDip(s: ShotSignal, first: number, last: number): number {
  const ends = ((s.std[first - 1] ?? 0) + (s.std[last + 1] ?? 0)) / 2;
  const mid = s.std[Math.round((first + last) / 2)] ?? ends;
  return ends > 0 ? mid / ends : 1;
}

/** Smallest midpoint residual of a stored window that contains the run with a frame to spare each side. */
export function blendResidual(s: ShotSignal, first: number, last: number): number | undefined {
  const gap = MID_GAPS.find((g) => g >= last - first + 2);
  if (gap === undefined) return undefined;
  let best: number | undefined;
  for (let j = last + 1; j <= first - 1 + gap && j < s.frameCount; j++) {
    const r = midpointAt(s, gap, j);
    if (r !== undefined && (best === undefined || r < best)) best = r;
  }
  return best;
}

/** Structure distance between the frame after the run and one at or before its start. */
export function acrossDistance(s: ShotSignal, first: number, last: number): number | undefined {
  const need = last - first + 2;
  const gap = GAPS.find((g) => g >= need);
  if (gap === undefined || last + 1 >= s.frameCount || last + 1 - gap < 0) return undefined;
  return structureAt(s, gap, last + 1);
}

export function detectDissolves(
  s: ShotSignal,
  taken: ReadonlyArray<readonly [number, number]>,
  p: DissolveParams = DEFAULT_DISSOLVE_PARAMS,
): Boundary[] {
  const out: Boundary[] = [];
  for (const [a, b] of alignedRuns(s, p)) {
    if (taken.some(([x, y]) => a <= y + 1 && b >= x - 1)) continue;
    // A run cut off by either end of the video shows no stable picture on that side.
    if (a <= LIN_K + 1 || b >= s.frameCount - LIN_K - 2) continue;
    // Blending into or out of a blank is a fade (at the very start or end it separates nothing).
    let blank = false;
    for (let k = a - 3; k <= b + 3; k++) blank ||= flatKind(s, k) !== null;
    if (blank) continue;
    const across = acrossDistance(s, a, b);
    if (across === undefined || across < p.minAcross) continue;
    // A blend sits halfway between its ends; a slow camera move or colour drift does not.
    const residual = blendResidual(s, a, b);
    if (residual === undefined || residual > p.maxMidpointWithDip) continue;
    if (residual > p.maxMidpoint && contrastDip(s, a, b) > p.maxDip) continue;
    out.push({ kind: 'dissolve', startFrame: a, endFrame: b, shotStart: Math.round((a + b + 1) / 2) });
  }
  return out;
}
