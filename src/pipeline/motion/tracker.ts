/**
 * Streaming motion sampler: every `step` frames, the global motion between the current luma
 * plane and the one `step` frames earlier. Keeps `step` small planes, stores scalars per sample.
 */
import { estimateMotion, type MotionSample } from './estimate.js';

export interface MotionTrack {
  /** Later frame of each sampled pair; the earlier one is `frame − step`. */
  frames: number[];
  samples: MotionSample[];
  step: number;
  width: number;
  height: number;
}

export class MotionTracker {
  private readonly ring: Uint8Array[] = [];
  private readonly track: MotionTrack;

  constructor(width: number, height: number, step: number) {
    this.track = { frames: [], samples: [], step, width, height };
  }

  /** Offer frame n's luma plane (the first width×height bytes of a yuv444p frame). */
  push(n: number, luma: Uint8Array): void {
    const { width, height, step } = this.track;
    const plane = Uint8Array.from(luma.subarray(0, width * height));
    const earlier = this.ring[n % step];
    if (earlier && n % step === 0 && n >= step) {
      this.track.frames.push(n);
      this.track.samples.push(estimateMotion(earlier, plane, width, height));
    }
    this.ring[n % step] = plane;
  }

  finish(): MotionTrack {
    return this.track;
  }
}
