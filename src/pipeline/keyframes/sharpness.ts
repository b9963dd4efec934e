/** Pure image measures for keyframe choice on packed RGB frames. */

const STRIDE = 3;

/** Variance of the 4-neighbour Laplacian of luma on every third pixel: higher is sharper. */
export function sharpness(rgb: Uint8Array, width: number, height: number): number {
  // Luma of a coarser lattice first, so each pixel is converted once.
  const lw = Math.floor(width / STRIDE);
  const lh = Math.floor(height / STRIDE);
  const lum = new Float32Array(lw * lh);
  for (let y = 0; y < lh; y++) {
    for (let x = 0; x < lw; x++) {
      const i = (STRIDE * y * width + STRIDE * x) * 3;
      lum[y * lw + x] = 0.299 * rgb[i]! + 0.587 * rgb[i + 1]! + 0.114 * rgb[i + 2]!;
    }
  }
  let s = 0;
  let s2 = 0;
  let n = 0;
  for (let y = 1; y < lh - 1; y++) {
    for (let x = 1; x < lw - 1; x++) {
      const k = y * lw + x;
      const l = 4 * lum[k]! - lum[k - 1]! - lum[k + 1]! - lum[k - lw]! - lum[k + lw]!;
      s += l;
      s2 += l * l;
      n++;
    }
  }
  if (n === 0) return 0;
  const m = s / n;
  return s2 / n - m * m;
}

/** Mean and standard deviation of luma (sampled): rejects black, white and blank frames. */
export function lumaStats(rgb: Uint8Array, width: number, height: number): { mean: number; std: number } {
  let s = 0;
  let s2 = 0;
  let n = 0;
  for (let i = 0; i < width * height * 3; i += 3 * 7) {
    const l = 0.299 * rgb[i]! + 0.587 * rgb[i + 1]! + 0.114 * rgb[i + 2]!;
    s += l;
    s2 += l * l;
    n++;
  }
  const mean = n ? s / n : 0;
  return { mean, std: n ? Math.sqrt(Math.max(0, s2 / n - mean * mean)) : 0 };
}
