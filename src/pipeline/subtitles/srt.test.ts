import { describe, expect, it } from 'vitest';
import { parseSrt, srtToCues, stripMarkup } from './srt.js';

const SRT = `1
00:00:12,400 --> 00:00:13,700
[squawk]

2
00:00:31,448 --> 00:00:33,448
<i>Oh! Oh!</i> W-What happened?

3
00:01:02,000 --> 00:01:04,500
{\\an8}今天的会议改到下午三点钟
The meeting moved to 3 pm.
`;

describe('SRT parsing', () => {
  it('parses times, strips markup and keeps lines', () => {
    const cues = parseSrt(SRT);
    expect(cues).toHaveLength(3);
    expect(cues[1]).toEqual({ start: 31.448, end: 33.448, lines: ['Oh! Oh! W-What happened?'] });
    expect(cues[2]!.lines).toEqual(['今天的会议改到下午三点钟', 'The meeting moved to 3 pm.']);
    expect(cues[2]!.start).toBe(62);
  });
  it('tags bilingual track cues per language', () => {
    const [, , c] = srtToCues(parseSrt(SRT), 'zh');
    expect(c!.lines.map((l) => l.language)).toEqual(['zh', 'en']);
  });
  it('handles CRLF, WebVTT-style dots and ASS line breaks', () => {
    expect(parseSrt('1\r\n00:00:01.5 --> 00:00:02.25\r\nhi\r\n')).toEqual([
      { start: 1.5, end: 2.25, lines: ['hi'] },
    ]);
    expect(stripMarkup('{\\b1}one\\Ntwo')).toBe('one\ntwo');
  });
});
