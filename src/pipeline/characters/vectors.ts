/**
 * Embedding arithmetic. Face descriptors share a large common direction (any two dlib
 * descriptors have a cosine of ~0.85, whoever they show); identity lives in the deviation from
 * the mean face (face-mean.ts), so similarities here are cosines of centred vectors.
 */
import { FACE_MEAN } from './face-mean.js';

export function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) s += a[i]! * b[i]!;
  return s;
}

export function normalise(v: readonly number[]): number[] {
  const n = Math.sqrt(dot(v, v));
  return n > 0 ? v.map((x) => x / n) : v.slice();
}

/** Unit vector of the embedding minus the mean face (same length as the input). */
export function centre(e: readonly number[], mean: readonly number[] = FACE_MEAN): number[] {
  return normalise(e.length === mean.length ? e.map((x, i) => x - mean[i]!) : e);
}

/** Weighted mean direction of unit vectors. */
export function meanDirection(
  vectors: ReadonlyArray<readonly number[]>,
  weights?: readonly number[],
): number[] {
  const first = vectors[0];
  if (!first) return [];
  const acc = new Array<number>(first.length).fill(0);
  vectors.forEach((v, k) => {
    const w = weights?.[k] ?? 1;
    for (let i = 0; i < acc.length; i++) acc[i]! += w * (v[i] ?? 0);
  });
  return normalise(acc);
}
