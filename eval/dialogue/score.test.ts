import { describe, expect, it } from 'vitest';
import { cer, duplicates, matchCues, parseRttm, speechOverlap, unionSpans } from './score.js';

describe('eval:dialogue scoring', () => {
  it('computes CER without punctuation and spaces', () => {
    expect(cer('这句话当时也是红遍网络', '这句话当时也是红遍网络！')).toBe(0);
    expect(cer('这包话', '这句话')).toBeCloseTo(1 / 3);
    expect(cer('', 'abc')).toBe(1);
  });
  it('matches cues by overlap and measures boundaries', () => {
    const m = matchCues(
      [
        { start: 0.04, end: 1.0, text: 'a' },
        { start: 1.0, end: 2, text: 'b' },
      ],
      [{ start: 0, end: 0.96, text: 'a' }],
    );
    expect(m[0]!.hyp?.text).toBe('a');
    expect(m[0]!.dStart).toBeCloseTo(0.04);
    expect(m[0]!.dEnd).toBeCloseTo(0.04);
  });
  it('counts repeated consecutive lines', () => {
    expect(
      duplicates([
        { start: 0, end: 1, text: '你好' },
        { start: 1, end: 2, text: '你好' },
        { start: 2, end: 3, text: '再见' },
      ]),
    ).toBe(1);
  });
  it('scores speech overlap and reads RTTM', () => {
    const ref = unionSpans(
      parseRttm('SPEAKER f 1 1.0 2.0 <NA> <NA> a <NA> <NA>\nSPEAKER f 1 2.5 1.0 <NA> <NA> b <NA> <NA>', 'f'),
    );
    expect(ref).toEqual([{ start: 1, end: 3.5 }]);
    const s = speechOverlap(
      [
        { start: 1, end: 2.5 },
        { start: 4, end: 4.5 },
      ],
      ref,
      5,
    );
    expect(s.recall).toBeCloseTo(0.6, 1);
    expect(s.precision).toBeCloseTo(0.75, 1);
  });
});
