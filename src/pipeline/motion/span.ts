/** Pure selection of the motion samples inside one shot, then its camera movement. */
import type { CameraMovement } from '../../domain/documents.js';
import { classifyMovement } from './classify.js';
import type { MotionTrack } from './tracker.js';

export interface MotionSpan {
  startFrame: number;
  endFrame: number;
  /** Transition frames to leave out (a dissolve or fade is not camera motion). */
  avoid: ReadonlyArray<readonly [number, number]>;
}

export function movementForSpan(
  track: MotionTrack,
  span: MotionSpan,
  pts: Float64Array,
): CameraMovement | null {
  const samples = [];
  let seconds = 0;
  for (const [i, f] of track.frames.entries()) {
    const first = f - track.step;
    if (first < span.startFrame || f > span.endFrame) continue;
    if (span.avoid.some(([a, b]) => first <= b && f >= a)) continue;
    samples.push(track.samples[i]!);
    seconds += Math.max(0, pts[f]! - pts[first]!);
  }
  return classifyMovement({ samples, seconds, width: track.width, height: track.height });
}
