/**
 * Pure word-space recovery for Latin-script OCR lines. The PP-OCR recogniser (trained mostly on
 * Chinese) often drops the space between English words ("Iwantyou"). Two kinds of evidence put
 * them back: where each character sits (the CTC step that emitted it) and where the ink of the
 * text-line crop has a wide empty column run (a word gap). A space goes between two characters
 * exactly when such a gap lies between them.
 */

import { fillThreshold } from './pixels.js';

/** One character from CTC decoding and the output step that emitted it. */
export interface CtcChar {
  ch: string;
  step: number;
}

/**
 * Greedy CTC decoding (argmax per step, repeats collapsed, blank = class 0) that keeps each
 * character's step. `dictionary[c - 1]` is the character of class c.
 */
export function ctcDecode(
  probs: Float32Array,
  steps: number,
  classes: number,
  dictionary: readonly string[],
): { chars: CtcChar[]; mean: number } {
  const chars: CtcChar[] = [];
  let sum = 0;
  let prev = 0;
  for (let s = 0; s < steps; s++) {
    let best = 0;
    let p = -Infinity;
    for (let c = 0; c < classes; c++) {
      const v = probs[s * classes + c]!;
      if (v > p) [best, p] = [c, v];
    }
    if (best !== 0 && best !== prev && dictionary[best - 1] !== undefined) {
      chars.push({ ch: dictionary[best - 1]!, step: s });
      sum += p;
    }
    prev = best;
  }
  return { chars, mean: chars.length ? sum / chars.length : 0 };
}

/** A word gap found between glyph runs: [from, to) in crop columns. */
export interface Gap {
  from: number;
  to: number;
}

/** Ink of the text fill: subtitle letters are the brightest pixels, drawn over a darker edge. */
export function inkMask(gray: Uint8Array, width: number, height: number): Uint8Array {
  const bright = fillThreshold(gray);
  // Reach past half a bold stroke, so stroke middles count as ink, not only their edges.
  const r = Math.max(2, Math.round(height * 0.15));
  const rowMin = new Uint8Array(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      let m = 255;
      for (let dx = Math.max(0, x - r); dx <= Math.min(width - 1, x + r); dx++)
        m = Math.min(m, gray[y * width + dx]!);
      rowMin[y * width + x] = m;
    }
  const ink = new Uint8Array(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const g = gray[y * width + x]!;
      if (g < bright) continue;
      let m = 255;
      for (let dy = Math.max(0, y - r); dy <= Math.min(height - 1, y + r); dy++)
        m = Math.min(m, rowMin[dy * width + x]!);
      // A bright wall or sky has no dark edge nearby: not text.
      if (g - m >= 50) ink[y * width + x] = 1;
    }
  return ink;
}

/**
 * Columns with ink after shearing by `shear` (x shifted by shear × (y − middle): undoes
 * italics), counting only the rows from `top` to `bottom`.
 */
function columns(
  ink: Uint8Array,
  width: number,
  height: number,
  shear: number,
  top: number,
  bottom: number,
): Uint16Array {
  const cols = new Uint16Array(width);
  for (let y = top; y < bottom; y++) {
    const shift = Math.round(shear * (y - height / 2));
    for (let x = 0; x < width; x++) {
      if (!ink[y * width + x]) continue;
      const xs = x + shift;
      if (xs >= 0 && xs < width) cols[xs]!++;
    }
  }
  return cols;
}

/** Runs of empty columns between the first and the last inked column. */
function emptyRuns(cols: Uint16Array): Gap[] {
  const out: Gap[] = [];
  let run = -1;
  let inked = false;
  for (let x = 0; x < cols.length; x++) {
    if (cols[x] === 0) {
      if (run < 0) run = x;
    } else {
      if (run >= 0 && inked) out.push({ from: run, to: x });
      run = -1;
      inked = true;
    }
  }
  return out;
}

