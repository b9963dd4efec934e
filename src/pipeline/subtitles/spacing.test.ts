import { describe, expect, it } from 'vitest';
import { combineReadings, ctcDecode, insertSpaces, wordGaps } from './spacing.js';

/**
 * A text line drawn as outlined glyph bars: each word is a list of glyph widths, glyphs 3 px
 * apart, words `space` px apart; white fill, black 2 px outline, on a gray background.
 */
function line(
  words: number[][],
  space: number,
  italic = 0,
): { gray: Uint8Array; width: number; height: number } {
  const height = 30;
  const width = 400;
  const gray = new Uint8Array(width * height).fill(90);
  let x = 20;
  const glyph = (x0: number, w: number): void => {
    for (let y = 5; y < 25; y++) {
      const shift = Math.round(-italic * (y - height / 2));
      for (let dx = -2; dx < w + 2; dx++) {
        const xx = x0 + dx + shift;
        const inside = dx >= 0 && dx < w && y >= 7 && y < 23;
        if (xx >= 0 && xx < width) gray[y * width + xx] = inside ? 240 : Math.min(gray[y * width + xx]!, 10);
      }
    }
  };
  words.forEach((w, i) => {
    if (i > 0) x += space;
    w.forEach((g, j) => {
      if (j > 0) x += 3;
      glyph(x, g);
      x += g;
    });
  });
  return { gray, width, height };
}

describe('word-space recovery', () => {
  it('finds the wide gaps between words, not the gaps between letters', () => {
    const { gray, width, height } = line(
      [
        [8, 6, 8],
        [8, 8],
        [6, 8, 8, 6],
      ],
      12,
    );
    const gaps = wordGaps(gray, width, height);
    expect(gaps).toHaveLength(2);
    // The words' fill ends at x=48 and x=79; each word gap is 12 px of empty columns after it.
    expect(gaps.map((g) => (g.from + g.to) / 2)).toEqual([54, 85]);
  });

  it('finds no word gap in a single word, or over a flat bright background', () => {
    const one = line([[8, 6, 8, 6, 8]], 12);
    expect(wordGaps(one.gray, one.width, one.height)).toEqual([]);
    const wall = new Uint8Array(400 * 30).fill(230);
    expect(wordGaps(wall, 400, 30)).toEqual([]);
  });

  it('undoes an italic slant before measuring gaps', () => {
    const { gray, width, height } = line(
      [
        [8, 6, 8],
        [8, 8],
        [6, 8, 8, 6],
      ],
      12,
      0.2,
    );
    expect(wordGaps(gray, width, height)).toHaveLength(2);
  });

  it('puts a space between two characters exactly where a word gap lies between them', () => {
    const chars = [...'Iwantyou'].map((ch, i) => ({
      ch,
      x: 10 + i * 20 + (i >= 1 ? 15 : 0) + (i >= 5 ? 15 : 0),
    }));
    const gaps = [
      { from: 18, to: 36 },
      { from: 112, to: 130 },
    ];
    expect(insertSpaces(chars, gaps)).toBe('I want you');
    // A space the recogniser already gave is kept and not doubled.
    expect(
      insertSpaces(
        [
          { ch: 'a', x: 0 },
          { ch: ' ', x: 20 },
          { ch: 'b', x: 40 },
        ],
        [{ from: 15, to: 25 }],
      ),
    ).toBe('a b');
    expect(insertSpaces(chars, [])).toBe('Iwantyou');
  });

  it("takes no gap narrower than the line's own word spaces for one (small or slanted text)", () => {
    // "It's two": the recogniser spaced "It's two" itself (a 6-column gap); the 4-column gap
    // between "w" and "o" passes the share of the ink's height but is a letter gap ("tw o").
    const chars = [
      { ch: 'I', x: 2 },
      { ch: 't', x: 8 },
      { ch: "'", x: 13 },
      { ch: 's', x: 18 },
      { ch: ' ', x: 24 },
      { ch: 't', x: 30 },
      { ch: 'w', x: 38 },
      { ch: 'o', x: 47 },
    ];
    const gaps = [
      { from: 21, to: 27 },
      { from: 41, to: 45 },
    ];
    expect(insertSpaces(chars, gaps)).toBe("It's two");
    // Without a space of the recogniser's to measure by, the gap counts as before.
    expect(
      insertSpaces(
        chars.filter((c) => c.ch !== ' '),
        gaps,
      ),
    ).toBe("It's tw o");
    // A gap about as wide as the known space is a space.
    expect(insertSpaces(chars, [gaps[0]!, { from: 40, to: 45 }])).toBe("It's tw o");
  });

  it('keeps punctuation and a word-initial capital with their word across a wide gap', () => {
    // Characters 10 columns apart, a gap after every one: only real word breaks take it.
    const at = (text: string): Array<{ ch: string; x: number }> =>
      [...text].map((ch, i) => ({ ch, x: i * 10 }));
    const everywhere = (n: number): Array<{ from: number; to: number }> =>
      Array.from({ length: n }, (_, i) => ({ from: i * 10 + 3, to: i * 10 + 7 }));
    expect(insertSpaces(at("Who's"), everywhere(5))).toBe("Wh o's");
    expect(insertSpaces(at('That'), everywhere(4))).toBe('Th a t');
    expect(insertSpaces(at('you?'), everywhere(4))).toBe('y o u?');
    expect(insertSpaces(at('[no'), everywhere(3))).toBe('[n o');
    // "I" and "A" are words: a gap after them is a space.
    expect(insertSpaces(at('Ido'), everywhere(3))).toBe('I d o');
    expect(insertSpaces(at('Ago'), everywhere(3))).toBe('A g o');
  });

  it('decodes CTC output greedily and keeps the step of each character', () => {
    // Classes: 0 blank, 1 'a', 2 'b', 3 ' '. Steps: a a _ b _ _ a
    const best = [1, 1, 0, 2, 0, 0, 1];
    const probs = new Float32Array(best.length * 4);
    best.forEach((c, s) => {
      for (let k = 0; k < 4; k++) probs[s * 4 + k] = k === c ? 0.9 : 0.03;
    });
    const { chars, mean } = ctcDecode(probs, best.length, 4, ['a', 'b', ' ']);
    expect(chars).toEqual([
      { ch: 'a', step: 0 },
      { ch: 'b', step: 3 },
      { ch: 'a', step: 6 },
    ]);
    expect(mean).toBeCloseTo(0.9);
  });

  it("keeps the first reading's letters and takes the second's word spaces", () => {
    expect(combineReadings("I'm Sinbad thesailor", "T'm Sinbad the sailor")).toBe("I'm Sinbad the sailor");
    expect(combineReadings('Theyallfall forme', 'I hey all fall for me')).toBe('They all fall for me');
    // A first letter the detector clipped comes back whole from the wider crop.
    expect(combineReadings(' wantyou to stay', 'I want you to stay')).toBe('I want you to stay');
    expect(combineReadings('Nobody is', 'Nobody is')).toBe('Nobody is');
  });
});
