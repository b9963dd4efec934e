/**
 * Pure change detection on per-frame text masks of the subtitle band: where does a subtitle
 * appear, change and disappear. Errs towards splitting (a spurious split costs one more OCR call
 * and is merged by text later; a missed change loses a line).
 */
import { bounds, count, countAnd, majority, similarity } from './bits.js';
import type { MaskGrid } from './mask.js';
import type { Segment } from './types.js';

export interface FrameMasks {
  strong: Uint32Array;
  weak: Uint32Array;
}

export interface SegmentOptions {
  grid: MaskGrid;
  fps: number;
  /** Hi-resolution crops exist for frames that are multiples of this. */
  sampleEvery: number;
}

/** Relative bits lost plus gained between consecutive frames that mean "the text changed". */
export const CHANGE = 0.4;
/** Core similarity above which two stable runs show the same subtitle (e.g. across a cut). */
export const SAME = 0.8;
/** Share of a segment's core visible in the weak mask for a fading frame to still count. */
export const FADE_RECALL = 0.5;
/** Frames by which stable masks (three-frame AND) trail a change. */
const LAG = 2;

/** Minimum cells of strong mask for "text present": a few characters at the smallest size. */
export function minCells(grid: MaskGrid): number {
  return Math.max(12, Math.round(grid.gw * grid.gh * 0.004));
}

/** Change score between consecutive strong masks: share lost + share gained. */
export function changeScore(a: Uint32Array, b: Uint32Array): number {
  const ca = count(a);
  const cb = count(b);
  const both = countAnd(a, b);
  return (ca ? (ca - both) / ca : 0) + (cb ? (cb - both) / cb : 0);
}

interface Run {
  start: number;
  end: number;
  core: Uint32Array;
}

/**
 * Text bits present in this frame and the two before: moving background edges rarely survive
 * three frames, subtitles always do. Costs a two-frame delay at onsets, undone by the fade walk.
 */
export function stableMasks(frames: readonly FrameMasks[]): Uint32Array[] {
  return frames.map((f, i) => {
    const a = new Uint32Array(f.strong);
    for (const j of [i - 1, i - 2]) {
      const p = frames[j]?.strong;
      for (let k = 0; k < a.length; k++) a[k]! &= p ? p[k]! : 0;
    }
    return a;
  });
}

/** Maximal runs of text-present frames with no abrupt change inside. */
function runsOf(frames: readonly FrameMasks[], grid: MaskGrid): Run[] {
  const need = minCells(grid);
  const bitsLength = grid.gw * grid.gh;
  const stable = stableMasks(frames);
  const runs: Run[] = [];
  let start = -1;
  const close = (end: number): void => {
    if (start < 0) return;
    const masks = stable.slice(start, end);
    const core = masks.length <= 2 ? masks[masks.length - 1]! : majority(masks, bitsLength, 0.6);
    runs.push({ start, end, core });
    start = -1;
  };
  for (let f = 0; f < stable.length; f++) {
    const present = count(stable[f]!) >= need;
    if (!present) close(f);
    else if (start >= 0 && changeScore(stable[f - 1]!, stable[f]!) >= CHANGE) {
      close(f);
      start = f;
    } else if (start < 0) start = f;
  }
  close(stable.length);
  return runs;
}

/** Share of `core` visible in frame f's weak mask. */
function recall(core: Uint32Array, frame: FrameMasks | undefined): number {
  const c = count(core);
  return frame && c ? countAnd(core, frame.weak) / c : 0;
}

export function findSegments(frames: readonly FrameMasks[], opts: SegmentOptions): Segment[] {
  const minFrames = Math.max(3, Math.round(opts.fps * 0.2));
  const stable = runsOf(frames, opts.grid).filter(
    (r) => r.end - r.start >= minFrames && count(r.core) >= minCells(opts.grid) / 2,
  );
  // Merge stable runs that show the same text, across a cut or a short flicker between them.
  const groups: Array<{ runs: Run[]; core: Uint32Array }> = [];
  for (const run of stable) {
    const last = groups[groups.length - 1];
    const prev = last?.runs[last.runs.length - 1];
    if (last && prev && run.start - prev.end <= minFrames && similarity(last.core, run.core) >= SAME)
      last.runs.push(run);
    else groups.push({ runs: [run], core: run.core });
  }
  const maxFade = Math.round(opts.fps * 1.5);
  const out: Segment[] = [];
  groups.forEach((g, i) => {
    const longest = g.runs.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a));
    const core = longest.core;
    let start = g.runs[0]!.start;
    let end = g.runs[g.runs.length - 1]!.end;
    // Walk back over fade-in frames and over the two frames stable masks lag behind an onset.
    // An appearance is only seen late, so this may take frames from the previous segment.
    // Stable masks see new text two frames late (losses at once): when this segment follows
    // another directly, the change is the sharpest raw-mask change among the last LAG frames.
    const prev = out[out.length - 1];
    if (prev && prev.end >= start - LAG) {
      let best = start;
      for (let f = Math.max(prev.start + 1, start - LAG); f <= start; f++)
        if (
          changeScore(frames[f - 1]!.strong, frames[f]!.strong) >
          changeScore(frames[best - 1]!.strong, frames[best]!.strong)
        )
          best = f;
      start = Math.min(start, best);
      prev.end = Math.min(prev.end, start);
    }
    // Fade-in (and an onset from nothing): walk back while most of the text is faintly there.
    const floor = Math.max(prev?.end ?? 0, start - maxFade);
    while (start > floor && recall(core, frames[start - 1]) >= FADE_RECALL) start--;
    if (prev && prev.end > start) prev.end = start;
    const next = groups[i + 1]?.runs[0]?.start ?? frames.length;
    const ceil = Math.min(next, end + maxFade);
    while (end < ceil && recall(core, frames[end]) >= FADE_RECALL) end++;
    const box = bounds(core, opts.grid.gw, opts.grid.gh);
    if (!box) return;
    out.push({ start, end, ocrFrame: pickSample(longest, start, end, opts.sampleEvery), cells: box, core });
  });
  return out;
}

/** The sampled frame nearest the middle of the longest stable run; -1 when none is inside. */
export function pickSample(
  run: { start: number; end: number },
  start: number,
  end: number,
  every: number,
): number {
  const mid = (run.start + run.end - 1) / 2;
  const near = Math.round(mid / every) * every;
  for (const f of [near, near - every, near + every]) if (f >= run.start && f < run.end) return f;
  const first = Math.ceil(start / every) * every;
  return first < end ? first : -1;
}
