/**
 * Pure per-frame features for boundary detection, computed from one yuv420p analysis frame:
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

interface Layout {
  gw: number;
  gh: number;
  /** Grid column of every pixel column, grid row offset of every pixel row. */
  colCell: Uint16Array;
  rowCell: Uint16Array;
  /** Pixels per grid cell. */
  counts: Float32Array;
  /** Scratch for the cell sums, reused frame after frame (signatures are computed one at a time). */
  sums: Float64Array;
}

/** By frame size; episodes decoded side by side in one worker may differ in size. */
const layouts = new Map<string, Layout>();

/** Pixel-to-cell maps for one frame size (every frame of a video has the same one). */
function layoutOf(w: number, h: number): Layout {
  const key = `${w}x${h}`;
  const known = layouts.get(key);
  if (known) return known;
  const g = fitSize(w, h, GRID_LONG_SIDE);
  const colCell = new Uint16Array(w);
  const rowCell = new Uint16Array(h);
  for (let x = 0; x < w; x++) colCell[x] = Math.floor((x * g.width) / w);
  for (let y = 0; y < h; y++) rowCell[y] = Math.floor((y * g.height) / h) * g.width;
  const counts = new Float32Array(g.width * g.height);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) counts[rowCell[y]! + colCell[x]!]! += 1;
  const sums = new Float64Array(g.width * g.height);
  const layout = { gw: g.width, gh: g.height, colCell, rowCell, counts, sums };
  if (layouts.size >= 16) layouts.clear();
  layouts.set(key, layout);
  return layout;
}

/** Compute the signature of a yuv420p frame of the given (even) size. */
export function frameSignature(yuv: Uint8Array, size: Size): FrameSignature {
  const { width: w, height: h } = size;
  const { gw, gh, colCell, rowCell, counts, sums } = layoutOf(w, h);
  sums.fill(0);
  const bins = new Int32Array(Y_BINS + 2 * C_BINS);
  const plane = w * h;
  let s = 0;
  let s2 = 0;
  for (let y = 0; y < h; y++) {
    const row = rowCell[y]!;
    const base = y * w;
    for (let x = 0; x < w; x++) {
      const v = yuv[base + x]!;
      sums[row + colCell[x]!]! += v;
      s += v;
      s2 += v * v;
      bins[(v * Y_BINS) >> 8]!++;
    }
  }
  // Chroma only feeds the histograms: two flat passes over the quarter-size planes.
  const cplane = (w >> 1) * (h >> 1);
  for (let i = plane, end = plane + cplane; i < end; i++) bins[Y_BINS + ((yuv[i]! * C_BINS) >> 8)]!++;
  for (let i = plane + cplane, end = plane + 2 * cplane; i < end; i++)
    bins[Y_BINS + C_BINS + ((yuv[i]! * C_BINS) >> 8)]!++;
  const hist = new Float32Array(bins.length);
  for (let k = 0; k < hist.length; k++) hist[k] = bins[k]! / (k < Y_BINS ? plane : cplane);
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
  const best = bestCorrelation(a.grid, b.grid, a.gw, a.gh, shift);
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

/**
 * Unshifted correlation at which the shift search is skipped: the distance is then at most
 * (1 − 0.97) / 1.5 = 0.02, a search could only lower it further, and no decision looks at
 * differences that small (the lowest threshold is a cut's 0.1). Most pairs of frames in a calm
 * shot stop here, which saves most of the search.
 */
const NO_SEARCH_ABOVE = 0.97;

/** Highest mean product of two normalised grids over shifts of up to `shift` cells each way. */
function bestCorrelation(ga: Float32Array, gb: Float32Array, gw: number, gh: number, shift: number): number {
  let still = 0;
  for (let i = 0; i < ga.length; i++) still += ga[i]! * gb[i]!;
  let best = still / ga.length;
  if (best >= NO_SEARCH_ABOVE) return best;
  for (let dy = -shift; dy <= shift; dy++) {
    const y0 = Math.max(0, -dy);
    const y1 = Math.min(gh, gh - dy);
    for (let dx = -shift; dx <= shift; dx++) {
      const x0 = Math.max(0, -dx);
      const x1 = Math.min(gw, gw - dx);
      if (dx === 0 && dy === 0) continue;
      const off = dy * gw + dx;
      let sum = 0;
      for (let y = y0; y < y1; y++) {
        const end = y * gw + x1;
        for (let i = y * gw + x0; i < end; i++) sum += ga[i]! * gb[i + off]!;
      }
      const n = (y1 - y0) * (x1 - x0);
      if (n > 0 && sum / n > best) best = sum / n;
    }
  }
  return best;
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
