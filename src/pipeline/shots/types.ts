import type { TransitionKind } from '../../domain/documents.js';

/** A boundary between two shots, in decode-order frame indices. */
export interface Boundary {
  kind: Exclude<TransitionKind, 'start'>;
  /** First frame of the transition (for a cut: the first frame of the new shot). */
  startFrame: number;
  /** Last frame of the transition (for a cut: equal to startFrame). */
  endFrame: number;
  /** First frame of the new shot (the cut frame, or the middle of a gradual transition). */
  shotStart: number;
}
