/**
 * Text masks of one low-resolution gray frame of the subtitle band. Subtitles are bright fill
 * drawn with a dark outline or shadow, so a text pixel is bright AND much brighter than the
 * darkest pixel near it; plain bright background (sky, walls) lacks the dark neighbour. The
 * strong mask decides segments; the weak mask (lower thresholds) finds the first and last
 * frames of fades. Masks are pooled 2x2 (OR) so one pixel of compression jitter does not count.
 */

import { localExtreme } from './pixels.js';

export interface MaskGrid {
  /** Analysis frame size. */
  width: number;
  height: number;
  /** Pooled grid size. */
  gw: number;
  gh: number;
  words: number;
}

export function maskGrid(width: number, height: number): MaskGrid {
  const gw = Math.ceil(width / 2);
  const gh = Math.ceil(height / 2);
  return { width, height, gw, gh, words: Math.ceil((gw * gh) / 32) };
}

export interface MaskThresholds {
  luma: number;
  contrast: number;
}

/** For white and yellow fill; `fill.ts` lowers them for videos with darker letters. */
export const STRONG: MaskThresholds = { luma: 150, contrast: 70 };
export const WEAK: MaskThresholds = { luma: 70, contrast: 25 };
const RADIUS = 2;

/** Computes the strong and weak masks of frames of one size; reuses its scratch buffers. */
export class MaskMaker {
  private readonly tmp: Uint8Array;
  private readonly min: Uint8Array;
  constructor(
    readonly grid: MaskGrid,
    private readonly strong: MaskThresholds = STRONG,
  ) {
    this.tmp = new Uint8Array(grid.width * grid.height);
    this.min = new Uint8Array(grid.width * grid.height);
  }

  /** `ignore` cells (pooled grid, 1 = ignore) are left out, e.g. a logo inside the band. */
  make(gray: Uint8Array, ignore?: Uint8Array): { strong: Uint32Array; weak: Uint32Array } {
    const { width: w, height: h, gw, words } = this.grid;
    localExtreme(gray, w, h, RADIUS, 'min', this.tmp, this.min);
    const strong = new Uint32Array(words);
    const weak = new Uint32Array(words);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        const i = y * w + x;
        const g = gray[i]!;
        const c = g - this.min[i]!;
        if (g < WEAK.luma || c < WEAK.contrast) continue;
        const bit = (y >> 1) * gw + (x >> 1);
        if (ignore?.[bit]) continue;
        const m = 1 << (bit & 31);
        weak[bit >>> 5]! |= m;
        if (g >= this.strong.luma && c >= this.strong.contrast) strong[bit >>> 5]! |= m;
      }
    return { strong, weak };
  }
}
