/** Pure cue building: OCR lines → a tagged cue; merging repeated readings of one subtitle. */
import { unionSpaces } from './spacing.js';
import { joinLines, lineLanguage, normalize, textSimilarity } from './text.js';
import type { Cue, OcrLine } from './types.js';

/** Same text when this similar (OCR may differ by a character between two readings). */
export const SAME_TEXT = 0.8;

/**
 * Lines grouped into rows top to bottom (a line joins the row above when its middle lies within
 * that row's first box), each row's lines left to right.
 */
export function groupRows(lines: readonly OcrLine[]): OcrLine[][] {
  const sorted = [...lines].sort((a, b) => a.box[1] + a.box[3] - (b.box[1] + b.box[3]));
  const out: OcrLine[][] = [];
  for (const l of sorted) {
    const last = out[out.length - 1];
    const ref = last?.[0];
    const mid = (l.box[1] + l.box[3]) / 2;
    if (last && ref && mid > ref.box[1] && mid < ref.box[3]) last.push(l);
    else out.push([l]);
  }
  for (const row of out) row.sort((a, b) => a.box[0] - b.box[0]);
  return out;
}

/** Rows of boxes overlapping vertically, each read left to right. */
export function rows(lines: readonly OcrLine[]): OcrLine[] {
  return groupRows(lines).map((row) => {
    const box = row.reduce<OcrLine['box']>(
      (b, l) => [
        Math.min(b[0], l.box[0]),
        Math.min(b[1], l.box[1]),
        Math.max(b[2], l.box[2]),
        Math.max(b[3], l.box[3]),
      ],
      row[0]!.box,
    );
    return {
      text: joinLines(row.map((l) => l.text)),
      mean: row.reduce((s, l) => s + l.mean, 0) / row.length,
      box,
    };
  });
}

/**
 * One subtitle's lines, top to bottom; consecutive rows in the same language are one line (a
 * long Chinese sentence wrapped in two rows), a change of language starts a new one (bilingual).
 */
export function cueLines(
  lines: readonly OcrLine[],
  episodeLanguage: string,
): { lines: Cue['lines']; confidence: number } | null {
  const r = rows(lines).filter((l) => normalize(l.text).length > 0);
  if (r.length === 0) return null;
  const out: Cue['lines'] = [];
  for (const row of r) {
    const language = lineLanguage(row.text, episodeLanguage);
    const last = out[out.length - 1];
    if (last && last.language === language) last.text = joinLines([last.text, row.text]);
    else out.push({ text: row.text.trim(), language });
  }
  const chars = r.reduce((n, l) => n + l.text.length, 0);
  const confidence = r.reduce((s, l) => s + l.mean * l.text.length, 0) / Math.max(1, chars);
  return { lines: out, confidence };
}

export const cueText = (c: Pick<Cue, 'lines'>): string => c.lines.map((l) => l.text).join(' ');

/**
 * Whether `short` is `long` with one or two letters or digits left out inside the line (its
 * first and last characters are the same): a glyph skipped mid-line. Extra characters at a
 * line's end are as likely remnants of the picture next to the text.
 */
function skipsInside(short: string, long: string): boolean {
  const s = [...normalize(short)];
  const l = [...normalize(long)];
  if (!s.length || l.length <= s.length || l.length - s.length > 2) return false;
  if (s[0] !== l[0] || s[s.length - 1] !== l[l.length - 1]) return false;
  let i = 0;
  for (const ch of l) if (i < s.length && s[i] === ch) i++;
  return i === s.length;
}

/** Karaoke letters a dark sweep has passed drop out of the mask from the left. */
const MIN_TAIL = 3;
/** One letter more on the left is as likely a remnant of the picture (see betterReading). */
const MIN_SWEPT = 2;

/**
 * Whether `later` is what is left of `earlier` once a karaoke sweep has taken letters from its
 * left: its end, at least MIN_TAIL letters, with at least MIN_SWEPT letters gone.
 */
function sweptTail(earlier: string, later: string): boolean {
  const e = normalize(earlier);
  const l = normalize(later);
  return [...l].length >= MIN_TAIL && [...e].length - [...l].length >= MIN_SWEPT && e.endsWith(l);
}

/**
 * The better of two readings of one subtitle. Where the readings differ only by a character or
 * two that one of them skipped inside a line, the fuller one (a recogniser drops a glyph it is
 * unsure of far more often than it invents one inside a clean line); otherwise the more
 * confident reading.
 */
function betterReading(a: Cue, b: Cue): Cue {
  if (sweptTail(cueText(a), cueText(b))) return a;
  if (a.lines.length === b.lines.length) {
    let aFuller = 0;
    let bFuller = 0;
    let other = 0;
    a.lines.forEach((la, i) => {
      const lb = b.lines[i]!.text;
      if (normalize(la.text) === normalize(lb)) return;
      if (skipsInside(la.text, lb)) bFuller++;
      else if (skipsInside(lb, la.text)) aFuller++;
      else other++;
    });
    if (!other && bFuller && !aFuller) return b;
    if (!other && aFuller && !bFuller) return a;
  }
  return b.confidence > a.confidence ? b : a;
}

/**
 * `better` with the word spaces the other reading of the same subtitle found in a line whose
 * letters both read alike: the recogniser drops spaces, and one frame's picture can fill a
 * word gap (a bright bar of the next shot under the letters) that another frame shows.
 */
function withSpaces(better: Cue, other: Cue): Cue {
  if (better.lines.length !== other.lines.length) return better;
  return {
    ...better,
    lines: better.lines.map((l, i) => ({ ...l, text: unionSpaces(l.text, other.lines[i]!.text) })),
  };
}

/**
 * Merge consecutive cues that are readings of the same subtitle (a cut or a fade split it, or
 * karaoke colouring changed it) when the gap between them is at most `maxGap` seconds.
 */
export function mergeCues(cues: readonly Cue[], maxGap: number): Cue[] {
  const out: Cue[] = [];
  for (const c of [...cues].sort((a, b) => a.start - b.start)) {
    const last = out[out.length - 1];
    if (
      last &&
      c.start - last.end <= maxGap &&
      (textSimilarity(cueText(last), cueText(c)) >= SAME_TEXT || sweptTail(cueText(last), cueText(c)))
    ) {
      const better = betterReading(last, c);
      const merged = withSpaces(better, better === c ? last : c);
      out[out.length - 1] = { ...merged, start: last.start, end: Math.max(last.end, c.end) };
    } else out.push({ ...c, lines: c.lines.map((l) => ({ ...l })) });
  }
  return out;
}
