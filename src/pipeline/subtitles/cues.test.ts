import { describe, expect, it } from 'vitest';
import { cueLines, mergeCues, rows } from './cues.js';
import type { Cue, OcrLine } from './types.js';

const l = (text: string, x0: number, y0: number, x1: number, y1: number, mean = 0.98): OcrLine => ({
  text,
  mean,
  box: [x0, y0, x1, y1],
});
const cue = (start: number, end: number, text: string, confidence = 0.9): Cue => ({
  start,
  end,
  lines: [{ text, language: 'zh' }],
  confidence,
});

describe('rows and cueLines', () => {
  it('joins boxes on one row left to right', () => {
    expect(
      rows([l('我进去帮他', 200, 10, 300, 40), l('你们接着善后，', 50, 12, 190, 41)]).map((r) => r.text),
    ).toEqual(['你们接着善后， 我进去帮他']);
  });
  it('splits a bilingual subtitle into tagged lines, top to bottom', () => {
    const r = cueLines([l('One quart or two?', 60, 50, 260, 70), l('一个还是两个？', 80, 10, 240, 45)], 'zh');
    expect(r!.lines).toEqual([
      { text: '一个还是两个？', language: 'zh' },
      { text: 'One quart or two?', language: 'en' },
    ]);
  });
  it('joins a sentence wrapped over two rows of one language', () => {
    const r = cueLines(
      [l('这句话当时也是红遍网络', 40, 10, 300, 40), l('被各种段子模仿', 80, 50, 260, 80)],
      'zh',
    );
    expect(r!.lines).toEqual([{ text: '这句话当时也是红遍网络 被各种段子模仿', language: 'zh' }]);
  });
  it('returns null when nothing readable was found', () => {
    expect(cueLines([l('，。', 0, 0, 10, 10)], 'zh')).toBeNull();
  });
});

describe('mergeCues', () => {
  it('merges two readings of one subtitle split by a cut and keeps the better reading', () => {
    const out = mergeCues(
      [cue(1, 2, '这包话当时也是红遍网络', 0.8), cue(2, 3.5, '这句话当时也是红遍网络', 0.97)],
      0.1,
    );
    expect(out).toEqual([cue(1, 3.5, '这句话当时也是红遍网络', 0.97)]);
  });
  it('prefers the reading that has a character the other skipped, whatever the confidence', () => {
    const out = mergeCues(
      [cue(1, 2, '因为你父亲我们公司', 0.99), cue(2, 3, '因为你父亲欠我们公司', 0.95)],
      0.1,
    );
    expect(out).toEqual([cue(1, 3, '因为你父亲欠我们公司', 0.95)]);
    // Not when the longer one also changes a character: then confidence decides.
    const other = mergeCues(
      [cue(1, 2, '因为你父亲我们公司', 0.99), cue(2, 3, '因为你父亲欠我门公司', 0.95)],
      0.1,
    );
    expect(other[0]!.lines[0]!.text).toBe('因为你父亲我们公司');
    // Nor when the extra letter is at a line's end (a remnant of the picture beside the text).
    const edge = mergeCues([cue(1, 2, 'YAre you sure', 0.95), cue(2, 3, 'Are you sure', 0.97)], 0.1);
    expect(edge[0]!.lines[0]!.text).toBe('Are you sure');
  });
  it('merges what a karaoke sweep leaves of a line into the full reading before it', () => {
    const out = mergeCues([cue(3, 4, '可是你从来没有回头', 0.9), cue(4, 5.4, '，来没有回头', 0.99)], 0.1);
    expect(out).toEqual([cue(3, 5.4, '可是你从来没有回头', 0.9)]);
    // A short tail, or the same words after a real gap, stay lines of their own.
    expect(mergeCues([cue(3, 4, '我爱你', 0.9), cue(4, 5, '爱你', 0.9)], 0.1)).toHaveLength(2);
    expect(mergeCues([cue(3, 4, '可是你从来没有回头'), cue(6, 7, '没有回头')], 0.1)).toHaveLength(2);
  });
  it('keeps the word spaces either reading found in a line both read alike', () => {
    const en = (start: number, end: number, text: string, confidence: number): Cue => ({
      start,
      end,
      lines: [
        { text: '今天的会议改到下午三点钟', language: 'zh' },
        { text, language: 'en' },
      ],
      confidence,
    });
    const out = mergeCues(
      [en(1, 2, 'The meeting moved to 3 pm.', 0.94), en(2, 3, 'Themeetingmoved to 3 pm.', 0.95)],
      0.1,
    );
    expect(out.map((c) => c.lines[1]!.text)).toEqual(['The meeting moved to 3 pm.']);
    // Whichever of the two is the better reading.
    const spacedFirst = mergeCues(
      [en(1, 2, 'Are you sure he willwait?', 0.94), en(2, 3, 'Are you sure he will wait?', 0.95)],
      0.1,
    );
    expect(spacedFirst[0]!.lines[1]!.text).toBe('Are you sure he will wait?');
    const spacedSecond = mergeCues(
      [en(1, 2, 'Are you sure he willwait?', 0.96), en(2, 3, 'Are you sure he will wait?', 0.95)],
      0.1,
    );
    expect(spacedSecond[0]!.lines[1]!.text).toBe('Are you sure he will wait?');
    // Letters read differently: the better reading stays as it is.
    const other = mergeCues(
      [en(1, 2, 'The meeting moved to 3 pm.', 0.94), en(2, 3, 'Themeetingmovedto 3 pm!', 0.95)],
      0.1,
    );
    expect(other[0]!.lines[1]!.text).toBe('Themeetingmovedto 3 pm!');
  });
  it('keeps different subtitles and repeats after a real gap apart', () => {
    const out = mergeCues([cue(0, 1, '你好'), cue(1, 2, '我们走吧'), cue(3, 4, '我们走吧')], 0.12);
    expect(out.map((c) => [c.start, c.end])).toEqual([
      [0, 1],
      [1, 2],
      [3, 4],
    ]);
  });
});
