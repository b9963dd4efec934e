import { describe, expect, it } from 'vitest';
import { shotSizeFor, shotSizeFromFaces, sizeForRatio } from './index.js';

const face = (h: number) => ({ box: [10, 10, h * 0.8, h] as [number, number, number, number] });

describe('shot size thresholds', () => {
  it('maps face-height ratios to sizes at the boundaries', () => {
    expect(sizeForRatio(0.7)).toBe('extreme_close_up');
    expect(sizeForRatio(0.5)).toBe('extreme_close_up');
    expect(sizeForRatio(0.499)).toBe('close_up');
    expect(sizeForRatio(0.28)).toBe('close_up');
    expect(sizeForRatio(0.2)).toBe('medium_close_up');
    expect(sizeForRatio(0.16)).toBe('medium_close_up');
    expect(sizeForRatio(0.12)).toBe('medium');
    expect(sizeForRatio(0.09)).toBe('medium');
    expect(sizeForRatio(0.05)).toBe('full');
    expect(sizeForRatio(0.02)).toBe('wide');
  });
  it('uses the largest face per frame and the median over frames', () => {
    const frames = [{ faces: [face(40), face(300)] }, { faces: [face(320)] }, { faces: [face(20)] }];
    const r = shotSizeFor(frames, 1000);
    expect(r.ratio).toBe(0.3);
    expect(r.size).toBe('close_up');
  });
  it('returns null with a reason when nobody is visible or faces are fleeting', () => {
    expect(shotSizeFor([{ faces: [] }, { faces: [] }], 720)).toMatchObject({
      size: null,
      reason: 'nobody visible',
    });
    expect(shotSizeFor([], 720).size).toBeNull();
    const fleeting = [{ faces: [face(200)] }, ...Array.from({ length: 7 }, () => ({ faces: [] }))];
    expect(shotSizeFor(fleeting, 720).size).toBeNull();
  });
  it('sizes a shot from the face stage output', () => {
    const shot = {
      frames: [1, 1.4],
      faces: [
        { time: 1, box: [0, 0, 50, 60] as [number, number, number, number] },
        { time: 1.4, box: [0, 0, 50, 70] as [number, number, number, number] },
      ],
    };
    expect(shotSizeFromFaces(shot, 360)).toMatchObject({ size: 'medium_close_up', ratio: 0.181 });
  });
});
