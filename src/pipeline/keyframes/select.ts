/** Pure keyframe choice: per shot, a sharp candidate away from its edges and transitions. */
import type { SavedCandidate } from './pool.js';

export interface ShotSpan {
  startFrame: number;
  endFrame: number;
  /** Frames belonging to a transition inside the span (fade/dissolve tails), excluded first. */
  avoid: Array<[number, number]>;
}

const SHARP_ENOUGH = 0.7;

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
    // Sharp enough (within SHARP_ENOUGH of the sharpest, not blank), then nearest the middle:
    // the middle of a shot shows what it is about; its edges often hold motion blur or a reframe.
    const withContent = pool.filter(({ c }) => c.contrast >= 8);
    const field = withContent.length > 0 ? withContent : pool;
    const maxSharp = Math.max(...field.map(({ c }) => c.sharpness));
    const middle = (span.startFrame + span.endFrame) / 2;
    const sharp = field.filter(({ c }) => c.sharpness >= SHARP_ENOUGH * maxSharp);
    let best = sharp[0] ?? field[0]!;
    for (const p of sharp) if (Math.abs(p.c.frame - middle) < Math.abs(best.c.frame - middle)) best = p;
    return best.i;
  });
}
