/** Pure image measures for keyframe choice on packed RGB frames. */

const STRIDE = 3;

export interface CandidateMeasure {
  /** Variance of the 4-neighbour Laplacian of luma: higher is sharper. */
  sharpness: number;
  /** Luma mean and standard deviation, 0..255: a low spread marks black, white and blank frames. */
  mean: number;
  std: number;
}

/** Sharpness and luma statistics from one pass over every third pixel of every third row. */
export function measureCandidate(rgb: Uint8Array, width: number, height: number): CandidateMeasure {
  // Luma of a coarser lattice first, so each pixel is converted once.
  const lw = Math.floor(width / STRIDE);
  const lh = Math.floor(height / STRIDE);
  const lum = new Float32Array(lw * lh);
  let t = 0;
  let t2 = 0;
  for (let y = 0; y < lh; y++) {
    let i = STRIDE * y * width * 3;
    for (let x = 0, k = y * lw; x < lw; x++, k++, i += STRIDE * 3) {
      const l = 0.299 * rgb[i]! + 0.587 * rgb[i + 1]! + 0.114 * rgb[i + 2]!;
      lum[k] = l;
      t += l;
      t2 += l * l;
    }
  }
  const count = lw * lh;
  const mean = count ? t / count : 0;
  const std = count ? Math.sqrt(Math.max(0, t2 / count - mean * mean)) : 0;
  let s = 0;
  let s2 = 0;
  let n = 0;
  for (let y = 1; y < lh - 1; y++) {
    for (let x = 1, k = y * lw + 1; x < lw - 1; x++, k++) {
      const l = 4 * lum[k]! - lum[k - 1]! - lum[k + 1]! - lum[k - lw]! - lum[k + lw]!;
      s += l;
      s2 += l * l;
      n++;
    }
  }
  if (n === 0) return { sharpness: 0, mean, std };
  const m = s / n;
  return { sharpness: s2 / n - m * m, mean, std };
}
