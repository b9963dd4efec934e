/**
 * Pure measurements on one detected face: the tight box from the landmark mesh (the detector's
 * own box is enlarged ~1.4x and would make every shot look tighter than it is), how open the
 * mouth is, and how sharp the face crop is.
 */
import type { Box } from './types.js';

type Point = readonly number[];

/** FaceMesh landmark indices (MediaPipe 468-point topology). */
const UPPER_LIP_INNER = 13;
const LOWER_LIP_INNER = 14;
const MOUTH_LEFT = 78;
const MOUTH_RIGHT = 308;

export function meshBox(mesh: readonly Point[]): Box | null {
  if (mesh.length === 0) return null;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const p of mesh) {
    const x = p[0] ?? 0;
    const y = p[1] ?? 0;
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  }
  return [x0, y0, x1 - x0, y1 - y0];
}

const dist = (a: Point | undefined, b: Point | undefined): number =>
  a && b ? Math.hypot((a[0] ?? 0) - (b[0] ?? 0), (a[1] ?? 0) - (b[1] ?? 0)) : 0;

/** Inner-lip gap over mouth width; null when the mesh is missing. */
export function mouthOpenness(mesh: readonly Point[]): number | null {
  if (mesh.length < 309) return null;
  const width = dist(mesh[MOUTH_LEFT], mesh[MOUTH_RIGHT]);
  if (width <= 0) return null;
  return dist(mesh[UPPER_LIP_INNER], mesh[LOWER_LIP_INNER]) / width;
}

/**
 * Variance of the 4-neighbour Laplacian over the box of an RGB frame, sampled on a grid of at
 * most ~64x64 points so the cost does not depend on face size.
 */
export function laplacianVariance(rgb: Uint8Array, width: number, height: number, box: Box): number {
  const [bx, by, bw, bh] = box;
  const x0 = Math.max(1, Math.floor(bx));
  const y0 = Math.max(1, Math.floor(by));
  const x1 = Math.min(width - 2, Math.floor(bx + bw));
  const y1 = Math.min(height - 2, Math.floor(by + bh));
  if (x1 <= x0 || y1 <= y0) return 0;
  const step = Math.max(1, Math.floor(Math.max(x1 - x0, y1 - y0) / 64));
  const grey = (x: number, y: number): number => {
    const i = (y * width + x) * 3;
    return 0.299 * (rgb[i] ?? 0) + 0.587 * (rgb[i + 1] ?? 0) + 0.114 * (rgb[i + 2] ?? 0);
  };
  let n = 0;
  let sum = 0;
  let sum2 = 0;
  for (let y = y0; y <= y1; y += step) {
    for (let x = x0; x <= x1; x += step) {
      const l = grey(x - 1, y) + grey(x + 1, y) + grey(x, y - 1) + grey(x, y + 1) - 4 * grey(x, y);
      n++;
      sum += l;
      sum2 += l * l;
    }
  }
  return n > 0 ? sum2 / n - (sum / n) ** 2 : 0;
}

export const toDegrees = (rad: number | undefined): number => Math.round(((rad ?? 0) * 180) / Math.PI);

/** L2-normalise and round so checkpoints stay small (4 decimals keep cosine error < 1e-3). */
export function normaliseEmbedding(v: ArrayLike<number>): number[] {
  let n = 0;
  for (let i = 0; i < v.length; i++) n += (v[i] ?? 0) ** 2;
  const inv = n > 0 ? 1 / Math.sqrt(n) : 0;
  return Array.from({ length: v.length }, (_, i) => Math.round((v[i] ?? 0) * inv * 1e4) / 1e4);
}
