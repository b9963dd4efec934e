import { describe, expect, it } from 'vitest';
import { scoreBoundaries } from './score.js';

describe('scoreBoundaries', () => {
  it('matches cuts within one frame, one to one', () => {
    const s = scoreBoundaries({ cuts: [10, 50], gradual: [] }, [
      { start: 11, end: 11 },
      { start: 12, end: 12 },
      { start: 52, end: 52 },
    ]);
    expect(s).toMatchObject({ truth: 2, predicted: 3, matched: 1 });
    expect(s.f1).toBeCloseTo(0.4);
  });
  it('matches gradual transitions by overlap, including a cut inside one', () => {
    const s = scoreBoundaries({ cuts: [], gradual: [{ kind: 'fade', start: 100, end: 120 }] }, [
      { start: 110, end: 110 },
    ]);
    expect(s.f1).toBe(1);
  });
  it('scores an empty truth with no predictions as perfect and any prediction as a miss', () => {
    expect(scoreBoundaries({ cuts: [], gradual: [] }, []).f1).toBe(1);
    expect(scoreBoundaries({ cuts: [], gradual: [] }, [{ start: 3, end: 3 }]).f1).toBe(0);
  });
});
