import { describe, expect, it } from 'vitest';
import { editDistance, lineLanguage, normalize, textSimilarity } from './text.js';

describe('text helpers', () => {
  it('normalises away punctuation, spaces and case', () => {
    expect(normalize('你们接着善后，我进去帮他！')).toBe('你们接着善后我进去帮他');
    expect(normalize("It's two, right?")).toBe('itstworight');
  });
  it('measures edit distance by code point', () => {
    expect(editDistance('我们走吧', '我们走吗')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });
  it('treats OCR variants of one subtitle as similar', () => {
    expect(textSimilarity('这句话当时也是红遍网络', '这包话当时也是红遍网络')).toBeGreaterThanOrEqual(0.8);
    expect(textSimilarity('我们走吧', '你好')).toBeLessThan(0.5);
  });
  it('tags languages by script', () => {
    expect(lineLanguage('今天的会议改到下午三点钟', 'zh')).toBe('zh');
    expect(lineLanguage('The meeting moved to 3 pm.', 'zh')).toBe('en');
    expect(lineLanguage('Bonjour à tous', 'fr')).toBe('fr');
    expect(lineLanguage('The meeting moved to 3 pm.', 'zh-CN')).toBe('en');
    expect(lineLanguage('Bonjour à tous', 'fr-CA')).toBe('fr');
    expect(lineLanguage('こんにちは世界', 'auto')).toBe('ja');
    expect(lineLanguage('OK 好的', 'zh')).toBe('zh');
  });
});
