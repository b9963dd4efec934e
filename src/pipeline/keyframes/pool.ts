/**
 * Streaming keyframe candidate pool. Shot boundaries are only final after the whole signal is
 * seen, so the pool keeps the sharpest candidate of every (provisional segment, one-second
 * bucket) pair and saves it; provisional segments split on any noticeable change, so every real
 * shot owns at least one saved candidate. Memory: a few RGB frames (the current best and those
 * being saved), reused, not one per shot.
 */
import { measureCandidate } from './sharpness.js';

export interface SavedCandidate {
  frame: number;
  sharpness: number;
  /** Luma spread: near zero for black, white or blank frames. */
  contrast: number;
  file: string;
}

interface Best {
  frame: number;
  sharpness: number;
  contrast: number;
  rgb: Buffer;
}

export class CandidatePool {
  readonly saved: SavedCandidate[] = [];
  private best: Best | null = null;
  private key = '';
  /** Frame buffers no longer in use (a save may still be reading the others). */
  private readonly spare: Buffer[] = [];

  constructor(
    private readonly width: number,
    private readonly height: number,
    private readonly bucketFrames: number,
    private readonly save: (frame: number, rgb: Buffer) => Promise<string>,
  ) {}

  /** Offer candidate frame `n`; `segment` is the provisional segment it belongs to. */
  async offer(n: number, segment: number, rgb: Buffer): Promise<void> {
    const key = `${segment}:${Math.floor(n / this.bucketFrames)}`;
    const flush = key !== this.key ? this.flush() : undefined;
    this.key = key;
    const { sharpness: sharp, std } = measureCandidate(rgb, this.width, this.height);
    // Blank frames never win against a frame with content.
    const score = std < 8 ? sharp * 0.01 : sharp;
    if (!this.best || score > this.best.sharpness) {
      const copy = this.spare.pop() ?? Buffer.allocUnsafe(rgb.length);
      rgb.copy(copy);
      if (this.best) this.spare.push(this.best.rgb);
      this.best = { frame: n, sharpness: score, contrast: std, rgb: copy };
    }
    await flush;
  }

  /** Save the current bucket's winner. */
  async flush(): Promise<void> {
    const b = this.best;
    this.best = null;
    if (!b) return;
    const file = await this.save(b.frame, b.rgb);
    this.spare.push(b.rgb);
    this.saved.push({ frame: b.frame, sharpness: b.sharpness, contrast: b.contrast, file });
  }
}