/** Share of the crop's height at its top and bottom left out of the column projection. */
const ROWS_MARGIN = 0.1;
/** Italic slants tried: upright, and leaning right as italic subtitle fonts do. */
const SHEARS = [0, 0.12, 0.22];
/**
 * A word space is at least this wide relative to the ink's height (letter gaps measure up to
 * ~0.23 of it in the fonts measured, word gaps 0.3–0.75)…
 */
export const WORD_GAP = 0.22;
/** …and this many times the line's median glyph gap (letter spacing varies with the font). */
export const WORD_GAP_RATIO = 1.6;

/**
 * Word gaps of a text-line crop: the projection that separates glyphs best (most empty
 * columns over the slants tried), keeping the empty runs wide enough to be word spaces.
 */
export function wordGaps(gray: Uint8Array, width: number, height: number): Gap[] {
  const ink = inkMask(gray, width, height);
  // The detector's box holds the line with a margin: its outer rows may show the next line's
  // edge or a bright background, which would fill the gaps between words.
  const top = Math.floor(height * ROWS_MARGIN);
  const bottom = Math.ceil(height * (1 - ROWS_MARGIN));
  let first = height;
  let last = -1;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      if (ink[y * width + x]) {
        first = Math.min(first, y);
        last = Math.max(last, y);
        break;
      }
  if (last < first) return [];
  const textHeight = last - first + 1;
  let best: Gap[] = [];
  let bestEmpty = -1;
  for (const shear of SHEARS) {
    const runs = emptyRuns(columns(ink, width, height, shear, top, bottom));
    const empty = runs.reduce((n, g) => n + g.to - g.from, 0);
    if (empty > bestEmpty) [best, bestEmpty] = [runs, empty];
  }
  const widths = best.map((g) => g.to - g.from).sort((a, b) => a - b);
  const median = widths[widths.length >> 1] ?? 0;
  const min = Math.max(WORD_GAP * textHeight, WORD_GAP_RATIO * median);
  return best.filter((g) => g.to - g.from >= min);
}

