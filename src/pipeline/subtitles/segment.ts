/**
 * Pure segmentation of the subtitle band into subtitles: where does each appear, change and
 * disappear (runs of unchanged text merged, onsets and fades timed). Errs towards splitting (a spurious split costs one more OCR call
 * and is merged by text later; a missed change loses a line).
 */
import { bounds, containment, count, countAnd } from './bits.js';
import { changeScore, isChange, minCells, runsOf, type FrameMasks, type Run } from './change.js';
import type { MaskGrid } from './mask.js';
import { readingFrame } from './reading.js';
import type { Segment } from './types.js';

export interface SegmentOptions {
  grid: MaskGrid;
  fps: number;
  /** Hi-resolution crops exist for frames that are multiples of this. */
  sampleEvery: number;
  /** Strong-mask cells one character of the subtitle covers (from the band's line height). */
  charCells?: number;
}

/**
 * Share of a segment's own text bits (not those of its background) visible in the weak mask
 * for a fading frame to still count; empty frames show only a few per cent by chance.
 */
export const FADE_RECALL = 0.25;
/** Share of a segment's own text bits in the weak mask that means the text is fully shown. */
const PRESENT = 0.8;
/** Frames by which stable masks (three-frame AND) trail a change. */
const LAG = 2;

/** Share of `core` visible in frame f's weak mask. */
function recall(core: Uint32Array, frame: FrameMasks | undefined): number {
  const c = count(core);
  return frame && c ? countAnd(core, frame.weak) / c : 0;
}

/** Bits of `core` not in `other`, or all of `core` when too few remain to measure. */
function distinct(core: Uint32Array, other: Uint32Array | undefined, need: number): Uint32Array {
  if (!other) return core;
  const d = core.map((w, i) => w & ~other[i]!);
  return count(d) >= need ? d : core;
}

/** Bits of `core` not in `before` (all of them when there is none). */
function appeared(core: Uint32Array, before: Uint32Array | undefined): Uint32Array {
  return before ? core.map((w, i) => w & ~before[i]!) : core;
}

