/**
 * I/O shell for subtitles in the picture: sample frames to find the band, scan the band once for
 * text changes, OCR each distinct subtitle once from a full-resolution crop, merge and time cues.
 * Also used for bitmap tracks, rendered on black (then the band is the whole frame).
 */
import { join } from 'node:path';
import type { StageContext } from '../types.js';
import { type ScanPlan, type VideoSource } from './args.js';
import { findBand, type BandResult, type Sample } from './band.js';
import { countXor } from './bits.js';
import { minCells, stableAt } from './change.js';
import { CHANNEL_NAMES, letterChannel, plane, type Channel, type RgbCrop } from './channel.js';
import { readGrayRect, readRgbRect, writeCrop, writeLetters, type CropRect } from './crop.js';
import { cueLines, cueText, mergeCues } from './cues.js';
import { isDarkFill, letterFill, maskThresholds, type GrayCrop } from './fill.js';
import { maskGrid, type MaskThresholds } from './mask.js';
import { mergeOnscreen, separatePictureText, splitReading } from './picture-text.js';
import { readText } from './ocr.js';
import { sampleFrames } from './sample.js';
import { ignoreCells, scanBand } from './scan.js';
import { findSegments } from './segment.js';
import { textSimilarity } from './text.js';
import type { Box, Cue, Segment } from './types.js';

export interface BurnedOptions {
  ctx: StageContext;
  language: string;
  fps: number;
  /** Scratch folder for sampled frames and crops. */
  dir: string;
  /** Skip band finding (rendered bitmap tracks: everything on the canvas is subtitle). */
  wholeFrame?: boolean;
}

export interface BurnedResult {
  cues: Cue[];
  onscreen: Array<{ start: number; end: number; text: string }>;
  /** Distinct subtitle segments found by change detection, and OCR calls spent on them. */
  segments: number;
  ocrCalls: number;
}

const MIN_ANALYSIS_WIDTH = 256;
const MAX_ANALYSIS_WIDTH = 960;
const TEXT_PX = 18;
const even = (v: number): number => 2 * Math.round(v / 2);

