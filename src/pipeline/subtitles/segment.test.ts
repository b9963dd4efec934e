import { bounds } from './bits.js';
import { describe, expect, it } from 'vitest';
import { MaskMaker, maskGrid } from './mask.js';
import { isChange, stableMasks, type FrameMasks } from './change.js';
import { findSegments, pickSample } from './segment.js';

const W = 160;
const H = 40;

/** A gray band with pseudo-glyphs for `text` (bright strokes, dark outline) at `alpha`. */
function frame(
  text: number | null,
  opts: {
    alpha?: number;
    bg?: number;
    noiseSeed?: number;
    bars?: boolean;
    chars?: number;
    /** Leading characters a karaoke sweep has recoloured darker (blue fill: luma ~130). */
    swept?: number;
  } = {},
): Uint8Array {
  const g = new Uint8Array(W * H).fill(opts.bg ?? 90);
  // A still test-chart picture: bright bars on black above and below the text rows.
  if (opts.bars)
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++)
        if ((y < 5 || y >= 35) && x % 16 < 4) g[y * W + x] = y < 5 ? 235 : 200;
        else if (y < 5 || y >= 35) g[y * W + x] = 15;
  if (opts.noiseSeed !== undefined) {
    // Moving bright specks with dark surroundings: background that looks a little like text.
    let s = opts.noiseSeed * 7919;
    for (let k = 0; k < 12; k++) {
      s = (s * 1103515245 + 12345) % 2147483648;
      const x = 2 + (s % (W - 4));
      const y = 2 + ((s >> 8) % (H - 4));
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) g[(y + dy) * W + x + dx] = 10;
      g[y * W + x] = 230;
    }
  }
  if (text === null) return g;
  const a = opts.alpha ?? 1;
  let s = text * 104729 + 1;
  for (let c = 0; c < (opts.chars ?? 8); c++) {
    // One "character" per 16 px cell: a few strokes chosen by the text id.
    for (let k = 0; k < 3; k++) {
      s = (s * 1103515245 + 12345) % 2147483648;
      const horiz = s % 2 === 0;
      const off = 2 + ((s >> 4) % 10);
      for (let t = 2; t < 14; t++) {
        const x = 16 + c * 16 + (horiz ? t : off);
        const y = 12 + (horiz ? off : t);
        for (let dy = -1; dy <= 2; dy++)
          for (let dx = -1; dx <= 2; dx++)
            g[(y + dy) * W + x + dx] = Math.round(g[(y + dy) * W + x + dx]! * (1 - a));
        for (const [px, py] of [
          [x, y],
          [x + 1, y],
          [x, y + 1],
          [x + 1, y + 1],
        ] as const)
          g[py * W + px] = Math.round(g[py * W + px]! * (1 - a) + (c < (opts.swept ?? 0) ? 130 : 240) * a);
      }
    }
  }
  return g;
}

function masks(frames: Uint8Array[]): FrameMasks[] {
  const maker = new MaskMaker(maskGrid(W, H));
  return frames.map((f) => maker.make(f));
}

const opts = { grid: maskGrid(W, H), fps: 25, sampleEvery: 5 };