/** Marks that hang on the word before them ("you?") or after them ("[barking"); apostrophes on both ("he's"). */
const CLINGS_LEFT = /^[,.!?;:'’”)\]…]$/;
const CLINGS_RIGHT = /^[(\[“‘¿¡'’]$/;
/** Capitals that are words on their own; other single capitals start a word. */
const ONE_LETTER_WORDS = /^[AIO]$/;

/**
 * Whether a column gap between `prev` and `next` may be a word space. Wide side bearings make
 * gaps that are not spaces: before an apostrophe or question mark, after a capital T or W whose
 * arm overhangs the next letter ("T hat's", "W herever" were read so).
 */
function mayBreak(prev: string, next: string, prevStartsWord: boolean): boolean {
  if (CLINGS_LEFT.test(next) || CLINGS_RIGHT.test(prev)) return false;
  const lonelyCapital = prevStartsWord && /^\p{Lu}$/u.test(prev) && !ONE_LETTER_WORDS.test(prev);
  return !(lonelyCapital && /^\p{Ll}$/u.test(next));
}

/** The gaps whose middle lies between two character centres. */
const gapsBetween = (gaps: readonly Gap[], from: number, to: number): Gap[] =>
  gaps.filter((g) => (g.from + g.to) / 2 > from && (g.from + g.to) / 2 < to);

/** A gap narrower than this share of the line's narrowest known word space is a letter gap. */
export const KNOWN_SPACE_SHARE = 0.75;

/**
 * Widths of the gaps the recogniser put a space in: word spaces of this line for certain. In
 * small or slanted text a letter gap can be as wide as the fixed share of the ink's height
 * ("tw o" at 12 px, "we'l l" in italics), but not as wide as the line's own word spaces.
 */
function knownSpaces(chars: ReadonlyArray<{ ch: string; x: number }>, gaps: readonly Gap[]): number[] {
  const widths: number[] = [];
  chars.forEach((c, i) => {
    const prev = chars[i - 1];
    const next = chars[i + 1];
    if (c.ch !== ' ' || !prev || !next) return;
    const gap = gapsBetween(gaps, prev.x, next.x)[0];
    if (gap) widths.push(gap.to - gap.from);
  });
  return widths;
}

/**
 * The line's text with a space wherever a word gap lies between two consecutive characters
 * (x = each character's centre in crop columns). Spaces the recogniser gave are kept; when it
 * gave some, a gap must be nearly as wide as the narrowest of them to be a space too.
 */
export function insertSpaces(chars: ReadonlyArray<{ ch: string; x: number }>, gaps: readonly Gap[]): string {
  const known = knownSpaces(chars, gaps);
  const narrowest = known.length ? KNOWN_SPACE_SHARE * Math.min(...known) : 0;
  let out = '';
  chars.forEach((c, i) => {
    const prev = chars[i - 1];
    if (prev && c.ch !== ' ' && prev.ch !== ' ') {
      const between = gapsBetween(gaps, prev.x, c.x).some((g) => g.to - g.from >= narrowest);
      const prevStartsWord = out.length === 1 || out[out.length - 2] === ' ';
      if (between && mayBreak(prev.ch, c.ch, prevStartsWord)) out += ' ';
    }
    out += c.ch;
  });
  return out.replace(/\s+/g, ' ').trim();
}

/** Characters without spaces, each flagged when a space came before it. */
function spaced(text: string): { chars: string[]; spaceBefore: boolean[] } {
  const chars: string[] = [];
  const spaceBefore: boolean[] = [];
  let pending = false;
  for (const ch of text.trim()) {
    if (/\s/.test(ch)) pending = true;
    else {
      chars.push(ch);
      spaceBefore.push(pending && chars.length > 1);
      pending = false;
    }
  }
  return { chars, spaceBefore };
}

/**
 * Two readings of the same characters (they differ at most in spaces): the characters with a
 * space wherever either reading has one. Otherwise the first reading as it is.
 */
export function unionSpaces(first: string, second: string): string {
  const f = spaced(first);
  const s = spaced(second);
  if (f.chars.join('') !== s.chars.join('')) return first;
  return f.chars.map((ch, k) => (f.spaceBefore[k] || s.spaceBefore[k] ? ` ${ch}` : ch)).join('');
}

/**
 * Two readings of one line: the first (the OCR package's) keeps its characters and gains the
 * word spaces of the second (ours, spaced by geometry), matched character to character by edit
 * distance, where both agree on the characters either side. When the second only adds up to two characters at the ends (a first letter the
 * detector's box clipped), the second is taken whole.
 */
export function combineReadings(first: string, second: string): string {
  const f = spaced(first);
  const s = spaced(second);
  const fj = f.chars.join('');
  const sj = s.chars.join('');
  if (sj.includes(fj) && sj.length - fj.length <= 2) return second.trim();
  const n = f.chars.length;
  const m = s.chars.length;
  // Edit-distance table, then a walk back that pairs matched or substituted characters.
  const d = Array.from({ length: n + 1 }, (_, i) =>
    Array.from({ length: m + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= n; i++)
    for (let j = 1; j <= m; j++)
      d[i]![j] = Math.min(
        d[i - 1]![j]! + 1,
        d[i]![j - 1]! + 1,
        d[i - 1]![j - 1]! + (f.chars[i - 1] === s.chars[j - 1] ? 0 : 1),
      );
  // Pairs of equal characters, first index → second index.
  const same = new Map<number, number>();
  let i = n;
  let j = m;
  while (i > 0 && j > 0) {
    const equal = f.chars[i - 1] === s.chars[j - 1];
    if (d[i]![j] === d[i - 1]![j - 1]! + (equal ? 0 : 1)) {
      if (equal) same.set(i - 1, j - 1);
      i--;
      j--;
    } else if (d[i]![j] === d[i - 1]![j]! + 1) i--;
    else j--;
  }
  // A space moves over only between two characters both readings agree on ("I hey" for
  // "They" is a misread, not a word break).
  const space = f.spaceBefore.map((sp, k) => {
    const at = same.get(k);
    return sp || (k > 0 && at !== undefined && s.spaceBefore[at]! && same.get(k - 1) === at - 1);
  });
  return f.chars.map((ch, k) => (space[k] ? ` ${ch}` : ch)).join('');
}
