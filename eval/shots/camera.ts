/** Pure scoring of camera movement: our classification of each truth shot's span against its accepted labels. */
import { movementForSpan } from '../../src/pipeline/motion/span.js';
import type { MotionTrack } from '../../src/pipeline/motion/tracker.js';

export interface CameraTruthShot {
  start: number;
  end: number;
  /** Labels an editor would accept for the shot. */
  movement: string[];
}

export interface CameraRow extends CameraTruthShot {
  ours: string | null;
  ok: boolean;
}

/** Classifies every truth span from the motion track (boundaries are scored separately). */
export function scoreCamera(
  shots: readonly CameraTruthShot[],
  track: MotionTrack,
  pts: Float64Array,
): CameraRow[] {
  return shots.map((s) => {
    const ours = movementForSpan(track, { startFrame: s.start, endFrame: s.end, avoid: [] }, pts);
    return { ...s, ours, ok: ours !== null && s.movement.includes(ours) };
  });
}
