import { describe, expect, it } from 'vitest';
import { chunkSpans, speechSegments, uncovered } from './vad.js';

/** Probabilities at 0.032 s per window: 1 inside the given second ranges, 0 outside. */
function probs(total: number, speech: Array<[number, number]>): Float32Array {
  const n = Math.round(total / 0.032);
  return Float32Array.from({ length: n }, (_, i) =>
    speech.some(([a, b]) => i * 0.032 >= a && i * 0.032 < b) ? 0.9 : 0.05,
  );
}

describe('speechSegments', () => {
  it('finds speech with padding', () => {
    const segs = speechSegments(
      probs(10, [
        [1, 3],
        [5, 6.5],
      ]),
      { window: 0.032 },
    );
    expect(segs).toHaveLength(2);
    expect(segs[0]!.start).toBeCloseTo(0.98, 1);
    expect(segs[0]!.end).toBeCloseTo(3.03, 1);
    expect(segs[1]!.start).toBeCloseTo(4.98, 1);
  });
  it('bridges short pauses and drops blips', () => {
    const segs = speechSegments(
      probs(6, [
        [1, 2],
        [2.05, 3],
        [4, 4.1],
      ]),
      { window: 0.032 },
    );
    expect(segs).toHaveLength(1);
    expect(segs[0]!.end).toBeCloseTo(3.03, 1);
  });
  it('closes speech that runs to the end', () => {
    const segs = speechSegments(probs(3, [[2, 3]]), { window: 0.032 });
    expect(segs[0]!.end).toBeCloseTo(94 * 0.032, 3);
  });
});

describe('uncovered', () => {
  it('returns speech that no line covers', () => {
    const speech = [
      { start: 1, end: 3 },
      { start: 5, end: 9 },
    ];
    const lines = [
      { start: 0.9, end: 3.1 },
      { start: 5, end: 6 },
    ];
    expect(uncovered(speech, lines, 0.2, 0.5)).toEqual([{ start: 6.2, end: 9 }]);
    expect(uncovered(speech, [], 0, 0.5)).toEqual(speech);
  });
});

describe('chunkSpans', () => {
  it('groups nearby speech up to the limit and splits long speech', () => {
    expect(
      chunkSpans(
        [
          { start: 0, end: 5 },
          { start: 5.5, end: 9 },
          { start: 20, end: 85 },
        ],
        30,
      ),
    ).toEqual([
      { start: 0, end: 9 },
      { start: 20, end: 50 },
      { start: 50, end: 80 },
      { start: 80, end: 85 },
    ]);
  });
});
