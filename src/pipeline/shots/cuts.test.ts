import { describe, expect, it } from 'vitest';
import { detectCuts, ownChange } from './cuts.js';
import { GAPS, MID_GAPS, type ShotSignal } from './signal.js';

/**
 * A synthetic difference signal from a one-dimensional model of the content: every frame has a
 * shot number and a position along the shot's own change (a pan advancing, a drawing moving).
 * Two frames of one shot are as far apart as their positions (the structure distance saturates
 * near 0.9); frames of different shots are `unrelated` apart.
 */
function modelSignal(frames: Array<{ shot: number; pos: number }>, unrelated: number): ShotSignal {
  const n = frames.length;
  const dist = (a: number, b: number): number => {
    const fa = frames[a]!;
    const fb = frames[b]!;
    return fa.shot === fb.shot ? Math.min(0.9, Math.abs(fb.pos - fa.pos)) : unrelated;
  };
  const zeros = (): Float32Array => new Float32Array(n);
  return {
    frameCount: n,
    structure: GAPS.map((g) => Float32Array.from({ length: n }, (_, j) => (j >= g ? dist(j - g, j) : 0))),
    histogram: zeros(),
    mean: zeros().fill(100),
    std: zeros().fill(30),
    step: zeros(),
    align: zeros(),
    span: zeros(),
    midpoint: MID_GAPS.map(() => zeros().fill(1)),
  };
}

/** `count` frames of shot `shot` advancing `rate` per frame, with optional extra jumps at given offsets. */
function shot(shot: number, count: number, rate: number, jumps: Record<number, number> = {}) {
  let pos = 0;
  return Array.from({ length: count }, (_, i) => {
    pos += rate + (jumps[i] ?? 0);
    return { shot, pos };
  });
}

describe('detectCuts on a modelled signal', () => {
  it('ignores a layer jump inside a fast pan (the shot changes as much by itself in a few frames)', () => {
    // popeye_T03-4 frame 1086: one-frame change 0.06 along a multiplane pan, 0.38 over 8 frames,
    // and a background layer jumping 0.38 in one frame.
    const frames = shot(1, 120, 0.055, { 60: 0.33 });
    const s = modelSignal(frames, 0.7);
    expect(ownChange(s, 60)).toBeGreaterThan(0.35);
    expect(detectCuts(s)).toEqual([]);
  });

  it('still cuts on the same jump when the shot around it is calm', () => {
    const frames = shot(1, 120, 0.004, { 60: 0.38 });
    expect(detectCuts(modelSignal(frames, 0.7))).toEqual([60]);
  });

  it('cuts between two fast shots when the pictures are unrelated', () => {
    const frames = [...shot(1, 60, 0.055), ...shot(2, 60, 0.055)];
    expect(detectCuts(modelSignal(frames, 0.6))).toEqual([60]);
  });

  it('cuts from a calm shot into a fast one on a partly related picture', () => {
    const frames = [...shot(1, 60, 0.004), ...shot(2, 60, 0.055)];
    expect(detectCuts(modelSignal(frames, 0.35))).toEqual([60]);
  });
});
