/**
 * Pure measures of gradual change on raw luma grids. Along a dissolve or fade every frame
 * steps the same way (towards the incoming picture), so the one-frame difference points the
 * same way as the difference across a wider window; outside one, noise and motion do not.
 */

/** Root-mean-square difference of two grids, in grey levels. */
export function rmsDiff(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += (a[k]! - b[k]!) ** 2;
  return Math.sqrt(s / Math.max(1, a.length));
}

/** Cosine between (cur − prev) and (after − before); 0 when either is negligible. */
export function alignment(
  prev: Float32Array,
  cur: Float32Array,
  before: Float32Array,
  after: Float32Array,
): number {
  let dot = 0;
  let n1 = 0;
  let n2 = 0;
  for (let k = 0; k < cur.length; k++) {
    const d = cur[k]! - prev[k]!;
    const w = after[k]! - before[k]!;
    dot += d * w;
    n1 += d * d;
    n2 += w * w;
  }
  if (n1 < 1e-6 || n2 < 1e-6) return 0;
  return dot / Math.sqrt(n1 * n2);
}

/** RMS distance of `mid` from the average of `first` and `last`, relative to their RMS difference. */
export function midpointResidual(first: Float32Array, mid: Float32Array, last: Float32Array): number {
  let r = 0;
  let d = 0;
  for (let k = 0; k < mid.length; k++) {
    r += (mid[k]! - (first[k]! + last[k]!) / 2) ** 2;
    d += (last[k]! - first[k]!) ** 2;
  }
  return Math.sqrt(r) / Math.max(Math.sqrt(d), 1e-3 * Math.sqrt(mid.length));
}
