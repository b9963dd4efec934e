/**
 * Streaming builder of the difference signal. Every frame is compared with earlier frames at
 * a fixed set of gaps (dense up to 8 to look across flashes, sparse up to 64 to verify gradual
 * transitions), and, a few frames late, with its neighbours for linearity. Only scalars per
 * frame are kept: memory grows by about a hundred bytes per frame, never by frames.
 */
import type { Size } from '../decode/args.js';
import { frameDistance, frameSignature, type FrameSignature } from './features.js';
import { alignment, midpointResidual, rmsDiff } from './linearity.js';

/** Gaps (frames) at which structure distances are stored. */
export const GAPS = [1, 2, 3, 4, 5, 6, 7, 8, 12, 16, 24, 32, 48, 64] as const;
export const DENSE_GAP_MAX = 8;
/** Gaps at which the midpoint of a window is compared with the average of its ends. */
export const MID_GAPS = [6, 8, 12, 16, 24, 32, 48, 64] as const;
/** Half-width of the linearity window. */
export const LIN_K = 4;

/** Difference signal of a whole video. `structure[i][j]` compares frame j with frame j − GAPS[i]. */
export interface ShotSignal {
  frameCount: number;
  structure: Float32Array[];
  /** Histogram distance of each frame to the previous one. */
  histogram: Float32Array;
  mean: Float32Array;
  std: Float32Array;
  /** RMS grey-level change from the previous frame. */
  step: Float32Array;
  /** Alignment of the one-frame change with the change across ±LIN_K frames (−1..1). */
  align: Float32Array;
  /** RMS grey-level change across ±LIN_K frames. */
  span: Float32Array;
  /**
   * `midpoint[i][j]`: how far frame j − MID_GAPS[i]/2 is from the average of frames j and
   * j − MID_GAPS[i], relative to their difference. Near 0 when the window is a linear blend.
   */
  midpoint: Float32Array[];
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

const RING = GAPS[GAPS.length - 1]! + 1;

export class SignalBuilder {
  private readonly ring: FrameSignature[] = [];
  private count = 0;
  private readonly structure = GAPS.map(() => new Growable());
  private readonly histogram = new Growable();
  private readonly mean = new Growable();
  private readonly std = new Growable();
  private readonly step = new Growable();
  private readonly align = new Growable();
  private readonly span = new Growable();
  private readonly midpoint = MID_GAPS.map(() => new Growable());

  constructor(private readonly size: Size) {}

  private back(g: number): FrameSignature | undefined {
    return g <= this.count && g <= RING ? this.ring[(this.count - g) % RING] : undefined;
  }

  /** Add the next analysis frame (yuv420p). Returns its signature for other consumers. */
  push(yuv: Uint8Array): FrameSignature {
    const sig = frameSignature(yuv, this.size);
    GAPS.forEach((g, i) => {
      const prev = this.back(g);
      // Wider motion search next door (where cuts are decided), narrower across the dense gaps
      // (flash bridging), none across the long ones (only a coarse check of gradual transitions).
      const d = prev ? frameDistance(prev, sig, g === 1 ? 2 : g <= DENSE_GAP_MAX ? 1 : 0) : null;
      this.structure[i]!.push(d ? d.structure : 0);
      if (g === 1) this.histogram.push(d ? d.histogram : 0);
    });
    const prev = this.back(1);
    this.step.push(prev ? rmsDiff(prev.raw, sig.raw) : 0);
    this.mean.push(sig.mean);
    this.std.push(sig.std);
    MID_GAPS.forEach((g, i) => {
      const first = this.back(g);
      const mid = this.back(g / 2);
      this.midpoint[i]!.push(first && mid ? midpointResidual(first.raw, mid.raw, sig.raw) : 1);
    });
    this.ring[this.count % RING] = sig;
    this.count++;
    // Linearity of frame j = count − 1 − LIN_K, now that j + LIN_K has arrived.
    const j = this.count - 1 - LIN_K;
    if (j >= 0) {
      const before = this.back(2 * LIN_K + 1);
      const cur = this.back(LIN_K + 1)!;
      const prevJ = this.back(LIN_K + 2);
      if (before && prevJ) {
        this.align.push(alignment(prevJ.raw, cur.raw, before.raw, sig.raw));
        this.span.push(rmsDiff(before.raw, sig.raw));
      } else {
        this.align.push(0);
        this.span.push(0);
      }
    }
    return sig;
  }

  /** Structure distance of the latest frame to the one before it. */
  lastDistance(): number {
    const s = this.structure[0]!;
    return s.length > 0 ? s.data[s.length - 1]! : 0;
  }

  finish(): ShotSignal {
    while (this.align.length < this.count) {
      this.align.push(0);
      this.span.push(0);
    }
    return {
      frameCount: this.count,
      structure: this.structure.map((s) => s.done()),
      histogram: this.histogram.done(),
      mean: this.mean.done(),
      std: this.std.done(),
      step: this.step.done(),
      align: this.align.done(),
      span: this.span.done(),
      midpoint: this.midpoint.map((m) => m.done()),
    };
  }
}

/** Midpoint residual of the window ending at frame j spanning `gap` frames, when stored. */
export function midpointAt(signal: ShotSignal, gap: number, j: number): number | undefined {
  const i = (MID_GAPS as readonly number[]).indexOf(gap);
  return i < 0 ? undefined : signal.midpoint[i]?.[j];
}

/** Structure distance between frame j and frame j − gap, when that gap is stored. */
export function structureAt(signal: ShotSignal, gap: number, j: number): number | undefined {
  const i = (GAPS as readonly number[]).indexOf(gap);
  return i < 0 ? undefined : signal.structure[i]?.[j];
}
