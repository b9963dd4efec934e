/** Pure assembly of shot records from boundaries and frame timestamps. */
import type { Transition } from '../../domain/documents.js';
import type { Boundary } from './types.js';

export interface ShotSpanTimes {
  index: number;
  start: number;
  end: number;
  start_frame: number;
  end_frame: number;
  transition_in: Transition;
  /** Frames of the transitions at either edge, to keep keyframes and motion away from them. */
  avoid: Array<[number, number]>;
}

/** Median frame step: the duration given to the last frame. */
export function frameStep(pts: Float64Array): number {
  const steps: number[] = [];
  for (let i = 1; i < pts.length; i++) steps.push(pts[i]! - pts[i - 1]!);
  steps.sort((a, b) => a - b);
  return steps[steps.length >> 1] ?? 1 / 25;
}

const round3 = (t: number): number => Math.round(t * 1000) / 1000;

/**
 * Shots in order. A gradual transition's frames are split at `shotStart`; its times are the
 * half-open interval [first transition frame, frame after the last one), a cut's is empty.
 */
export function assembleShots(boundaries: readonly Boundary[], pts: Float64Array): ShotSpanTimes[] {
  const n = pts.length;
  if (n === 0) return [];
  const end = pts[n - 1]! + frameStep(pts);
  const at = (f: number): number => (f >= n ? end : Math.max(0, pts[f]!));
  const sorted = [...boundaries]
    .filter((b) => b.shotStart > 0 && b.shotStart < n)
    .sort((a, b) => a.shotStart - b.shotStart);
  const shots: ShotSpanTimes[] = [];
  let startFrame = 0;
  let transition: Transition = { kind: 'start', start: 0, end: 0 };
  let avoidIn: [number, number] | null = null;
  for (let k = 0; k <= sorted.length; k++) {
    const b = sorted[k];
    const endFrame = b ? b.shotStart - 1 : n - 1;
    if (endFrame < startFrame) continue;
    const avoid: Array<[number, number]> = [];
    if (avoidIn) avoid.push(avoidIn);
    if (b && b.kind !== 'cut') avoid.push([b.startFrame, b.endFrame]);
    shots.push({
      index: shots.length + 1,
      // The first shot covers the timeline from 0 even when video starts after audio.
      start: shots.length === 0 ? 0 : round3(at(startFrame)),
      end: round3(at(endFrame + 1)),
      start_frame: startFrame,
      end_frame: endFrame,
      transition_in: transition,
      avoid,
    });
    if (!b) break;
    startFrame = b.shotStart;
    transition =
      b.kind === 'cut'
        ? { kind: 'cut', start: round3(at(b.shotStart)), end: round3(at(b.shotStart)) }
        : { kind: b.kind, start: round3(at(b.startFrame)), end: round3(at(b.endFrame + 1)) };
    avoidIn = b.kind === 'cut' ? null : [b.startFrame, b.endFrame];
  }
  return shots;
}
