import { describe, expect, it } from 'vitest';
import { laplacianVariance, meshBox, mouthOpenness, normaliseEmbedding } from './measure.js';

const meshWithMouth = (gap: number): number[][] => {
  const mesh = Array.from({ length: 468 }, () => [50, 50, 0]);
  mesh[0] = [10, 20, 0];
  mesh[1] = [90, 120, 0];
  mesh[78] = [30, 100, 0];
  mesh[308] = [70, 100, 0];
  mesh[13] = [50, 100 - gap / 2, 0];
  mesh[14] = [50, 100 + gap / 2, 0];
  return mesh;
};

describe('face measurements', () => {
  it('boxes the mesh tightly', () => {
    expect(meshBox(meshWithMouth(0))).toEqual([10, 20, 80, 100]);
    expect(meshBox([])).toBeNull();
  });
  it('measures mouth opening relative to mouth width', () => {
    expect(mouthOpenness(meshWithMouth(0))).toBe(0);
    expect(mouthOpenness(meshWithMouth(20))).toBeCloseTo(0.5);
    expect(mouthOpenness([[0, 0]])).toBeNull();
  });
  it('finds a sharp checkerboard sharper than a flat patch', () => {
    const w = 40;
    const h = 40;
    const flat = new Uint8Array(w * h * 3).fill(128);
    const checker = new Uint8Array(w * h * 3);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) checker.fill((x + y) % 2 ? 255 : 0, (y * w + x) * 3, (y * w + x) * 3 + 3);
    expect(laplacianVariance(flat, w, h, [0, 0, w, h])).toBe(0);
    expect(laplacianVariance(checker, w, h, [0, 0, w, h])).toBeGreaterThan(1000);
  });
  it('normalises embeddings to unit length', () => {
    const e = normaliseEmbedding([3, 4]);
    expect(e).toEqual([0.6, 0.8]);
  });
});
