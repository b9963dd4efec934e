/**
 * Pure speech segmentation from per-window speech probabilities (silero's get_speech_timestamps:
 * hysteresis between a start and an end threshold, a minimum silence before closing, a minimum
 * speech length, padding clamped between neighbours).
 */

export interface Span {
  start: number;
  end: number;
}

export interface VadOptions {
  /** Seconds per probability window (512 samples at 16 kHz = 0.032). */
  window: number;
  threshold?: number;
  negThreshold?: number;
  minSpeech?: number;
  minSilence?: number;
  pad?: number;
}

export function speechSegments(probs: ArrayLike<number>, opts: VadOptions): Span[] {
  const thr = opts.threshold ?? 0.5;
  const neg = opts.negThreshold ?? Math.max(thr - 0.15, 0.01);
  const minSpeech = opts.minSpeech ?? 0.25;
  const minSilence = opts.minSilence ?? 0.1;
  const pad = opts.pad ?? 0.03;
  const total = probs.length * opts.window;
  const out: Span[] = [];
  let start = -1;
  let tempEnd = -1;
  for (let i = 0; i < probs.length; i++) {
    const p = probs[i]!;
    const t = i * opts.window;
    if (p >= thr) {
      tempEnd = -1;
      if (start < 0) start = t;
      continue;
    }
    if (p < neg && start >= 0) {
      if (tempEnd < 0) tempEnd = t;
      if (t - tempEnd < minSilence) continue;
      if (tempEnd - start >= minSpeech) out.push({ start, end: tempEnd });
      start = -1;
      tempEnd = -1;
    }
  }
  if (start >= 0 && total - start >= minSpeech) out.push({ start, end: total });
  return out.map((s, i) => {
    const prevEnd = out[i - 1]?.end ?? 0;
    const nextStart = out[i + 1]?.start ?? total;
    return {
      start: round(Math.max(s.start - pad, (s.start + prevEnd) / 2, 0)),
      end: round(Math.min(s.end + pad, (s.end + nextStart) / 2, total)),
    };
  });
}

const round = (v: number): number => Math.round(v * 1000) / 1000;

/** Total seconds covered by spans (assumed not overlapping). */
export const spanSeconds = (spans: readonly Span[]): number => spans.reduce((s, x) => s + x.end - x.start, 0);

/** Parts of `speech` not covered by any of `covered` (widened by `slack`), at least `min` long. */
export function uncovered(
  speech: readonly Span[],
  covered: readonly Span[],
  slack: number,
  min: number,
): Span[] {
  const cov = [...covered]
    .map((c) => ({ start: c.start - slack, end: c.end + slack }))
    .sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of speech) {
    let cursor = s.start;
    for (const c of cov) {
      if (c.end <= cursor || c.start >= s.end) continue;
      if (c.start > cursor) out.push({ start: cursor, end: c.start });
      cursor = Math.max(cursor, c.end);
    }
    if (cursor < s.end) out.push({ start: cursor, end: s.end });
  }
  return out.filter((p) => p.end - p.start >= min).map((p) => ({ start: round(p.start), end: round(p.end) }));
}

/** Groups consecutive spans into chunks of at most `max` seconds (for speech recognition). */
export function chunkSpans(spans: readonly Span[], max: number): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s.end - last.start <= max && s.start - last.end < 1.5) last.end = s.end;
    else for (let t = s.start; t < s.end; t += max) out.push({ start: t, end: Math.min(s.end, t + max) });
  }
  return out;
}
