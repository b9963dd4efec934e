import { describe, expect, it } from 'vitest';
import { cropFill, letterFill, maskThresholds, type GrayCrop } from './fill.js';
import { STRONG } from './mask.js';

const W = 120;
const H = 40;

/** Four outlined bars ("letters") of `fill` on a `bg` picture, optionally over a white block. */
function crop(fill: number, bg = 40, whiteBlock = false): GrayCrop {
  const g = new Uint8Array(W * H).fill(bg);
  const rect = (x0: number, y0: number, x1: number, y1: number, v: number): void => {
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) g[y * W + x] = v;
  };
  if (whiteBlock) rect(0, 0, W, H, 235);
  for (const x of [15, 40, 65, 90]) {
    rect(x - 3, 9, x + 9, 31, 10);
    rect(x, 12, x + 6, 28, fill);
  }
  return { gray: g, width: W, height: H };
}

describe('subtitle fill', () => {
  it('measures the fill of outlined letters', () => {
    expect(cropFill(crop(235))).toBe(235);
    expect(cropFill(crop(131))).toBe(131);
  });

  it('does not count a crop where no line of letters is isolated', () => {
    // Blue letters over a white block: the block is the brightest thing, letters stay dark.
    expect(cropFill(crop(131, 40, true))).toBeNull();
    expect(cropFill({ gray: new Uint8Array(W * H).fill(90), width: W, height: H })).toBeNull();
  });

  it('takes the lower quartile over crops, ignoring those without letters', () => {
    expect(letterFill([crop(235), crop(235), crop(131, 40, true)])).toBe(235);
    expect(letterFill([crop(131), crop(235), crop(235), crop(235)])).toBe(235);
    expect(letterFill([crop(131), crop(131), crop(235), crop(235)])).toBe(131);
    expect(letterFill([])).toBeNull();
  });

  it('does not count a crop that isolated only a fragment of what the others did', () => {
    // Three specks of a darker fill (what isolation kept of a line lost in a busy picture):
    // under a quarter of the pixels a whole line's crop gives.
    const fragment = crop(200);
    fragment.gray.fill(40);
    for (const x of [15, 40, 65]) {
      for (let y = 9; y < 19; y++) for (let dx = -3; dx < 7; dx++) fragment.gray[y * W + x + dx] = 10;
      for (let y = 12; y < 16; y++) for (let dx = 0; dx < 4; dx++) fragment.gray[y * W + x + dx] = 110;
    }
    expect(cropFill(fragment)).toBe(110);
    expect(letterFill([fragment, fragment, crop(131), crop(235), crop(235)])).toBe(131);
  });

  it('lowers the mask thresholds only for clearly darker letters', () => {
    expect(maskThresholds(235)).toBe(STRONG);
    expect(maskThresholds(210)).toBe(STRONG); // yellow
    expect(maskThresholds(null)).toBe(STRONG);
    expect(maskThresholds(60)).toBe(STRONG); // too dark to have been measured as letters
    const blue = maskThresholds(131);
    expect(blue.luma).toBeLessThan(131);
    expect(blue.luma).toBeGreaterThan(90);
    expect(blue.contrast).toBeLessThanOrEqual(STRONG.contrast);
  });
});
