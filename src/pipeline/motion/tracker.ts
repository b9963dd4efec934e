/**
 * Streaming motion sampler: every `step` frames, the global motion between the current luma
 * plane and the one `step` frames earlier. Keeps one small plane, stores scalars per sample.
 */
import { estimateMotionBetween, motionFrame, type MotionFrame, type MotionSample } from './estimate.js';

export interface MotionTrack {
  /** Later frame of each sampled pair; the earlier one is `frame − step`. */
  frames: number[];
  samples: MotionSample[];
  step: number;
  width: number;
  height: number;
}

/** About six motion samples per second, each across `step` frames so slow moves are measurable. */
export const motionStep = (fps: number): number => Math.max(1, Math.round((fps > 0 ? fps : 25) / 6));

export class MotionTracker {
  private last: { n: number; frame: MotionFrame } | null = null;
  private readonly track: MotionTrack;

  constructor(width: number, height: number, step: number) {
    this.track = { frames: [], samples: [], step, width, height };
  }

  /** Offer frame n's luma plane (the first width×height bytes of a yuv420p frame). */
  push(n: number, luma: Uint8Array): void {
    const { width, height, step } = this.track;
    // Only every step-th frame takes part in a pair; the others are not even copied.
    if (n % step !== 0) return;
    const frame = motionFrame(luma, width, height);
    if (this.last && this.last.n === n - step) {
      this.track.frames.push(n);
      this.track.samples.push(estimateMotionBetween(this.last.frame, frame));
    }
    this.last = { n, frame };
  }

  finish(): MotionTrack {
    return this.track;
  }
}
