/**
 * Pure hard-cut decision on the difference signal. A frame starts a new shot when its
 * structure distance to the previous frame is high in absolute terms and against its
 * neighbourhood (fast motion raises the whole neighbourhood), and when no frame shortly
 * before still resembles a frame shortly after (a flash or a passing occluder does). A jump
 * that leaves the pictures partly related must also outstrip what the shot changes by itself
 * over a few frames on both sides: in a fast multiplane pan or a whirl of animation a one-frame
 * jump of a drawing layer is the content's own motion, not a new shot.
 */
import { DENSE_GAP_MAX, type ShotSignal } from './signal.js';

export interface CutParams {
  /** Minimum structure distance of a cut. */
  minDistance: number;
  /** How far the distance must rise above the local median… */
  minRise: number;
  /** …and how many times the local median it must be. */
  minRatio: number;
  /** Half-width of the neighbourhood window, frames. */
  window: number;
  /** Frames before/after the candidate searched for a resemblance that vetoes it. */
  bridge: number;
  /** A resemblance this close (relative to the cut distance) vetoes the cut. */
  bridgeRatio: number;
  /** The cut must be this many times the second-largest change within two frames (motion is sustained). */
  isolation: number;
  /** Candidates closer than this are a burst of motion (animation, a thrown object), not shots. */
  minShotFrames: number;
  /**
   * A distance this high means the two pictures share no layout (normalised correlation ≤ 0.25
   * after motion search): a cut however fast either shot moves.
   */
  unrelated: number;
  /** Below `unrelated`, the cut must be this many times the shot's own change over DENSE_GAP_MAX frames. */
  ownChangeRatio: number;
}

export const DEFAULT_CUT_PARAMS: CutParams = {
  minDistance: 0.1,
  minRise: 0.06,
  minRatio: 5,
  window: 12,
  bridge: 4,
  bridgeRatio: 0.5,
  isolation: 2,
  minShotFrames: 6,
  unrelated: 0.5,
  ownChangeRatio: 1.5,
};

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

/** Smallest distance between a frame before `j` and a frame from `j` on, spanning at most the stored gaps. */
export function bridgeDistance(signal: ShotSignal, j: number, reach: number): number {
  const gapMax = DENSE_GAP_MAX;
  let best = Infinity;
  for (let a = j - reach; a < j; a++) {
    for (let b = j; b < j + reach; b++) {
      const g = b - a;
      if (a < 0 || b >= signal.frameCount || g > gapMax || (a === j - 1 && b === j)) continue;
      best = Math.min(best, signal.structure[g - 1]![b]!);
    }
  }
  return best;
}

/**
 * How much the shot changes by itself around `j`: the structure distance across DENSE_GAP_MAX
 * frames just before the candidate and just after it, the smaller of the two (a cut from a still
 * shot into a fast one is still measured against the still side). 0 where a side runs off the video.
 */
export function ownChange(signal: ShotSignal, j: number): number {
  const g = DENSE_GAP_MAX;
  const d = signal.structure[g - 1]!;
  const before = j - 1 - g >= 0 ? d[j - 1]! : 0;
  const after = j + g < signal.frameCount ? d[j + g]! : 0;
  return Math.min(before, after);
}

/** Frame indices where a hard cut starts a new shot. */
export function detectCuts(signal: ShotSignal, params: CutParams = DEFAULT_CUT_PARAMS): number[] {
  const d = signal.structure[0]!;
  const cuts: number[] = [];
  for (let j = 1; j < signal.frameCount; j++) {
    const v = d[j]!;
    if (v < params.minDistance) continue;
    const around: number[] = [];
    for (let k = j - params.window; k <= j + params.window; k++) {
      if (k >= 1 && k < signal.frameCount && Math.abs(k - j) > 1) around.push(d[k]!);
    }
    const m = median(around);
    if (v < m + params.minRise || v < params.minRatio * m) continue;
    // Keep only the strongest frame of a run of high distances.
    if ((d[j - 1] ?? 0) > v || (d[j + 1] ?? 0) >= v) continue;
    // The second-largest neighbour: one blended frame beside a cut is allowed, sustained change is not.
    const near = [d[j - 2] ?? 0, d[j - 1] ?? 0, d[j + 1] ?? 0, d[j + 2] ?? 0].sort((a, b) => b - a);
    if (v < params.isolation * near[1]!) continue;
    if (bridgeDistance(signal, j, params.bridge) < params.bridgeRatio * v) continue;
    if (v < params.unrelated && v < params.ownChangeRatio * ownChange(signal, j)) continue;
    cuts.push(j);
  }
  return cuts.filter((c, i) => {
    const prev = cuts[i - 1];
    const next = cuts[i + 1];
    return (
      (prev === undefined || c - prev >= params.minShotFrames) &&
      (next === undefined || next - c >= params.minShotFrames)
    );
  });
}
