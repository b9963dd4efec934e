/** Pure boundary decision: every kind of transition found on one difference signal. */
import { detectCuts } from './cuts.js';
import type { ShotSignal } from './signal.js';
import type { Boundary } from './types.js';

export function detectBoundaries(signal: ShotSignal): Boundary[] {
  return detectCuts(signal).map((f) => ({ kind: 'cut', startFrame: f, endFrame: f, shotStart: f }));
}
