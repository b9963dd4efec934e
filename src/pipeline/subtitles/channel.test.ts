import { describe, expect, it } from 'vitest';
import { channelLetters, colourGray, cropVote, letterChannel, type RgbCrop } from './channel.js';
import { isolateLetters } from './clean.js';

const W = 120;
const H = 40;
type Rgb = [number, number, number];

/** A crop filled with `bg`, and a way to paint rectangles on it. */
function canvas(bg: Rgb): {
  c: RgbCrop;
  rect: (x0: number, y0: number, x1: number, y1: number, v: Rgb) => void;
} {
  const c = { rgb: new Uint8Array(W * H * 3), width: W, height: H };
  const rect = (x0: number, y0: number, x1: number, y1: number, v: Rgb): void => {
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) c.rgb.set(v, 3 * (y * W + x));
  };
  rect(0, 0, W, H, bg);
  return { c, rect };
}

/** A crop of `bg` with four bars ("letters") of `fill`, each inside a black outline. */
function crop(fill: Rgb, bg: Rgb = [128, 96, 64]): RgbCrop {
  const { c, rect } = canvas(bg);
  for (const x of [15, 40, 65, 90]) {
    rect(x - 3, 9, x + 9, 31, [0, 0, 0]);
    rect(x, 12, x + 6, 28, fill);
  }
  return c;
}

const RED: Rgb = [255, 0, 0];
const WHITE: Rgb = [255, 255, 255];

/**
 * 4:2:0 video: colour (Cb, Cr) kept at half resolution (2x2 means), luma at full resolution,
 * converted back to RGB (BT.601 full range) the way a decoder's upsampled chroma looks.
 */
function subsampleChroma(c: RgbCrop): RgbCrop {
  const { width: w, height: h } = c;
  const y = new Float64Array(w * h);
  const cb = new Float64Array(w * h);
  const cr = new Float64Array(w * h);
  for (let i = 0; i < w * h; i++) {
    const [r, g, b] = [c.rgb[3 * i]!, c.rgb[3 * i + 1]!, c.rgb[3 * i + 2]!];
    y[i] = 0.299 * r + 0.587 * g + 0.114 * b;
    cb[i] = 128 - 0.168736 * r - 0.331264 * g + 0.5 * b;
    cr[i] = 128 + 0.5 * r - 0.418688 * g - 0.081312 * b;
  }
  const rgb = new Uint8Array(w * h * 3);
  const clip = (v: number): number => Math.max(0, Math.min(255, Math.round(v)));
  for (let py = 0; py < h; py++)
    for (let px = 0; px < w; px++) {
      const x0 = px & ~1;
      const y0 = py & ~1;
      const mean = (p: Float64Array): number =>
        (p[y0 * w + x0]! + p[y0 * w + x0 + 1]! + p[(y0 + 1) * w + x0]! + p[(y0 + 1) * w + x0 + 1]!) / 4;
      const i = py * w + px;
      const [l, u, v] = [y[i]!, mean(cb) - 128, mean(cr) - 128];
      rgb.set([clip(l + 1.402 * v), clip(l - 0.344136 * u - 0.714136 * v), clip(l + 1.772 * u)], 3 * i);
    }
  return { rgb, width: w, height: h };
}

/** Three red "日": boxes of 2 px strokes with a middle bar at y 19-21, 2 px outline, on a brighter picture. */
function sunGlyphs(): RgbCrop {
  const { c, rect } = canvas([150, 140, 130]);
  for (const x of [20, 50, 80]) {
    rect(x - 2, 8, x + 14, 32, [0, 0, 0]);
    rect(x, 10, x + 12, 30, RED);
    rect(x + 2, 12, x + 10, 19, [0, 0, 0]);
    rect(x + 2, 21, x + 10, 28, [0, 0, 0]);
  }
  return c;
}

describe('letters of a pure colour', () => {
  it('votes for the red channel when red letters are darker than their picture in luma', () => {
    // Red is luma 81; the brown picture around the outlines is brighter.
    expect(cropVote(crop(RED))).toEqual({ letters: true, channel: 0 });
    expect(cropVote(crop([0, 0, 255], [60, 60, 60]))).toEqual({ letters: true, channel: 2 });
  });

  it('leaves white and pale colours to luma', () => {
    expect(cropVote(crop(WHITE))).toEqual({ letters: true, channel: null });
    // Blue 0x3399ff is not of one channel (green is 60 % of blue): luma with lowered thresholds.
    expect(cropVote(crop([0x33, 0x99, 0xff])).channel).toBeNull();
  });

  it('does not vote without letters', () => {
    const flat = crop(RED);
    flat.rgb.fill(90);
    expect(cropVote(flat)).toEqual({ letters: false, channel: null });
  });

  it('scans a channel when at least a quarter of the lines with letters voted for it', () => {
    const red = crop(RED);
    const white = crop(WHITE);
    const none = { ...crop(RED), rgb: new Uint8Array(W * H * 3).fill(90) };
    expect(letterChannel([red, white, white, white])).toBe(0);
    expect(letterChannel([red, white, white, white, white])).toBeNull();
    expect(letterChannel([red, none, none, none, none])).toBe(0);
    expect(letterChannel([white, white])).toBeNull();
    expect(letterChannel([])).toBeNull();
  });

  it('keeps thin red strokes that half-resolution colour blurs into the outline', () => {
    const video = subsampleChroma(sunGlyphs());
    const out = channelLetters(video, 0);
    const bar = (x: number): number => out.gray[20 * W + x + 6]!;
    for (const x of [20, 50, 80]) expect(bar(x), `middle bar of the glyph at ${x}`).toBeGreaterThan(0);
    // The picture stays out.
    expect(out.gray[2 * W + 5]).toBe(0);
    expect(out.gray[20 * W + 110]).toBe(0);
  });
});

describe('the gray scanned for red letters', () => {
  it('brightens red to about white and leaves other colours their luma', () => {
    const px = (...rgb: Rgb[]): number[] => [...colourGray(Uint8Array.from(rgb.flat()), 0)];
    const [red, white, black, skin, caption, darkRed] = px(
      RED,
      WHITE,
      [0, 0, 0],
      [200, 150, 120],
      [200, 190, 180],
      [128, 0, 0],
    );
    expect(red).toBeGreaterThanOrEqual(230);
    expect(white).toBe(235);
    expect(black).toBe(16);
    // Warm picture keeps its luma (the raw red channel made skin and light captions brighter).
    expect(skin).toBe(155); // its video-range luma
    expect(caption).toBe(181);
    // Brightened in proportion to its luma: darker red stays darker.
    expect(darkRed).toBeLessThan(red!);
    expect(darkRed).toBeGreaterThan(100);
  });
});

describe('the red channel alone', () => {
  it('loses the thin middle bar once colour is at half resolution (why luma shapes are added)', () => {
    const video = subsampleChroma(sunGlyphs());
    const red = new Uint8Array(W * H);
    for (let i = 0; i < W * H; i++) red[i] = video.rgb[3 * i]!;
    const alone = isolateLetters(red, W, H).gray;
    expect([20, 50, 80].some((x) => alone[20 * W + x + 6] === 0)).toBe(true);
  });
});
