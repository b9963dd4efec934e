import { describe, expect, it } from 'vitest';
import { measureCandidate } from './sharpness.js';

const W = 90;
const H = 60;

/** Packed RGB of a grey picture given by `lum(x, y)`. */
function picture(lum: (x: number, y: number) => number): Buffer {
  const out = Buffer.alloc(W * H * 3);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++)
      out.fill(Math.max(0, Math.min(255, Math.round(lum(x, y)))), (y * W + x) * 3, (y * W + x) * 3 + 3);
  return out;
}

describe('measureCandidate', () => {
  it('scores hard edges above the same pattern blurred', () => {
    const sharp = measureCandidate(
      picture((x, y) => ((Math.floor(x / 9) + Math.floor(y / 9)) % 2 ? 220 : 30)),
      W,
      H,
    );
    const blurred = measureCandidate(
      picture((x, y) => 125 + 95 * Math.sin((Math.PI * x) / 9) * Math.sin((Math.PI * y) / 9)),
      W,
      H,
    );
    expect(sharp.sharpness).toBeGreaterThan(4 * blurred.sharpness);
    expect(sharp.std).toBeGreaterThan(80);
  });
  it('reports a blank frame as flat with its brightness', () => {
    const m = measureCandidate(
      picture(() => 12),
      W,
      H,
    );
    expect(m.std).toBeLessThan(1);
    expect(m.mean).toBeCloseTo(12, 0);
    expect(m.sharpness).toBeLessThan(1);
  });
});
