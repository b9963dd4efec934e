import { describe, expect, it } from 'vitest';
import { detectorSide, inImage } from './detect-box.js';

describe('inImage', () => {
  it('maps boxes from the detector’s stretched picture back to the image', () => {
    expect(detectorSide(360)).toBe(384);
    expect(detectorSide(640)).toBe(640);
    expect(detectorSide(10)).toBe(32);
    // A line at y 70–95 of a 640x136 crop was reported at 82–112 of the 640x160 the detector saw.
    const box = inImage([92, 82, 164, 112], 640, 136);
    expect(box[0]).toBe(92);
    expect(box[2]).toBe(164);
    expect(box[1]).toBeCloseTo(69.7, 1);
    expect(box[3]).toBeCloseTo(95.2, 1);
  });
});
