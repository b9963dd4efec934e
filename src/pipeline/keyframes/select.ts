/** Pure keyframe choice: per shot, a sharp candidate away from its edges and transitions. */
import type { SavedCandidate } from './pool.js';

export interface ShotSpan {
  startFrame: number;
  endFrame: number;
  /** Frames belonging to a transition inside the span (fade/dissolve tails), excluded first. */
  avoid: Array<[number, number]>;
}

/** Index into `candidates` for each shot, or null when no candidate falls inside it. */
export function chooseKeyframes(
  spans: readonly ShotSpan[],
  candidates: readonly SavedCandidate[],
): Array<number | null> {
  return spans.map((span) => {
    const inside = candidates
      .map((c, i) => ({ c, i }))
      .filter(({ c }) => c.frame >= span.startFrame && c.frame <= span.endFrame);
    if (inside.length === 0) return null;
    const clear = inside.filter(({ c }) => !span.avoid.some(([a, b]) => c.frame >= a && c.frame <= b));
    const pool = clear.length > 0 ? clear : inside;
    const maxSharp = Math.max(...pool.map(({ c }) => c.sharpness), 1e-9);
    const len = Math.max(1, span.endFrame - span.startFrame);
    let best = pool[0]!;
    let bestScore = -Infinity;
    for (const p of pool) {
      // Sharpness first; a mild pull to the middle makes the frame representative.
      const pos = (p.c.frame - span.startFrame) / len;
      const score = p.c.sharpness / maxSharp - 0.3 * Math.abs(pos - 0.5) - (p.c.contrast < 8 ? 1 : 0);
      if (score > bestScore) {
        bestScore = score;
        best = p;
      }
    }
    return best.i;
  });
}
