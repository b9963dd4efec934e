/** Pure helpers on 8-bit gray images (row-major, one byte per pixel) shared by the subtitle masks. */

/**
 * Separable min (or max) filter over a (2r+1)² window: `out[i]` is the darkest (brightest) pixel
 * near i. `tmp` and `out` may be passed in to reuse buffers across frames of one size.
 */
export function localExtreme(
  gray: Uint8Array,
  w: number,
  h: number,
  radius: number,
  kind: 'min' | 'max',
  tmp: Uint8Array = new Uint8Array(w * h),
  out: Uint8Array = new Uint8Array(w * h),
): Uint8Array {
  const pick = kind === 'min' ? Math.min : Math.max;
  const start = kind === 'min' ? 255 : 0;
  for (let y = 0; y < h; y++) {
    const row = y * w;
    for (let x = 0; x < w; x++) {
      let m = start;
      for (let dx = Math.max(0, x - radius); dx <= Math.min(w - 1, x + radius); dx++)
        m = pick(m, gray[row + dx]!);
      tmp[row + x] = m;
    }
  }
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      let m = start;
      for (let dy = Math.max(0, y - radius); dy <= Math.min(h - 1, y + radius); dy++)
        m = pick(m, tmp[dy * w + x]!);
      out[y * w + x] = m;
    }
  return out;
}

/**
 * Brightness above which a pixel may be subtitle fill: 70 % of the image's 98th percentile
 * (the fill is the brightest thing in a subtitle crop: white ~240, yellow ~210), never below 110.
 */
export function fillThreshold(gray: Uint8Array): number {
  const hist = new Uint32Array(256);
  for (const g of gray) hist[g]!++;
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += hist[v]!;
    if (seen >= gray.length * 0.98) return Math.max(110, 0.7 * v);
  }
  return Math.max(110, 0.7 * 255);
}
