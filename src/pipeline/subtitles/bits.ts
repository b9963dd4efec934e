/** Packed bitsets for per-frame text masks: cheap to store for every frame and to compare. */

export function popcount32(v: number): number {
  v = v - ((v >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export function count(a: Uint32Array): number {
  let n = 0;
  for (let i = 0; i < a.length; i++) n += popcount32(a[i]!);
  return n;
}

/** |a AND b| */
export function countAnd(a: Uint32Array, b: Uint32Array): number {
  let n = 0;
  for (let i = 0; i < a.length; i++) n += popcount32(a[i]! & b[i]!);
  return n;
}

/** |a XOR b|: bits in one mask or the other, not both. */
export function countXor(a: Uint32Array, b: Uint32Array): number {
  let n = 0;
  for (let i = 0; i < a.length; i++) n += popcount32(a[i]! ^ b[i]!);
  return n;
}

/** |a ∩ b| / max(|a|, |b|): 1 for identical masks, low when either gained or lost much. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  const m = Math.max(count(a), count(b));
  return m === 0 ? 1 : countAnd(a, b) / m;
}

/** Share of `part`'s bits that are also in `whole`. */
export function containment(part: Uint32Array, whole: Uint32Array): number {
  const p = count(part);
  return p === 0 ? 1 : countAnd(part, whole) / p;
}

/** Cells set in at least `share` of the masks (a vote that drops moving background edges). */
export function majority(masks: readonly Uint32Array[], bitsLength: number, share: number): Uint32Array {
  const out = new Uint32Array(masks[0]?.length ?? 0);
  if (masks.length === 0) return out;
  const need = Math.max(1, Math.ceil(masks.length * share));
  for (let bit = 0; bit < bitsLength; bit++) {
    const w = bit >>> 5;
    const m = 1 << (bit & 31);
    let votes = 0;
    for (const mask of masks) if (mask[w]! & m) votes++;
    if (votes >= need) out[w]! |= m;
  }
  return out;
}

/** Bounding box [x0, y0, x1, y1) of set bits in a row-major grid of width `w`; null when empty. */
export function bounds(a: Uint32Array, w: number, h: number): [number, number, number, number] | null {
  let x0 = w;
  let y0 = h;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const bit = y * w + x;
      if (!(a[bit >>> 5]! & (1 << (bit & 31)))) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  return x1 < 0 ? null : [x0, y0, x1 + 1, y1 + 1];
}
