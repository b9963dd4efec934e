/**
 * Pure hard-cut decision on the difference signal. A frame starts a new shot when its
 * structure distance to the previous frame is high in absolute terms and against its
 * neighbourhood (fast motion raises the whole neighbourhood), and when no frame shortly
 * before still resembles a frame shortly after (a flash or a passing occluder does).
 */
import type { ShotSignal } from './signal.js';

export interface CutParams {
  /** Minimum structure distance of a cut. */
  minDistance: number;
  /** How far the distance must rise above the local median. */
  minRise: number;
  /** Half-width of the neighbourhood window, frames. */
  window: number;
  /** Frames before/after the candidate searched for a resemblance that vetoes it. */
  bridge: number;
  /** A resemblance this close (relative to the cut distance) vetoes the cut. */
  bridgeRatio: number;
}

export const DEFAULT_CUT_PARAMS: CutParams = {
  minDistance: 0.17,
  minRise: 0.1,
  window: 12,
  bridge: 4,
  bridgeRatio: 0.5,
};

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

/** Smallest distance between a frame before `j` and a frame from `j` on, spanning at most the stored gaps. */
export function bridgeDistance(signal: ShotSignal, j: number, reach: number): number {
  const gapMax = signal.structure.length - 1;
  let best = Infinity;
  for (let a = j - reach; a < j; a++) {
    for (let b = j; b < j + reach; b++) {
      const g = b - a;
      if (a < 0 || b >= signal.frameCount || g > gapMax || (a === j - 1 && b === j)) continue;
      best = Math.min(best, signal.structure[g]![b]!);
    }
  }
  return best;
}

/** Frame indices where a hard cut starts a new shot. */
export function detectCuts(signal: ShotSignal, params: CutParams = DEFAULT_CUT_PARAMS): number[] {
  const d = signal.structure[1]!;
  const cuts: number[] = [];
  for (let j = 1; j < signal.frameCount; j++) {
    const v = d[j]!;
    if (v < params.minDistance) continue;
    const around: number[] = [];
    for (let k = j - params.window; k <= j + params.window; k++) {
      if (k >= 1 && k < signal.frameCount && Math.abs(k - j) > 1) around.push(d[k]!);
    }
    if (v < median(around) + params.minRise) continue;
    // Keep only the strongest frame of a run of high distances.
    if ((d[j - 1] ?? 0) > v || (d[j + 1] ?? 0) >= v) continue;
    if (bridgeDistance(signal, j, params.bridge) < params.bridgeRatio * v) continue;
    cuts.push(j);
  }
  return cuts;
}
