/**
 * Which frames the face stage looks at. The cheap pass (detector + landmark mesh) runs every
 * STEP seconds so mouth movement and short appearances are seen; the costly embedder runs on a
 * few of those frames per shot (and on any frame where a face shows up that has no embedding yet,
 * decided at run time). Shot edges are skipped because fades and dissolves mix two shots there.
 */
import type { ShotSpan } from './types.js';

export interface SamplePlan {
  shot: number;
  times: number[];
  /** Indices into `times` where the embedder runs regardless of what is found. */
  embedAt: number[];
}

export interface SampleOptions {
  /** Seconds between analysed frames. */
  step: number;
  /** Seconds between scheduled embedder runs within a shot. */
  embedEvery: number;
}

export const DEFAULT_SAMPLING: SampleOptions = { step: 0.4, embedEvery: 1.6 };

const round3 = (t: number): number => Math.round(t * 1000) / 1000;

export function planShot(shot: ShotSpan, opts: SampleOptions = DEFAULT_SAMPLING): SamplePlan {
  const dur = Math.max(0, shot.end - shot.start);
  if (dur <= 0) return { shot: shot.index, times: [], embedAt: [] };
  const margin = Math.min(0.15, dur * 0.1);
  const usable = dur - 2 * margin;
  // Short shots still get up to four frames (0.1 s apart at least): one view is a noisy identity.
  const n = Math.max(
    1,
    Math.min(4, Math.floor(usable / 0.1 + 1e-9) + 1),
    Math.floor(usable / opts.step + 1e-9) + 1,
  );
  // Centre the n samples inside the usable span so short shots get their middle frame.
  const gap = n === 1 ? 0 : usable / (n - 1);
  const first = n === 1 ? shot.start + dur / 2 : shot.start + margin;
  const times = Array.from({ length: n }, (_, i) => round3(first + i * gap));
  // At least three embedded views per shot when it has them.
  const k = Math.min(n, Math.max(3, Math.round(usable / opts.embedEvery) + 1));
  const embedAt = [
    ...new Set(
      Array.from({ length: k }, (_, i) =>
        k === 1 ? Math.floor((n - 1) / 2) : Math.round((i * (n - 1)) / (k - 1)),
      ),
    ),
  ];
  return { shot: shot.index, times, embedAt };
}

export function planEpisode(
  shots: ReadonlyArray<ShotSpan>,
  opts: SampleOptions = DEFAULT_SAMPLING,
): SamplePlan[] {
  return shots.map((s) => planShot(s, opts));
}