export async function readBurnedSubtitles(
  src: VideoSource,
  file: string | null,
  opts: BurnedOptions,
): Promise<BurnedResult> {
  const { ctx } = opts;
  // Rendered tracks: the whole canvas, subtitle lines assumed about 5 % of the picture high.
  let found: BandResult = { band: { top: 0, bottom: 1 }, lineHeight: 0.05, persistent: [], lines: [] };
  let strong: MaskThresholds | undefined;
  // Letters darker than white (blue, green): lower mask thresholds, and a cap on the brightness
  // letter isolation asks for. White and yellow subtitles leave both as they are.
  let readFill: number | undefined;
  // Letters of a pure colour too dark in luma (red): scanned and read in that colour's channel.
  let channel: Channel | undefined;
  if (!opts.wholeFrame) {
    const samples = await sampleFrames(src, file, join(opts.dir, 'samples'), ctx.signal);
    found = findBand(samples);
    const fill = await measureFill(samples, found.lines);
    if (fill.channel !== null) {
      channel = fill.channel;
      ctx.log(`subtitles: letters of a pure colour, scanned for ${CHANNEL_NAMES[channel]}`);
    } else if (isDarkFill(fill.mask)) {
      strong = maskThresholds(fill.mask);
      readFill = fill.read ?? undefined;
      ctx.log(`subtitles: letters of luma ${fill.mask}, text masks from luma ${strong.luma}`);
    }
  }
  ctx.onProgress(0.1);
  const persistent = found.persistent.map((p) => ({
    text: p.text,
    box: [p.box[0] * src.width, p.box[1] * src.height, p.box[2] * src.width, p.box[3] * src.height] as Box,
  }));
  const onscreen = persistent.map((p) => ({ start: 0, end: src.duration, text: p.text }));
  if (!found.band) return { cues: [], onscreen, segments: 0, ocrCalls: 0 };
  const top = Math.max(0, even(found.band.top * src.height));
  const height = Math.max(
    8,
    Math.min(src.height - top, even((found.band.bottom - found.band.top) * src.height)),
  );
  // Thin strokes vanish when scaled too far: keep subtitle lines about TEXT_PX tall.
  const lineK = found.lineHeight > 0 ? TEXT_PX / (found.lineHeight * src.height) : 1;
  const k = Math.min(1, MAX_ANALYSIS_WIDTH / src.width, Math.max(MIN_ANALYSIS_WIDTH / src.width, lineK));
  const analysis = { width: Math.max(8, even(src.width * k)), height: Math.max(8, even(height * k)) };
  const sampleEvery = Math.max(1, Math.round(opts.fps / 4));
  const plan: ScanPlan = {
    top,
    height,
    analysis,
    sampleEvery,
    hiPattern: join(opts.dir, 'hi', '%06d.jpg'),
    channel,
  };
  const ignore = ignoreCells(
    maskGrid(analysis.width, analysis.height),
    plan,
    src.width,
    persistent.map((p) => p.box),
  );
  const scan = await scanBand(
    src,
    plan,
    ignore,
    join(opts.dir, 'hi'),
    ctx.signal,
    (t) => ctx.onProgress(0.1 + 0.6 * Math.min(1, t / Math.max(1, src.duration))),
    strong,
  );
  // A character is about a line-height square; its strokes fill roughly a third of it.
  const lineCells = (found.lineHeight * src.height * k) / 2;
  const charCells = lineCells > 0 ? Math.max(6, 0.3 * lineCells * lineCells) : undefined;
  const segments = findSegments(scan.frames, { grid: scan.grid, fps: opts.fps, sampleEvery, charCells });
  ctx.log(`subtitles: band y=${top}+${height}, ${scan.frames.length} frames, ${segments.length} segments`);
  const step =
    scan.pts.length > 1
      ? (scan.pts[scan.pts.length - 1]! - scan.pts[0]!) / (scan.pts.length - 1)
      : 1 / opts.fps;
  const time = (f: number): number =>
    scan.pts[f] ?? (scan.pts[scan.pts.length - 1] ?? 0) + step * (f - scan.pts.length + 1);
  const cues: Cue[] = [];
  // Text of the picture read beside a subtitle (off the frame's axis): on-screen text.
  const beside: Array<{ start: number; end: number; text: string }> = [];
  type Reading = { read: Pick<Cue, 'lines' | 'confidence' | 'offAxis'> | null; aside: string[] };
  const readings: Array<{ core: Uint32Array; shown: Uint32Array } & Reading> = [];
  let ocrCalls = 0;
  const readSegment = async (seg: Segment, i: number): Promise<Reading> => {
    const hi = join(opts.dir, 'hi', `${String(seg.ocrFrame / sampleEvery + 1).padStart(6, '0')}.jpg`);
    const rect = cropRect(seg, plan, src.width);
    const letters = join(opts.dir, `cue${i}.png`);
    const cleaned = await writeLetters(hi, rect, letters, { fill: readFill, channel });
    ocrCalls++;
    let lines = await readText(letters);
    // Nothing left once the background went (letters with no outline to set them apart):
    // read the crop as it is.
    if (!lines.length && cleaned.dropped > 0) {
      const raw = join(opts.dir, `cue${i}.raw.png`);
      await writeCrop(hi, rect, raw);
      ocrCalls++;
      lines = await readText(raw);
    }
    const kept = lines.filter((l) => !persistent.some((p) => textSimilarity(p.text, l.text) >= 0.8));
    // Rendered tracks may place a subtitle anywhere on the canvas.
    const split = opts.wholeFrame
      ? { own: kept, aside: [], offAxis: false }
      : splitReading(kept, rect.left, src.width);
    const read = cueLines(split.own, opts.language);
    return { read: read && { ...read, offAxis: split.offAxis }, aside: split.aside.map((l) => l.text) };
  };
  for (const [i, seg] of segments.entries()) {
    ctx.signal.throwIfAborted();
    if (seg.ocrFrame < 0) continue;
    // The same picture of text seen before (after a cut away and back, or a logo-only run) is not read again.
    // Identical up to half a character: a one-word edit in a line of the same length differs more.
    // And so was the frame read: a small sign over a busy still picture can be missing from a
    // run's core (it showed in too few of its frames) though it was read there.
    const char = charCells ?? minCells(scan.grid) / 2;
    const shown = stableAt(scan.frames, seg.ocrFrame);
    const known = readings.find(
      (r) => countXor(r.core, seg.core) <= 0.5 * char && countXor(r.shown, shown) <= char,
    );
    const { read, aside } = known ?? (await readSegment(seg, i));
    if (!known) readings.push({ core: seg.core, shown, read, aside });
    if (read) cues.push({ start: time(seg.start), end: time(seg.end), ...read });
    for (const text of aside) beside.push({ start: time(seg.start), end: time(seg.end), text });
    ctx.onProgress(0.7 + (0.3 * (i + 1)) / segments.length);
  }
  const { dialogue, picture } = separatePictureText(mergeCues(cues, 3 / opts.fps), src.duration, opts.fps);
  // Readings off the axis that merged into no subtitle's are text of the picture.
  for (const c of dialogue) if (c.offAxis) beside.push({ start: c.start, end: c.end, text: cueText(c) });
  return {
    cues: dialogue.filter((c) => !c.offAxis),
    onscreen: [...onscreen, ...picture, ...mergeOnscreen(beside, 3 / opts.fps)],
    segments: segments.length,
    ocrCalls,
  };
}