export function findSegments(frames: readonly FrameMasks[], opts: SegmentOptions): Segment[] {
  const need = minCells(opts.grid, opts.charCells);
  const charCells = opts.charCells ?? need;
  const minFrames = Math.max(3, Math.round(opts.fps * 0.2));
  const all = runsOf(frames, opts.grid, charCells, minFrames);
  const stable = all.filter((r) => r.end - r.start >= minFrames && count(r.core) >= need / 2);
  // Merge stable runs that show the same text, across a flicker or a cut that barely moved it.
  const groups: Run[][] = [];
  for (const run of stable) {
    const last = groups[groups.length - 1];
    const prev = last?.[last.length - 1];
    if (last && prev && run.start - prev.end <= minFrames && !isChange(prev.core, run.core, charCells))
      last.push(run);
    else groups.push([run]);
  }
  const maxFade = Math.round(opts.fps * 1.5);
  /**
   * Walk from a boundary away from the segment (dir -1: frames before `from`; +1: from `from`
   * on) while the text is clearly there, or faintly there AND fading (each step showing less
   * of it than the last): a still background shows the same share frame after frame.
   */
  const walk = (bits: Uint32Array, from: number, dir: -1 | 1, limit: number, need: number): number => {
    let at = from;
    let last = recall(bits, frames[dir < 0 ? from : from - 1]);
    while (dir < 0 ? at > limit : at < limit) {
      const r = recall(bits, frames[dir < 0 ? at - 1 : at]);
      if (r < need || (r < PRESENT && r > last - 0.02)) break;
      last = r;
      at += dir;
    }
    return at;
  };
  const out: Array<Segment & { longest: Run }> = [];
  groups.forEach((g, i) => {
    const longest = g.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a));
    const core = longest.core;
    const prev = out[out.length - 1];
    // A neighbour whose picture is contained in ours is our background (no text of its own):
    // frames where our text shows faintly belong to us even inside its stable run.
    const prevIsBackground = !!prev && containment(prev.core, core) >= 0.8;
    let start = Math.max(g[0]!.start, prev?.end ?? 0);
    let end = g[g.length - 1]!.end;
    // A subtitle that appears just before a hard cut: the few frames before the cut are runs
    // too short to count (one, or two when the cut also took away picture the stable masks
    // still held), showing part of our picture (our text without the new background) that the
    // run before them did not show (not a caption of the picture our text then covers).
    const lead = leadingRuns(all, g[0]!.start, {
      from: Math.max(prev?.end ?? 0, start - minFrames - LAG),
      minFrames,
      need,
      core,
    })
      .map((r) => ({ ...r, fresh: appeared(r.core, all.find((b) => b.end === r.start)?.core) }))
      .find((r) => count(r.fresh) >= need / 2);
    // Stable masks see new text two frames late (losses at once): when this segment follows
    // another directly, the change is the sharpest raw-mask change among the last LAG frames.
    if (prev && prev.end >= start - LAG) {
      const score = (f: number): number => changeScore(frames[f - 1]!.strong, frames[f]!.strong);
      let best = start;
      for (let f = Math.max(prev.start + 1, start - LAG); f <= start; f++)
        if (score(f) > score(best)) best = f;
      start = Math.min(start, best);
    }
    // Fade-in, fade-out and an onset from nothing: walk while most of this text (the part the
    // neighbour does not share, e.g. not the still background) is faintly there.
    const floor = Math.max(
      prev ? (prevIsBackground ? prev.start + 1 : Math.min(prev.end, start)) : 0,
      start - maxFade,
    );
    const walkBack = (bits: Uint32Array, from: number): number => {
      const before = distinct(bits, prev?.core, need);
      // Busy backgrounds show some of any mask by chance: measure that on a frame beyond reach.
      const needBefore = Math.max(FADE_RECALL, recall(before, frames[Math.max(0, floor - 1)]) + 0.15);
      return walk(before, from, -1, Math.min(floor, from), needBefore);
    };
    // From the lead too, with the bits that appeared there (ours without the new background).
    start = Math.min(walkBack(core, start), lead ? walkBack(lead.fresh, lead.start) : start);
    if (prev) prev.end = Math.min(prev.end, start);
    const nextRun = groups[i + 1]?.[0];
    const nextIsBackground = !!nextRun && containment(nextRun.core, core) >= 0.8;
    const after = distinct(core, nextRun?.core, need);
    const ceil = Math.min(nextRun && !nextIsBackground ? nextRun.start : frames.length, end + maxFade);
    const needAfter = Math.max(FADE_RECALL, recall(after, frames[Math.min(frames.length - 1, ceil)]) + 0.15);
    end = walk(after, end, 1, ceil, needAfter);
    const box = bounds(core, opts.grid.gw, opts.grid.gh);
    if (box) out.push({ start, end, ocrFrame: -1, cells: box, core, longest });
  });
  // Read each segment where its text is steadiest, once every boundary is final (or where it is
  // fullest: karaoke), over the box its text covers there.
  return out
    .filter((s) => s.end > s.start)
    .map(({ longest, ...s }) => {
      const run = { start: Math.max(longest.start, s.start), end: Math.min(longest.end, s.end) };
      const steady = pickSample(run.end > run.start ? run : s, s.start, s.end, opts.sampleEvery);
      return steady < 0 ? { ...s, ocrFrame: steady } : { ...s, ...readingFrame(frames, s, steady, opts) };
    });
}

/**
 * Short runs back to back before frame `at`, each mostly made of `core`'s bits, starting no
 * earlier than `from`: earliest first.
 */
function leadingRuns(
  all: readonly Run[],
  at: number,
  o: { from: number; minFrames: number; need: number; core: Uint32Array },
): Run[] {
  const out: Run[] = [];
  for (;;) {
    const r = all.find(
      (r) =>
        r.end >= at - 1 &&
        r.end <= at &&
        r.end - r.start < o.minFrames &&
        r.start >= o.from &&
        count(r.core) >= o.need / 2 &&
        containment(r.core, o.core) >= 0.8,
    );
    if (!r) return out.reverse();
    out.push(r);
    at = r.start;
  }
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
