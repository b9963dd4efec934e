/**
 * Streaming builder of the difference signal: every frame is compared with the previous
 * GAP_MAX frames, so the decision can look across a flash (frame before vs frames after) and
 * along a gradual transition. Only scalars per frame are kept: memory grows by a few dozen
 * bytes per frame, never by frames.
 */
import type { Size } from '../decode/args.js';
import { frameDistance, frameSignature, type FrameSignature } from './features.js';

export const GAP_MAX = 8;

/** Difference signal of a whole video. `structure[g][j]` compares frame j with frame j − g. */
export interface ShotSignal {
  frameCount: number;
  structure: Float32Array[];
  histogram: Float32Array[];
  mean: Float32Array;
  std: Float32Array;
}

class Growable {
  data = new Float32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Float32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  done(): Float32Array {
    return this.data.slice(0, this.length);
  }
}

export class SignalBuilder {
  private readonly recent: FrameSignature[] = [];
  private readonly structure = Array.from({ length: GAP_MAX + 1 }, () => new Growable());
  private readonly histogram = Array.from({ length: GAP_MAX + 1 }, () => new Growable());
  private readonly mean = new Growable();
  private readonly std = new Growable();

  constructor(private readonly size: Size) {}

  /** Add the next analysis frame (yuv444p). Returns its signature for other consumers. */
  push(yuv: Uint8Array): FrameSignature {
    const sig = frameSignature(yuv, this.size);
    for (let g = 1; g <= GAP_MAX; g++) {
      const prev = this.recent[this.recent.length - g];
      const d = prev ? frameDistance(prev, sig) : { structure: 0, histogram: 0 };
      this.structure[g]!.push(d.structure);
      this.histogram[g]!.push(d.histogram);
    }
    this.mean.push(sig.mean);
    this.std.push(sig.std);
    this.recent.push(sig);
    if (this.recent.length > GAP_MAX) this.recent.shift();
    return sig;
  }

  /** Structure distance of the latest frame to the one before it. */
  lastDistance(): number {
    const s = this.structure[1]!;
    return s.length > 0 ? s.data[s.length - 1]! : 0;
  }

  finish(): ShotSignal {
    return {
      frameCount: this.mean.length,
      structure: this.structure.map((s) => s.done()),
      histogram: this.histogram.map((s) => s.done()),
      mean: this.mean.done(),
      std: this.std.done(),
    };
  }
}
