import { describe, expect, it } from 'vitest';
import { assignTracks, iou, newTracker } from './track.js';

describe('face tracking within a shot', () => {
  it('keeps two side-by-side faces on their own tracks as they drift', () => {
    const tr = newTracker();
    expect(
      assignTracks(
        tr,
        [
          [10, 10, 50, 60],
          [200, 10, 50, 60],
        ],
        0,
      ),
    ).toEqual([0, 1]);
    expect(
      assignTracks(
        tr,
        [
          [215, 12, 50, 60],
          [18, 11, 52, 62],
        ],
        0.4,
      ),
    ).toEqual([1, 0]);
  });
  it('starts a new track for a face far away, of another size, or after a long gap', () => {
    const tr = newTracker();
    assignTracks(tr, [[10, 10, 50, 60]], 0);
    expect(assignTracks(tr, [[10, 10, 150, 180]], 0.4)).toEqual([1]);
    expect(assignTracks(tr, [[10, 10, 150, 180]], 5)).toEqual([2]);
  });
  it('computes intersection over union', () => {
    expect(iou([0, 0, 10, 10], [0, 0, 10, 10])).toBe(1);
    expect(iou([0, 0, 10, 10], [20, 20, 10, 10])).toBe(0);
    expect(iou([0, 0, 10, 10], [5, 0, 10, 10])).toBeCloseTo(1 / 3);
  });
});
