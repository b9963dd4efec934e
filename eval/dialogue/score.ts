/** Pure scoring for eval:dialogue: character error rate, cue matching and timing, speech overlap. */
import { editDistance, normalize, textSimilarity } from '../../src/pipeline/subtitles/text.js';

/** CER over texts with whitespace and punctuation removed (as in the OCR survey). */
export function cer(hyp: string, ref: string): number {
  const r = normalize(ref);
  return r.length === 0 ? (normalize(hyp).length ? 1 : 0) : editDistance(normalize(hyp), r) / [...r].length;
}

export interface Timed {
  start: number;
  end: number;
  text: string;
}

/** Each reference cue matched to the hypothesis cue overlapping it most; times in seconds. */
export function matchCues(
  hyp: readonly Timed[],
  ref: readonly Timed[],
): Array<{ ref: Timed; hyp: Timed | null; dStart: number; dEnd: number }> {
  return ref.map((r) => {
    let best: Timed | null = null;
    let bestOverlap = 0;
    for (const h of hyp) {
      const o = Math.min(h.end, r.end) - Math.max(h.start, r.start);
      if (o > bestOverlap) [best, bestOverlap] = [h, o];
    }
    return {
      ref: r,
      hyp: best,
      dStart: best ? best.start - r.start : NaN,
      dEnd: best ? best.end - r.end : NaN,
    };
  });
}

/** Consecutive lines that repeat the previous one (what de-duplication must prevent). */
export function duplicates(lines: readonly Timed[]): number {
  let n = 0;
  for (let i = 1; i < lines.length; i++) if (textSimilarity(lines[i - 1]!.text, lines[i]!.text) >= 0.8) n++;
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
