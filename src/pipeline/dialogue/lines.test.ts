import { describe, expect, it } from 'vitest';
import { cuesToLines } from './lines.js';

describe('cuesToLines', () => {
  const cues = [
    { start: 0.4, end: 1.6, lines: [{ text: '你们接着善后', language: 'zh' }], confidence: 0.99 },
    {
      start: 2,
      end: 4.0004,
      lines: [
        { text: '今天的会议改到下午三点钟', language: 'zh' },
        { text: 'The meeting moved to 3 pm.', language: 'en' },
      ],
      confidence: 0.97,
    },
    {
      start: 4.4,
      end: 5.6,
      lines: [{ text: 'I will never forgive you.', language: 'en' }],
      confidence: 0.95,
    },
  ];
  it('numbers lines, keeps the episode language as text and the other as a translation', () => {
    const lines = cuesToLines(cues, 'zh', 'subtitle_ocr');
    expect(lines.map((l) => l.id)).toEqual([1, 2, 3]);
    expect(lines[1]).toEqual({
      id: 2,
      start: 2,
      end: 4,
      text: '今天的会议改到下午三点钟',
      language: 'zh',
      speaker: null,
      source: 'subtitle_ocr',
      confidence: 0.97,
      translations: [{ language: 'en', text: 'The meeting moved to 3 pm.' }],
    });
    expect(lines[2]).toMatchObject({ text: 'I will never forgive you.', language: 'en' });
    expect(lines[2]!.translations).toBeUndefined();
  });
  it('makes English primary for an English episode', () => {
    expect(cuesToLines(cues, 'en', 'subtitle_track')[1]).toMatchObject({
      text: 'The meeting moved to 3 pm.',
      translations: [{ language: 'zh' }],
    });
  });
  it('matches a task language with a region (zh-CN) to the Chinese line', () => {
    expect(cuesToLines(cues, 'zh-CN', 'subtitle_ocr')[1]).toMatchObject({
      text: '今天的会议改到下午三点钟',
      language: 'zh',
      translations: [{ language: 'en', text: 'The meeting moved to 3 pm.' }],
    });
    expect(cuesToLines(cues, 'en-US', 'subtitle_ocr')[1]).toMatchObject({ language: 'en' });
  });
});
