import { describe, expect, it } from 'vitest';
import type { SavedCandidate } from './pool.js';
import { chooseKeyframes } from './select.js';

const cand = (frame: number, sharpness: number, contrast = 40): SavedCandidate => ({
  frame,
  sharpness,
  contrast,
  file: `${frame}.jpg`,
});

describe('chooseKeyframes', () => {
  it('prefers a sharp frame near the middle of the shot', () => {
    const c = [cand(2, 100), cand(20, 80), cand(28, 30), cand(45, 95)];
    expect(chooseKeyframes([{ startFrame: 0, endFrame: 50, avoid: [] }], c)).toEqual([1]);
  });
  it('skips transition frames and blank frames while it has a choice', () => {
    const c = [cand(10, 200), cand(24, 10, 2), cand(40, 50)];
    expect(chooseKeyframes([{ startFrame: 0, endFrame: 50, avoid: [[0, 15]] }], c)).toEqual([2]);
  });
  it('returns null for a shot without candidates', () => {
    expect(chooseKeyframes([{ startFrame: 60, endFrame: 62, avoid: [] }], [cand(10, 1)])).toEqual([null]);
  });
});
