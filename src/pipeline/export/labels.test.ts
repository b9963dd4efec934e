import { describe, expect, it } from 'vitest';
import { header, langOf, movementLabel, shotSizeLabel, WORDS } from './labels.js';
import { textWidth, wrappedLines } from './rows.js';

describe('labels', () => {
  it('writes Chinese for every zh variant and English otherwise', () => {
    expect(['zh', 'zh-CN', 'ZH-hant', 'en', 'ja', ''].map(langOf)).toEqual([
      'zh',
      'zh',
      'zh',
      'en',
      'en',
      'en',
    ]);
    expect(header('zh', 'timecode')).toBe('时间码');
    expect(shotSizeLabel('zh', 'medium_close_up')).toBe('近景');
    expect(movementLabel('en', 'tilt_down')).toBe('Tilt down');
    expect(shotSizeLabel('zh', null)).toBe('');
  });

  it('names numbered episodes and keeps named ones as they are', () => {
    expect(WORDS.zh.episode('3')).toBe('第3集');
    expect(WORDS.en.episode('3')).toBe('Episode 3');
    expect(WORDS.zh.episode('EP01')).toBe('EP01');
  });
});

describe('text measure', () => {
  it('counts CJK as double width when wrapping', () => {
    expect(textWidth('林婉: hi')).toBe(8);
    expect(wrappedLines('一二三四五六七八九十', 11)).toBe(2);
    expect(wrappedLines('a\n\nb', 10)).toBe(3);
  });
});
