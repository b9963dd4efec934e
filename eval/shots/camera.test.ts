import { describe, expect, it } from 'vitest';
import type { MotionTrack } from '../../src/pipeline/motion/tracker.js';
import { scoreCamera } from './camera.js';

/** A track sampled every 4 frames at 25 fps whose content moves `dx` pixels per sample. */
function track(frames: number, dx: (frame: number) => number): MotionTrack {
  const t: MotionTrack = { frames: [], samples: [], step: 4, width: 100, height: 100 };
  for (let f = 4; f < frames; f += 4) {
    t.frames.push(f);
    t.samples.push({ dx: dx(f), dy: 0, zoom: 0, residual: 0.2, blocks: 16 });
  }
  return t;
}

describe('scoreCamera', () => {
  it('classifies each truth span on its own and accepts any listed label', () => {
    const pts = Float64Array.from({ length: 200 }, (_, i) => i / 25);
    // Still for 100 frames, then content sliding left (the camera pans right).
    const rows = scoreCamera(
      [
        { start: 0, end: 99, movement: ['static'] },
        { start: 100, end: 199, movement: ['pan_left', 'handheld'] },
        { start: 100, end: 199, movement: ['pan_right'] },
      ],
      track(200, (f) => (f > 100 ? -3 : 0)),
      pts,
    );
    expect(rows.map((r) => [r.ours, r.ok])).toEqual([
      ['static', true],
      ['pan_right', false],
      ['pan_right', true],
    ]);
  });
});
