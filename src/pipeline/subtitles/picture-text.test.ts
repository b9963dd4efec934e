import { describe, expect, it } from 'vitest';
import { besideSubtitle, mergeOnscreen, separatePictureText, splitReading } from './picture-text.js';
import type { Box, Cue, OcrLine } from './types.js';

const cue = (start: number, end: number, text: string, confidence = 0.9): Cue => ({
  start,
  end,
  lines: [{ text, language: 'zh' }],
  confidence,
});

describe('separatePictureText', () => {
  it('takes a credit that shows in every pause between subtitles out of the dialogue', () => {
    const cues = [
      cue(0, 0.2, 'Brandon Castellano'),
      cue(0.2, 2.4, '山里的雾散了'),
      cue(2.4, 2.6, 'andon Castellano'),
      cue(2.6, 5, '你确定他会在那里等我们'),
      cue(5, 5.2, 'Brandon Castellano'),
      cue(5.2, 7.7, '他答应过我的'),
      cue(7.7, 8, 'Brandon Castellan'),
    ];
    const { dialogue, picture } = separatePictureText(cues, 8, 25);
    expect(dialogue.map((c) => c.lines[0]!.text)).toEqual([
      '山里的雾散了',
      '你确定他会在那里等我们',
      '他答应过我的',
    ]);
    expect(picture).toEqual([{ start: 0, end: 8, text: 'Brandon Castellano' }]);
  });
  it('keeps a line said again and again when it does not fill every pause', () => {
    const cues = [
      cue(0, 1, '妈！'),
      cue(1, 2, '你去哪儿了'),
      cue(3, 4, '妈！'),
      cue(4, 5, '我在这里'),
      cue(6, 7, '快回来'),
      cue(8, 9, '妈！'),
      cue(9, 10, '听见了'),
    ];
    expect(separatePictureText(cues, 10, 25).dialogue).toHaveLength(7);
  });
  it('moves a caption on screen for most of a long video to the picture text', () => {
    const { dialogue, picture } = separatePictureText(
      [cue(0, 50, '本故事纯属虚构'), cue(10, 12, '走吧')],
      60,
      25,
    );
    expect(dialogue.map((c) => c.lines[0]!.text)).toEqual(['走吧']);
    expect(picture.map((p) => p.text)).toEqual(['本故事纯属虚构']);
  });
});

describe('besideSubtitle', () => {
  const line = (text: string, box: Box): OcrLine => ({ text, mean: 0.9, box });

  it('takes a menu beside the subtitle and a sign above it for picture text', () => {
    // A crop from x = 300 of a 1280-wide frame; the subtitle is centred on x = 640.
    const subtitle = line('我一直在等你回来', [140, 180, 540, 220]);
    const menu = line('PREFS', [660, 190, 750, 215]);
    const sign = line("Spike's Sert", [460, 10, 610, 30]);
    const aside = besideSubtitle([subtitle, menu, sign], 300, 1280);
    expect([...aside].map((l) => l.text).sort()).toEqual(['PREFS', "Spike's Sert"]);
  });

  it('keeps a subtitle read in pieces, and a centred translation under it', () => {
    const left = line('可是你，', [100, 100, 240, 140]);
    const right = line('从来没有回头', [280, 100, 540, 140]);
    const english = line('But you never looked back.', [160, 150, 480, 180]);
    expect(besideSubtitle([left, right, english], 0, 640).size).toBe(0);
  });
});

describe('splitReading', () => {
  const line = (text: string, box: Box): OcrLine => ({ text, mean: 0.9, box });

  it('sets text beside a subtitle aside, and flags a reading wholly off the axis', () => {
    const subtitle = line('我一直在等你回来', [140, 180, 540, 220]);
    const sign = line('SALE', [20, 10, 90, 30]);
    expect(splitReading([subtitle, sign], 300, 1280)).toEqual({
      own: [subtitle],
      aside: [sign],
      offAxis: false,
    });
    // What a karaoke sweep left of a line, right of the axis: kept whole, flagged.
    const remnant = line('来没有回头', [660, 180, 900, 220]);
    expect(splitReading([remnant], 0, 1280)).toEqual({ own: [remnant], aside: [], offAxis: true });
    expect(splitReading([], 0, 1280)).toEqual({ own: [], aside: [], offAxis: false });
  });
});

describe('mergeOnscreen', () => {
  it('joins readings of one text across segments and keeps other texts apart', () => {
    expect(
      mergeOnscreen(
        [
          { start: 0, end: 2, text: 'PREFS' },
          { start: 4, end: 5, text: 'EXIT' },
          { start: 2.04, end: 3, text: 'PREFS' },
        ],
        0.12,
      ),
    ).toEqual([
      { start: 0, end: 3, text: 'PREFS' },
      { start: 4, end: 5, text: 'EXIT' },
    ]);
  });
});
