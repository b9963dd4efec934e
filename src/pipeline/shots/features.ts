/**
 * Pure per-frame features for boundary detection, computed from one yuv444p analysis frame:
 * a contrast-normalised coarse luma grid (structure, insensitive to brightness changes such as
 * flashes), colour histograms (insensitive to motion) and luma statistics (for fades).
 */
import { fitSize, type Size } from '../decode/args.js';

export const GRID_LONG_SIDE = 32;
const Y_BINS = 16;
const C_BINS = 8;

export interface FrameSignature {
  /** Coarse luma grid, 0..255, before normalisation (for linearity along gradual transitions). */
  raw: Float32Array;
  /** The same grid normalised to zero mean and unit variance (structure). */
  grid: Float32Array;
  gw: number;
  gh: number;
  /** Histograms normalised to sum 1: Y then U then V. */
  hist: Float32Array;
  /** Luma mean and standard deviation, 0..255. */
  mean: number;
  std: number;
}

/** Compute the signature of a yuv444p frame of the given size. */
export function frameSignature(yuv: Uint8Array, size: Size): FrameSignature {
  const { width: w, height: h } = size;
  const g = fitSize(w, h, GRID_LONG_SIDE);
  const gw = g.width;
  const gh = g.height;
  const sums = new Float32Array(gw * gh);
  const counts = new Float32Array(gw * gh);
  const hist = new Float32Array(Y_BINS + 2 * C_BINS);
  const plane = w * h;
  let s = 0;
  let s2 = 0;
  const colCell = new Uint16Array(w);
  for (let x = 0; x < w; x++) colCell[x] = Math.floor((x * gw) / w);
  for (let y = 0; y < h; y++) {
    const row = Math.floor((y * gh) / h) * gw;
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      const v = yuv[i]!;
      const cell = row + colCell[x]!;
      sums[cell]! += v;
      counts[cell]! += 1;
      s += v;
      s2 += v * v;
      hist[(v * Y_BINS) >> 8]! += 1;
      hist[Y_BINS + ((yuv[plane + i]! * C_BINS) >> 8)]! += 1;
      hist[Y_BINS + C_BINS + ((yuv[2 * plane + i]! * C_BINS) >> 8)]! += 1;
    }
  }
  for (let k = 0; k < hist.length; k++) hist[k]! /= plane;
  const mean = s / plane;
  const std = Math.sqrt(Math.max(0, s2 / plane - mean * mean));
  const raw = new Float32Array(gw * gh);
  const grid = new Float32Array(gw * gh);
  let gm = 0;
  for (let k = 0; k < grid.length; k++) gm += raw[k] = grid[k] = sums[k]! / Math.max(1, counts[k]!);
  gm /= grid.length;
  let gv = 0;
  for (let k = 0; k < grid.length; k++) gv += (grid[k]! - gm) ** 2;
  const gs = Math.sqrt(gv / grid.length) || 1;
  for (let k = 0; k < grid.length; k++) grid[k] = (grid[k]! - gm) / gs;
  return { raw, grid, gw, gh, hist, mean, std };
}

export interface FrameDistance {
  /** 1 − best correlation of the normalised grids over small shifts, scaled to 0..1. */
  structure: number;
  /** Mean earth mover's distance of the Y, U and V histograms, 0..1 (a small brightness shift stays small). */
  histogram: number;
}

const SHIFT = 2;
/** Below this luma spread a frame is flat (black, white, a blank card) and its grid is noise. */
export const FLAT_STD = 6;

/** Distance between two frames, compensating global motion up to `shift` grid cells in the structure term. */
export function frameDistance(a: FrameSignature, b: FrameSignature, shift: number = SHIFT): FrameDistance {
  const histogram =
    (emd(a.hist, b.hist, 0, Y_BINS) +
      emd(a.hist, b.hist, Y_BINS, C_BINS) +
      emd(a.hist, b.hist, Y_BINS + C_BINS, C_BINS)) /
    3;
  const { gw, gh } = a;
  let best = -1;
  for (let dy = -shift; dy <= shift; dy++) {
    for (let dx = -shift; dx <= shift; dx++) {
      let sum = 0;
      let n = 0;
      for (let y = Math.max(0, -dy); y < Math.min(gh, gh - dy); y++) {
        const ra = y * gw;
        const rb = (y + dy) * gw + dx;
        for (let x = Math.max(0, -dx); x < Math.min(gw, gw - dx); x++) {
          sum += a.grid[ra + x]! * b.grid[rb + x]!;
          n++;
        }
      }
      if (n > 0) best = Math.max(best, sum / n);
    }
  }
  // A flat frame's grid is noise: below full contrast, lean on the histograms instead.
  const weight = Math.min(1, Math.max(0, (Math.min(a.std, b.std) - FLAT_STD) / FLAT_STD));
  const shape = Math.min(1, Math.max(0, (1 - best) / 1.5));
  // Colour alone can change at a cut between similar layouts; motion barely moves histograms.
  const structure = Math.max(
    shape * weight + Math.min(1, 2.5 * histogram) * (1 - weight),
    Math.min(1, 4 * histogram),
  );
  return { structure, histogram };
}

/** 1-D earth mover's distance between two normalised histograms stored at `offset`, 0..1. */
function emd(a: Float32Array, b: Float32Array, offset: number, bins: number): number {
  let ca = 0;
  let cb = 0;
  let sum = 0;
  for (let k = offset; k < offset + bins - 1; k++) {
    ca += a[k]!;
    cb += b[k]!;
    sum += Math.abs(ca - cb);
  }
  return sum / (bins - 1);
}

/** True when the frame is nearly uniform (fade-through frames, blank cards). */
export const isFlat = (sig: FrameSignature): boolean => sig.std < FLAT_STD;
