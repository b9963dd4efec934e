import { describe, expect, it } from 'vitest';
import { hold, renderFrame, type FrameSpec } from '../shots/synthetic.test-helpers.js';
import { classifyMovement } from './classify.js';
import { estimateMotion } from './estimate.js';
import { MotionTracker } from './tracker.js';

const W = 128;
const H = 72;
const luma = (spec: FrameSpec) => renderFrame(spec, { width: W, height: H }).subarray(0, W * H);

function movementOf(frames: FrameSpec[], fps = 25): string | null {
  const tracker = new MotionTracker(W, H, 3);
  frames.forEach((f, n) => tracker.push(n, luma(f)));
  const track = tracker.finish();
  return classifyMovement({ samples: track.samples, seconds: frames.length / fps, width: W, height: H });
}

describe('estimateMotion', () => {
  it('measures content displacement with sub-pixel precision', () => {
    // Sampling the texture 2.5 px further right moves the content 2.5 px left.
    const m = estimateMotion(luma({ scene: 3 }), luma({ scene: 3, dx: 2.5, dy: -1 }), W, H);
    expect(m.dx).toBeCloseTo(-2.5, 0);
    expect(m.dy).toBeCloseTo(1, 0);
    expect(Math.abs(m.zoom)).toBeLessThan(0.01);
  });
  it('measures a zoom about the centre', () => {
    const m = estimateMotion(luma({ scene: 3 }), luma({ scene: 3, zoom: 1.05 }), W, H);
    expect(m.zoom).toBeGreaterThan(0.03);
    expect(Math.abs(m.dx)).toBeLessThan(0.5);
  });
});

describe('classifyMovement', () => {
  it('tells static, pans, tilts and zooms apart with camera directions', () => {
    expect(movementOf(hold(50, { scene: 1 }))).toBe('static');
    expect(movementOf(hold(50, { scene: 1 }, (i) => ({ dx: i * 0.6 })))).toBe('pan_right');
    expect(movementOf(hold(50, { scene: 2 }, (i) => ({ dx: -i * 0.6 })))).toBe('pan_left');
    expect(movementOf(hold(50, { scene: 4 }, (i) => ({ dy: -i * 0.4 })))).toBe('tilt_up');
    expect(movementOf(hold(50, { scene: 4 }, (i) => ({ dy: i * 0.4 })))).toBe('tilt_down');
    expect(movementOf(hold(50, { scene: 5 }, (i) => ({ zoom: 1 + i * 0.004 })))).toBe('zoom_in');
    expect(movementOf(hold(50, { scene: 5 }, (i) => ({ zoom: 1.2 - i * 0.004 })))).toBe('zoom_out');
  });
  it('calls irregular shake handheld', () => {
    const shake = hold(50, { scene: 6 }, (i) => ({ dx: 3 * Math.sin(i * 2.3), dy: 2 * Math.cos(i * 1.9) }));
    expect(movementOf(shake)).toBe('handheld');
  });
  it('returns null without any measurable sample', () => {
    expect(classifyMovement({ samples: [], seconds: 1, width: W, height: H })).toBeNull();
  });
});
