import { describe, expect, it } from 'vitest';
import { CENTROID_Y, chipGeometry, cutChip, EYE_MOUTH_SHARE } from './align.js';

/** A 468-point mesh with only the six landmarks the chip uses set (others at the origin). */
function mesh(le: [number, number], re: [number, number], mouth: [number, number]): number[][] {
  const m = Array.from({ length: 468 }, () => [0, 0, 0]);
  const put = (i: number, p: [number, number], dx: number): void => void (m[i] = [p[0] + dx, p[1], 0]);
  put(33, le, -5);
  put(133, le, 5);
  put(362, re, -5);
  put(263, re, 5);
  put(61, mouth, -12);
  put(291, mouth, 12);
  return m;
}

const rotate = (p: [number, number], deg: number, o: [number, number]): [number, number] => {
  const a = (deg * Math.PI) / 180;
  const [x, y] = [p[0] - o[0], p[1] - o[1]];
  return [o[0] + x * Math.cos(a) - y * Math.sin(a), o[1] + x * Math.sin(a) + y * Math.cos(a)];
};

describe('chipGeometry', () => {
  it('centres on the eyes and mouth and scales from the eye-to-mouth distance', () => {
    const g = chipGeometry(mesh([100, 100], [140, 100], [120, 140]))!;
    expect(g.cx).toBeCloseTo(120);
    expect(g.cy).toBeCloseTo(340 / 3);
    expect(g.side).toBeCloseTo(Math.hypot(20, 40) / EYE_MOUTH_SHARE);
    expect([g.ux, g.uy]).toEqual([1, 0]);
  });

  it('follows a tilted head and keeps the scale', () => {
    const o: [number, number] = [120, 120];
    const g = chipGeometry(
      mesh(rotate([100, 100], 30, o), rotate([140, 100], 30, o), rotate([120, 140], 30, o)),
    )!;
    expect(g.ux).toBeCloseTo(Math.cos(Math.PI / 6));
    expect(g.uy).toBeCloseTo(Math.sin(Math.PI / 6));
    expect(g.side).toBeCloseTo(Math.hypot(20, 40) / EYE_MOUTH_SHARE);
  });

  it('gives up without a mesh or with collapsed landmarks', () => {
    expect(chipGeometry([])).toBeNull();
    expect(chipGeometry(mesh([100, 100], [100, 100], [100, 100]))).toBeNull();
  });
});

describe('cutChip', () => {
  // Red = x, green = y: every sampled value tells where in the frame it came from.
  const W = 200;
  const H = 200;
  const frame = new Uint8Array(W * H * 3);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      frame[(y * W + x) * 3] = x;
      frame[(y * W + x) * 3 + 1] = y;
    }

  it('cuts an upright square at one frame pixel per chip pixel', () => {
    const chip = cutChip(frame, W, H, { cx: 100, cy: 100, side: 40, ux: 1, uy: 0 }, 40);
    const at = (u: number, v: number): [number, number] => [
      chip[(v * 40 + u) * 3]!,
      chip[(v * 40 + u) * 3 + 1]!,
    ];
    const top = 100 - CENTROID_Y * 40;
    expect(at(0, 0)[0]).toBeCloseTo(80);
    expect(at(0, 0)[1]).toBeCloseTo(top);
    expect(at(39, 20)[0]).toBeCloseTo(119);
    expect(at(39, 20)[1]).toBeCloseTo(top + 20);
  });

  it('rotates with the eye line: along the chip row the frame y grows for a 90-degree tilt', () => {
    const chip = cutChip(frame, W, H, { cx: 100, cy: 100, side: 20, ux: 0, uy: 1 }, 20);
    const row = Array.from({ length: 20 }, (_, u) => chip[(10 * 20 + u) * 3 + 1]!);
    for (let u = 1; u < 20; u++) expect(row[u]! - row[u - 1]!).toBeCloseTo(1);
  });

  it('pads outside the frame with black', () => {
    const chip = cutChip(frame, W, H, { cx: 2, cy: 2, side: 40, ux: 1, uy: 0 }, 40);
    expect(chip[0]).toBe(0);
    expect(chip[1]).toBe(0);
  });
});
