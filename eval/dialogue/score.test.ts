import { describe, expect, it } from 'vitest';
import { cer, cerSpaced, duplicates, matchCues, parseRttm, speechOverlap, unionSpans } from './score.js';

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
  it('counts a lost word space as one error in the spaced CER', () => {
    expect(cerSpaced('I want you.', 'I want you')).toBe(0);
    expect(cerSpaced('I wantyou', 'I want you')).toBeCloseTo(1 / 10);
    expect(cer('I wantyou', 'I want you')).toBe(0);
  });
  it('matches a track that runs early to the cue with the same text within the slack', () => {
    const hyp = [
      { start: 42.042, end: 43.066, text: 'Let me go!' },
      { start: 43.076, end: 44.077, text: "Nonono! Don't drop me now!" },
    ];
    const ref = [{ start: 42.544, end: 43.844, text: 'Let me go!' }];
    expect(matchCues(hyp, ref)[0]!.hyp?.text).toBe('Let me go!');
    expect(matchCues(hyp, [{ start: 43.5, end: 43.9, text: 'Let me go!' }])[0]!.hyp?.text).toBe(
      "Nonono! Don't drop me now!",
    );
    expect(matchCues(hyp, [{ start: 43.5, end: 43.9, text: 'Let me go!' }], 0.5)[0]!.hyp?.text).toBe(
      'Let me go!',
    );
  });
  it('counts repeated consecutive lines', () => {
    expect(
      duplicates([
        { start: 0, end: 1, text: '你好' },
        { start: 1, end: 2, text: '你好' },
        { start: 2, end: 3, text: '再见' },
        { start: 8, end: 9, text: '再见' },
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