describe('findSegments', () => {
  it('finds exact boundaries of consecutive subtitles and gaps', () => {
    const run = (n: number, t: number | null): Array<number | null> => Array.from({ length: n }, () => t);
    const seq = [...run(10, null), ...run(30, 1), ...run(30, 2), ...run(10, null), ...run(25, 3)];
    const segs = findSegments(masks(seq.map((t) => frame(t))), opts);
    expect(segs.map((s) => [s.start, s.end])).toEqual([
      [10, 40],
      [40, 70],
      [80, 105],
    ]);
    for (const s of segs) expect(s.ocrFrame % 5).toBe(0);
  });

  it('does not split a subtitle over moving background specks', () => {
    const seq = Array.from({ length: 60 }, (_, i) => frame(i >= 10 && i < 50 ? 4 : null, { noiseSeed: i }));
    const segs = findSegments(masks(seq), opts).filter((s) => s.end - s.start > 5);
    expect(segs.map((s) => [s.start, s.end])).toEqual([[10, 50]]);
  });

  it('starts a fading-in subtitle within two frames of its first frame', () => {
    const seq = Array.from({ length: 60 }, (_, i) =>
      i < 10 ? frame(null) : frame(5, { alpha: Math.min(1, (i - 9) / 11) }),
    );
    const [seg] = findSegments(masks(seq), opts);
    expect(seg).toBeDefined();
    expect(Math.abs(seg!.start - 10)).toBeLessThanOrEqual(2);
    expect(seg!.end).toBe(60);
  });

  it('keeps a still background apart from a subtitle typed in and out over it', () => {
    // Text 1 over a test chart, the chart alone, then text 5 typed in one character a frame and
    // taken away two a frame: no two consecutive frames differ much, so only the run's own text
    // can tell the chart apart.
    const seq = Array.from({ length: 100 }, (_, i) =>
      i < 30
        ? frame(1, { bars: true })
        : i < 42 || i >= 88
          ? frame(null, { bars: true })
          : frame(5, { bars: true, chars: Math.min(8, i - 41, 2 * (88 - i)) }),
    );
    const segs = findSegments(masks(seq), { ...opts, charCells: 5 });
    const spans = JSON.stringify(segs.map((s) => [s.start, s.end]));
    const text5 = segs.find((s) => s.start > 30 && s.end > 60) ?? { start: -1, end: -1 };
    expect(segs[0]!.end, spans).toBe(30);
    expect(Math.abs(text5.start - 42), spans).toBeLessThanOrEqual(2);
    expect(Math.abs(text5.end - 88), spans).toBeLessThanOrEqual(2);
  });

  it('reads a karaoke line where the sweep has not darkened its letters, over all of them', () => {
    // Text 3 over frames 5-40, a sweep darkening one more character every 3 frames from frame
    // `from` (out of the strong mask, still in the weak one): the steadiest frames are swept.
    const full = bounds(masks([frame(3)])[0]!.strong, opts.grid.gw, opts.grid.gh)!;
    for (const from of [9, 16]) {
      const seq = Array.from({ length: 50 }, (_, i) =>
        i < 5 || i >= 40 ? frame(null) : frame(3, { swept: Math.max(0, Math.floor((i - from) / 3)) }),
      );
      const segs = findSegments(masks(seq), opts);
      expect(segs.map((s) => [s.start, s.end])).toEqual([[5, 40]]);
      // Read before the sweep took a second letter, over a box reaching into the first
      // character (8 cells wide here; the crop's margin covers the rest) and to the last.
      expect(segs[0]!.ocrFrame).toBeLessThan(from + 6);
      expect(segs[0]!.cells[0]).toBeLessThan(full[0] + 4);
      expect(segs[0]!.cells[2]).toBe(full[2]);
    }
  });

  it('starts a subtitle that appears a few frames before a cut where it appears', () => {
    // Text 2 from frame 50; at frame 54 the picture cuts to a test chart under it.
    const seq = Array.from({ length: 90 }, (_, i) =>
      i >= 10 && i < 40 ? frame(1) : i < 50 ? frame(null) : frame(2, { bars: i >= 54 }),
    );
    const segs = findSegments(masks(seq), { ...opts, charCells: 5 });
    const spans = JSON.stringify(segs.map((s) => [s.start, s.end]));
    expect(segs.length, spans).toBe(2);
    expect(Math.abs(segs[1]!.start - 50), spans).toBeLessThanOrEqual(1);
    expect(segs[1]!.end, spans).toBe(90);
  });

  it('starts a subtitle before a cut where it appears, when the cut also takes picture away', () => {
    // Text 2 from frame `from` over a still picture with specks of its own; at frame 56 the
    // picture cuts to a test chart. The frames before the cut make two short runs (text with
    // the specks, then text alone while the stable masks lose the specks).
    for (const from of [50, 51, 52, 53]) {
      const seq = Array.from({ length: 90 }, (_, i) =>
        i >= 10 && i < 40
          ? frame(1)
          : i < from
            ? frame(null, { noiseSeed: 3 })
            : i < 56
              ? frame(2, { noiseSeed: 3 })
              : frame(2, { bars: true }),
      );
      const segs = findSegments(masks(seq), { ...opts, charCells: 5 });
      const spans = JSON.stringify(segs.map((s) => [s.start, s.end]));
      expect(Math.abs(segs[segs.length - 1]!.start - from), `${from}: ${spans}`).toBeLessThanOrEqual(1);
      expect(segs[segs.length - 1]!.end, spans).toBe(90);
    }
  });

  it('does not start a subtitle at a short gap showing only the picture it appears over', () => {
    // A still caption of the picture (test-chart bars) from frame 30 on, under text 1 until
    // frame 40; only the caption for 2 frames (a run too short to count); text 2 from frame 42.
    const seq = Array.from({ length: 90 }, (_, i) =>
      i < 40 && i >= 10
        ? frame(1, { bars: i >= 30 })
        : i < 42
          ? frame(null, { bars: i >= 30 })
          : frame(2, { bars: true }),
    );
    const segs = findSegments(masks(seq), { ...opts, charCells: 5 });
    const spans = JSON.stringify(segs.map((s) => [s.start, s.end]));
    expect(Math.abs(segs[segs.length - 1]!.start - 42), spans).toBeLessThanOrEqual(1);
    expect(segs[segs.length - 1]!.end, spans).toBe(90);
  });

  it('finds nothing in a band without text', () => {
    expect(findSegments(masks(Array.from({ length: 30 }, () => frame(null))), opts)).toEqual([]);
  });
});

describe('change signal', () => {
  it('keeps only bits present in three consecutive frames', () => {
    const f = (v: number): FrameMasks => ({ strong: Uint32Array.of(v), weak: Uint32Array.of(v) });
    expect([...stableMasks([f(0b111), f(0b110), f(0b011), f(0b011)]).map((m) => m[0])]).toEqual([
      0, 0, 0b010, 0b010,
    ]);
  });

  it('is false for identical masks and true for different text', () => {
    const [a, b, c] = masks([frame(1), frame(1), frame(2)]);
    expect(isChange(a!.strong, b!.strong, 10)).toBe(false);
    expect(isChange(a!.strong, c!.strong, 10)).toBe(true);
  });
});

describe('pickSample', () => {
  it('picks the sampled frame nearest the middle of the stable run', () => {
    expect(pickSample({ start: 10, end: 40 }, 10, 40, 5)).toBe(25);
    expect(pickSample({ start: 11, end: 13 }, 11, 13, 5)).toBe(-1);
    expect(pickSample({ start: 11, end: 13 }, 9, 13, 5)).toBe(10);
  });
});
