import { describe, expect, it } from 'vitest';
import { planEpisode, planShot } from './sample.js';

describe('planShot', () => {
  it('samples inside the shot, away from its edges, about every 0.4 s', () => {
    const p = planShot({ index: 1, start: 10, end: 14 });
    expect(p.times[0]).toBeGreaterThan(10);
    expect(p.times.at(-1)).toBeLessThan(14);
    expect(p.times.length).toBeGreaterThanOrEqual(9);
    expect(p.times.length).toBeLessThanOrEqual(11);
    for (let i = 1; i < p.times.length; i++) expect(p.times[i]! - p.times[i - 1]!).toBeGreaterThan(0.3);
  });
  it('embeds on a few spread frames, always at least one', () => {
    const long = planShot({ index: 1, start: 0, end: 8 });
    expect(long.embedAt.length).toBeGreaterThanOrEqual(4);
    expect(long.embedAt[0]).toBe(0);
    expect(long.embedAt.at(-1)).toBe(long.times.length - 1);
    const short = planShot({ index: 2, start: 3, end: 3.3 });
    expect(short.times).toEqual([3.03, 3.15, 3.27]);
    expect(short.embedAt).toEqual([0, 1, 2]);
    const blink = planShot({ index: 2, start: 3, end: 3.05 });
    expect(blink.times).toEqual([3.025]);
    expect(blink.embedAt).toEqual([0]);
  });
  it('returns nothing for an empty shot and keeps shot order', () => {
    expect(planShot({ index: 3, start: 5, end: 5 }).times).toEqual([]);
    expect(
      planEpisode([
        { index: 1, start: 0, end: 1 },
        { index: 2, start: 1, end: 2 },
      ]).map((p) => p.shot),
    ).toEqual([1, 2]);
  });
});
