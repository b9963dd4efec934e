/** Pure image measures for keyframe choice on packed RGB frames. */

/** Variance of the 4-neighbour Laplacian of luma (sampled every other pixel): higher is sharper. */
export function sharpness(rgb: Uint8Array, width: number, height: number): number {
  const lum = (x: number, y: number): number => {
    const i = (y * width + x) * 3;
    return 0.299 * rgb[i]! + 0.587 * rgb[i + 1]! + 0.114 * rgb[i + 2]!;
  };
  let s = 0;
  let s2 = 0;
  let n = 0;
  for (let y = 1; y < height - 1; y += 2) {
    for (let x = 1; x < width - 1; x += 2) {
      const l = 4 * lum(x, y) - lum(x - 1, y) - lum(x + 1, y) - lum(x, y - 1) - lum(x, y + 1);
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
