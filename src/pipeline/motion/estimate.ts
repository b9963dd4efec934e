/**
 * Pure global-motion estimate between two small luma frames: block matching on a grid (coarse
 * search at half resolution, refined with sub-pixel parabola fits at full resolution), then a
 * robust fit of translation plus zoom. Medians keep a moving subject from steering the result.
 */

export interface MotionSample {
  /** Content displacement from the earlier to the later frame, pixels (x right, y down). */
  dx: number;
  dy: number;
  /** Relative scale change (0.02 = content grew 2 %: zoom in). */
  zoom: number;
  /** Median misfit of the blocks to the global model, pixels. */
  residual: number;
  /** Blocks with enough texture to measure. */
  blocks: number;
}

const GRID_X = 4;
const GRID_Y = 4;
const COARSE_RANGE = 4;
const MIN_BLOCK_STD = 3;

/**
 * Block matching cost; squared differences make the sub-pixel parabola fit unbiased. Stops
 * early once above `bound` (a search only needs to know that a shift loses).
 */
function blockCost(
  a: Uint8Array,
  b: Uint8Array,
  w: number,
  x0: number,
  y0: number,
  bw: number,
  bh: number,
  dx: number,
  dy: number,
  bound = Infinity,
): number {
  let s = 0;
  const off = dy * w + dx;
  for (let y = y0; y < y0 + bh; y++) {
    const end = y * w + x0 + bw;
    for (let i = y * w + x0; i < end; i++) {
      const d = a[i]! - b[i + off]!;
      s += d * d;
    }
    // Past the bound the exact cost no longer matters to the caller (it cannot win).
    if (s > bound) return s;
  }
  return s;
}

/** A luma plane with its half-resolution copy, computed once per frame and reused for every pair. */
export interface MotionFrame {
  full: Uint8Array;
  half: { data: Uint8Array; w: number; h: number };
  w: number;
  h: number;
}

/** Prepare a w×h luma plane (copied: the caller's buffer may be reused) for estimateMotionBetween. */
export function motionFrame(luma: Uint8Array, w: number, h: number): MotionFrame {
  const full = Uint8Array.from(luma.subarray(0, w * h));
  return { full, half: half(full, w, h), w, h };
}

function half(src: Uint8Array, w: number, h: number): { data: Uint8Array; w: number; h: number } {
  const hw = w >> 1;
  const hh = h >> 1;
  const data = new Uint8Array(hw * hh);
  for (let y = 0; y < hh; y++) {
    for (let x = 0; x < hw; x++) {
      const i = 2 * y * w + 2 * x;
      data[y * hw + x] = (src[i]! + src[i + 1]! + src[i + w]! + src[i + w + 1]!) >> 2;
    }
  }
  return { data, w: hw, h: hh };
}

/** Parabola vertex offset from three costs around a minimum, in −0.5..0.5. */
const vertex = (l: number, c: number, r: number): number => {
  const den = l - 2 * c + r;
  return den > 0 ? Math.max(-0.5, Math.min(0.5, (l - r) / (2 * den))) : 0;
};

