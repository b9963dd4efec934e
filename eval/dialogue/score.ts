/** Pure scoring for eval:dialogue: character error rate, cue matching and timing, speech overlap. */
import { editDistance, normalize, textSimilarity } from '../../src/pipeline/subtitles/text.js';

/** CER over texts with whitespace and punctuation removed (as in the OCR survey). */
export function cer(hyp: string, ref: string): number {
  const r = normalize(ref);
  return r.length === 0 ? (normalize(hyp).length ? 1 : 0) : editDistance(normalize(hyp), r) / [...r].length;
}

/** Lower case, punctuation dropped, word spaces kept (single): a missing space is one error. */
export function spacedText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]+/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** CER that counts word spaces (for Latin-script text, where a lost space changes the words). */
export function cerSpaced(hyp: string, ref: string): number {
  const r = spacedText(ref);
  const h = spacedText(hyp);
  return r.length === 0 ? (h.length ? 1 : 0) : editDistance(h, r) / [...r].length;
}

export interface Timed {
  start: number;
  end: number;
  text: string;
}

/**
 * Each reference cue matched to a hypothesis cue: among those overlapping it once widened by
 * `slack` seconds (a track whose clock runs a little early or late), the one with the most
 * similar text, then the most overlap. Times in seconds.
 */
export function matchCues(
  hyp: readonly Timed[],
  ref: readonly Timed[],
  slack = 0,
): Array<{ ref: Timed; hyp: Timed | null; dStart: number; dEnd: number }> {
  return ref.map((r) => {
    let best: Timed | null = null;
    let bestScore = -Infinity;
    for (const h of hyp) {
      const o = Math.min(h.end, r.end + slack) - Math.max(h.start, r.start - slack);
      if (o <= 0) continue;
      const score = textSimilarity(h.text, r.text) * 100 + o;
      if (score > bestScore) [best, bestScore] = [h, score];
    }
    return {
      ref: r,
      hyp: best,
      dStart: best ? best.start - r.start : NaN,
      dEnd: best ? best.end - r.end : NaN,
    };
  });
}

/**
 * Consecutive lines that repeat the previous one right after it (what de-duplication must
 * prevent); the same words said again after a pause (`maxGap` s) are a new line.
 */
export function duplicates(lines: readonly Timed[], maxGap = 0.5): number {
  let n = 0;
  for (let i = 1; i < lines.length; i++)
    if (
      lines[i]!.start - lines[i - 1]!.end <= maxGap &&
      textSimilarity(lines[i - 1]!.text, lines[i]!.text) >= 0.8
    )
      n++;
  return n;
}

/** Frame-level (10 ms) precision/recall of speech spans against reference spans. */
export function speechOverlap(
  hyp: ReadonlyArray<{ start: number; end: number }>,
  ref: ReadonlyArray<{ start: number; end: number }>,
  total: number,
): { precision: number; recall: number } {
  const step = 0.01;
  const inAny = (spans: ReadonlyArray<{ start: number; end: number }>, t: number): boolean =>
    spans.some((s) => t >= s.start && t < s.end);
  let tp = 0;
  let hp = 0;
  let rp = 0;
  for (let t = 0; t < total; t += step) {
    const h = inAny(hyp, t);
    const r = inAny(ref, t);
    if (h) hp++;
    if (r) rp++;
    if (h && r) tp++;
  }
  return { precision: hp ? tp / hp : 1, recall: rp ? tp / rp : 1 };
}

/** Merge overlapping reference turns (RTTM rows) into speech spans. */
export function unionSpans(
  spans: ReadonlyArray<{ start: number; end: number }>,
): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

export function parseRttm(text: string, file: string): Array<{ start: number; end: number }> {
  return text
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((p) => p[0] === 'SPEAKER' && p[1] === file)
    .map((p) => ({ start: Number(p[3]), end: Number(p[3]) + Number(p[4]) }));
}
