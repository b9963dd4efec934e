import { describe, expect, it } from 'vitest';
import { isolateLetters } from './clean.js';

const W = 120;
const H = 40;

/** A crop: mid-gray picture, a white stripe from top to bottom, and outlined "letters". */
function crop(): Uint8Array {
  const g = new Uint8Array(W * H).fill(100);
  const fill = (x0: number, y0: number, x1: number, y1: number, v: number): void => {
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) g[y * W + x] = v;
  };
  fill(60, 0, 90, H, 235); // the stripe behind part of the text
  // Two letters: white bars inside 3 px black outlines, one of them over the stripe.
  for (const x of [20, 70]) {
    fill(x - 3, 9, x + 9, 31, 10);
    fill(x, 12, x + 6, 28, 240);
  }
  fill(40, 15, 48, 22, 200); // a bright patch of picture with no outline around it
  return g;
}

describe('isolateLetters', () => {
  it('keeps outlined fill and blacks out the stripe, the patch and the picture', () => {
    const { gray, kept, dropped } = isolateLetters(crop(), W, H);
    expect(kept).toBe(2);
    expect(dropped).toBe(2);
    expect(gray[20 * W + 22]).toBe(240); // the letter on the picture
    expect(gray[20 * W + 72]).toBe(240); // the letter over the stripe
    expect(gray[5 * W + 75]).toBe(0); // the stripe above the letter
    expect(gray[18 * W + 44]).toBe(0); // the unoutlined patch
    expect(gray[2 * W + 5]).toBe(0); // plain picture
  });

  it('keeps the rim around a letter (anti-aliasing) but not further', () => {
    const g = crop();
    const { gray } = isolateLetters(g, W, H);
    expect(gray[20 * W + 19]).toBe(g[20 * W + 19]); // 1 px left of the letter: the outline
    expect(gray[20 * W + 15]).toBe(0); // 5 px left: picture
  });

  it('drops a bright region taller than most of the crop even when outlined', () => {
    const g = new Uint8Array(W * H).fill(20);
    for (let y = 2; y < H - 2; y++) for (let x = 50; x < 60; x++) g[y * W + x] = 230;
    expect(isolateLetters(g, W, H).kept).toBe(0);
  });

  it('keeps a letter that touches a lit block through a gap in its outline, drops the block', () => {
    const g = new Uint8Array(W * H).fill(10);
    const fill = (x0: number, y0: number, x1: number, y1: number, v: number): void => {
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) g[y * W + x] = v;
    };
    fill(50, 4, 110, 24, 235); // a lit block inside the crop, above the text
    for (const x of [20, 35, 60, 75]) fill(x, 26, x + 6, 36, 240); // strokes 6 px wide
    fill(62, 24, 64, 26, 235); // the gap: one stroke touches the block through 2 px
    const { gray } = isolateLetters(g, W, H);
    expect(gray[30 * W + 62]).toBe(240); // the touching stroke is kept
    expect(gray[30 * W + 22]).toBe(240);
    expect(gray[10 * W + 80]).toBe(0); // the block is not
  });

  it('keeps letters darker than a white stripe when told the fill (blue subtitles)', () => {
    const g = crop();
    // The same crop with the letters filled in blue (luma 131), below 0.7 of the stripe.
    for (let i = 0; i < g.length; i++) if (g[i] === 240) g[i] = 131;
    expect(isolateLetters(g, W, H).gray[20 * W + 22]).toBe(0);
    const told = isolateLetters(g, W, H, 131);
    expect(told.gray[20 * W + 22]).toBe(131);
    expect(told.gray[20 * W + 72]).toBe(131);
    expect(told.gray[5 * W + 75]).toBe(0); // the stripe still goes
  });
});