const median = (v: number[]): number => {
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Estimate how content moved from `prev` to `cur` (both w×h luma, row-major). */
export function estimateMotion(prev: Uint8Array, cur: Uint8Array, w: number, h: number): MotionSample {
  return estimateMotionBetween(motionFrame(prev, w, h), motionFrame(cur, w, h));
}

/** estimateMotion on prepared frames. */
export function estimateMotionBetween(a: MotionFrame, b: MotionFrame): MotionSample {
  const { w, h } = a;
  const prev = a.full;
  const cur = b.full;
  const p2 = a.half;
  const c2 = b.half;
  const margin = COARSE_RANGE * 2 + 3;
  const bw = Math.floor((w - 2 * margin) / GRID_X);
  const bh = Math.floor((h - 2 * margin) / GRID_Y);
  const vectors: Array<{ x: number; y: number; vx: number; vy: number }> = [];
  if (bw < 4 || bh < 4) return { dx: 0, dy: 0, zoom: 0, residual: 0, blocks: 0 };
  for (let gy = 0; gy < GRID_Y; gy++) {
    for (let gx = 0; gx < GRID_X; gx++) {
      const x0 = margin + gx * bw;
      const y0 = margin + gy * bh;
      if (blockStd(cur, w, x0, y0, bw, bh) < MIN_BLOCK_STD) continue;
      // Coarse: where did this block of `cur` come from in `prev` (half resolution)?
      let best = Infinity;
      let bx = 0;
      let by = 0;
      for (let dy = -COARSE_RANGE; dy <= COARSE_RANGE; dy++) {
        for (let dx = -COARSE_RANGE; dx <= COARSE_RANGE; dx++) {
          const s = blockCost(c2.data, p2.data, c2.w, x0 >> 1, y0 >> 1, bw >> 1, bh >> 1, dx, dy, best);
          if (s < best || (s === best && Math.abs(dx) + Math.abs(dy) < Math.abs(bx) + Math.abs(by))) {
            best = s;
            bx = dx;
            by = dy;
          }
        }
      }
      // Fine: ±1 pixel at full resolution around the coarse match, then a sub-pixel vertex.
      // Ties go to the coarse match, so a direction without texture (vertical bars) reads as still.
      const cx = 2 * bx;
      const cy = 2 * by;
      // Costs of the 3×3 window, kept for the parabola fit (which mostly needs the same ones).
      const near = new Float64Array(9);
      for (let k = 0; k < 9; k++)
        near[k] = blockCost(cur, prev, w, x0, y0, bw, bh, cx + (k % 3) - 1, cy + ((k / 3) | 0) - 1);
      let fx = cx;
      let fy = cy;
      let fbest = near[4]!;
      for (let k = 0; k < 9; k++) {
        if (near[k]! < fbest) {
          fbest = near[k]!;
          fx = cx + (k % 3) - 1;
          fy = cy + ((k / 3) | 0) - 1;
        }
      }
      const cost = (dx: number, dy: number): number =>
        Math.abs(dx - cx) <= 1 && Math.abs(dy - cy) <= 1
          ? near[(dy - cy + 1) * 3 + (dx - cx + 1)]!
          : blockCost(cur, prev, w, x0, y0, bw, bh, dx, dy);
      const sx = fx + vertex(cost(fx - 1, fy), fbest, cost(fx + 1, fy));
      const sy = fy + vertex(cost(fx, fy - 1), fbest, cost(fx, fy + 1));
      // The block of cur at (x0,y0) matches prev at (x0+sx, y0+sy): content moved by −(sx, sy).
      vectors.push({ x: x0 + bw / 2 - w / 2, y: y0 + bh / 2 - h / 2, vx: -sx, vy: -sy });
    }
  }
  if (vectors.length < 3) return { dx: 0, dy: 0, zoom: 0, residual: 0, blocks: vectors.length };
  const tx = median(vectors.map((v) => v.vx));
  const ty = median(vectors.map((v) => v.vy));
  // Least squares over the blocks: outer blocks move most under a zoom and weigh most. A moving
  // subject is trimmed first by its distance from the median block ratio.
  const ratio = vectors.map(
    (v) => ((v.vx - tx) * v.x + (v.vy - ty) * v.y) / Math.max(1, v.x * v.x + v.y * v.y),
  );
  const mr = median(ratio);
  const spread = median(ratio.map((r) => Math.abs(r - mr))) * 3 + 1e-3;
  let num = 0;
  let den = 0;
  vectors.forEach((v, i) => {
    if (Math.abs(ratio[i]! - mr) > spread) return;
    num += (v.vx - tx) * v.x + (v.vy - ty) * v.y;
    den += v.x * v.x + v.y * v.y;
  });
  const zoom = den > 0 ? num / den : mr;
  const residual = median(vectors.map((v) => Math.hypot(v.vx - tx - zoom * v.x, v.vy - ty - zoom * v.y)));
  return { dx: tx, dy: ty, zoom, residual, blocks: vectors.length };
}

function blockStd(a: Uint8Array, w: number, x0: number, y0: number, bw: number, bh: number): number {
  let s = 0;
  let s2 = 0;
  for (let y = y0; y < y0 + bh; y++) {
    for (let x = x0; x < x0 + bw; x++) {
      const v = a[y * w + x]!;
      s += v;
      s2 += v * v;
    }
  }
  const n = bw * bh;
  return Math.sqrt(Math.max(0, s2 / n - (s / n) ** 2));
}