/** Up to this many subtitle lines of the samples are measured for their letters' fill. */
const FILL_SAMPLES = 8;

/**
 * The fill of the subtitle lines the band finder read, in the scan's luma (for the masks) and
 * in the crops' gray (for letter isolation); null when no line showed isolated letters. And the
 * colour channel their letters are a pure colour of, when that is what isolates them.
 */
async function measureFill(
  samples: readonly Sample[],
  lines: BandResult['lines'],
): Promise<{ mask: number | null; read: number | null; channel: Channel | null }> {
  const rgb: RgbCrop[] = [];
  const gray: GrayCrop[] = [];
  for (const { sample, box } of lines.slice(0, FILL_SAMPLES)) {
    const s = samples[sample];
    if (!s?.file) continue;
    // Margin around the OCR box: isolated letters must not touch the crop's edge.
    const m = 0.4 * (box[3] - box[1]) * s.height;
    const left = Math.max(0, Math.floor(box[0] * s.width - m));
    const top = Math.max(0, Math.floor(box[1] * s.height - m));
    const right = Math.min(s.width, Math.ceil(box[2] * s.width + m));
    const bottom = Math.min(s.height, Math.ceil(box[3] * s.height + m));
    if (right - left < 4 || bottom - top < 4) continue;
    const rect = { left, top, width: right - left, height: bottom - top };
    rgb.push(await readRgbRect(s.file, rect));
    gray.push(await readGrayRect(s.file, rect));
  }
  const luma = rgb.map((c) => ({ gray: plane(c, 'luma'), width: c.width, height: c.height }));
  return { mask: letterFill(luma), read: letterFill(gray), channel: letterChannel(rgb) };
}

/** The subtitle's pixels in the hi-res crop, with a margin the text detector needs. */
function cropRect(seg: Segment, plan: ScanPlan, width: number): CropRect {
  const kx = width / plan.analysis.width;
  const ky = plan.height / plan.analysis.height;
  const [x0, y0, x1, y1] = seg.cells;
  const textH = (y1 - y0) * 2 * ky;
  const m = Math.max(12, Math.round(textH * 0.4));
  const left = Math.max(0, Math.floor(x0 * 2 * kx) - m);
  const top = Math.max(0, Math.floor(y0 * 2 * ky) - m);
  const right = Math.min(width, Math.ceil(x1 * 2 * kx) + m);
  const bottom = Math.min(plan.height, Math.ceil(y1 * 2 * ky) + m);
  return { left, top, width: Math.max(1, right - left), height: Math.max(1, bottom - top) };
}
