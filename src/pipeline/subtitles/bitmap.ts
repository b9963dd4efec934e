/**
 * I/O: dialogue from a bitmap subtitle track (PGS, VobSub). Times come from the decoder's own
 * events (ffprobe), pictures from ffmpeg's sub2video (one frame per change, on a canvas of the
 * track's authored size); each distinct picture is cropped to its text and read once by OCR.
 */
import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { runProcess, startProcess } from '../../process/spawn.js';
import type { MediaInfo } from '../probe/types.js';
import type { StageContext } from '../types.js';
import { bitmapEventsArgs, bitmapFramesArgs } from './args.js';
import { displayIntervals, mergeRepeats, parseBitmapProbe, pickFrame } from './bitmap-timing.js';
import type { BurnedResult } from './burned.js';
import { cueLines, cueText } from './cues.js';
import { readText } from './ocr.js';
import { normalize } from './text.js';
import type { Cue } from './types.js';

const SHOWINFO = /\bn:\s*(\d+)\s+pts:\s*-?\d+\s+pts_time:\s*(-?[\d.eE+-]+)/;
/** Cues of the same text this close are one subtitle shown again (refresh, palette fade). */
const REPEAT_GAP = 0.1;
/** Canvases this small (DVD) have text lines ~20 px high: upscaled 2x before OCR. */
const SD_CANVAS = 576;

type Reading = ReturnType<typeof cueLines>;

export async function readBitmapTrack(
  file: string,
  media: MediaInfo,
  streamIndex: number,
  opts: { ctx: StageContext; language: string; dir: string },
): Promise<BurnedResult> {
  const { ctx } = opts;
  const { stdout } = await runProcess('ffprobe', {
    args: bitmapEventsArgs(file, streamIndex),
    signal: ctx.signal,
    timeoutMs: 300_000,
  });
  const probe = parseBitmapProbe(stdout);
  const intervals = displayIntervals(probe.events, media.startTime + media.durationSeconds);
  ctx.onProgress(0.1);
  if (intervals.length === 0) return { cues: [], onscreen: [], segments: 0, ocrCalls: 0 };
  const canvas = probe.canvas ?? {
    width: media.video?.storedWidth || 1920,
    height: media.video?.storedHeight || 1080,
  };
  const frames = await renderFrames(file, streamIndex, canvas, join(opts.dir, 'frames'), ctx.signal);
  ctx.onProgress(0.3);
  const { default: sharp } = await import('sharp');
  const k = canvas.height <= SD_CANVAS ? 2 : 1;
  const readings = new Map<string, Reading>();
  const cues: Array<Cue & { key: string }> = [];
  let ocrCalls = 0;
  for (const [i, iv] of intervals.entries()) {
    ctx.signal.throwIfAborted();
    const frame = pickFrame(frames.times, iv.at);
    if (frame < 0) continue;
    const flat = sharp(join(frames.dir, frameName(frame))).flatten({ background: '#000000' });
    const { data, info } = await flat
      .clone()
      .trim({ threshold: 16 })
      .greyscale()
      .raw()
      .toBuffer({ resolveWithObject: true })
      .catch(() => ({ data: null, info: null }));
    // An all-black picture (nothing drawn, or fully transparent) trims to an error or to 1 px.
    if (!data || !info || info.width < 4 || info.height < 4) continue;
    const left = -(info.trimOffsetLeft ?? 0);
    const top = -(info.trimOffsetTop ?? 0);
    // The same picture (shape of the text, not its colour: a palette fade keeps the shape) is read once.
    const key = pictureKey(data, info.width, info.height, left, top);
    let read = readings.get(key);
    if (read === undefined) {
      const png = join(opts.dir, `cue${i}.png`);
      const m = Math.max(16, Math.round(Math.min(info.height, 120) * 0.3));
      await flat
        .extract({ left, top, width: info.width, height: info.height })
        .extend({ top: m, bottom: m, left: m, right: m, background: '#000000' })
        .resize({ width: (info.width + 2 * m) * k, kernel: 'lanczos3' })
        .png()
        .toFile(png);
      ocrCalls++;
      read = cueLines(await readText(png), opts.language);
      readings.set(key, read);
    }
    if (read) cues.push({ start: iv.start, end: iv.end, ...read, key: normalize(cueText(read)) });
    ctx.onProgress(0.3 + (0.7 * (i + 1)) / intervals.length);
  }
  const merged = mergeRepeats(cues, REPEAT_GAP).map(({ key: _key, ...c }) => c);
  return { cues: merged, onscreen: [], segments: intervals.length, ocrCalls };
}

const frameName = (n: number): string => `${String(n + 1).padStart(6, '0')}.png`;

/** Hash of the text's shape (pixels brighter than the black canvas) and its place. */
function pictureKey(gray: Buffer, width: number, height: number, left: number, top: number): string {
  const bits = Buffer.alloc(Math.ceil(gray.length / 8));
  for (let i = 0; i < gray.length; i++) if (gray[i]! > 40) bits[i >> 3]! |= 1 << (i & 7);
  return createHash('sha1').update(`${left},${top},${width},${height};`).update(bits).digest('hex');
}

async function renderFrames(
  file: string,
  streamIndex: number,
  canvas: { width: number; height: number },
  dir: string,
  signal: AbortSignal,
): Promise<{ dir: string; times: number[] }> {
  await mkdir(dir, { recursive: true });
  const proc = startProcess('ffmpeg', {
    args: bitmapFramesArgs(file, streamIndex, canvas, join(dir, '%06d.png')),
    signal,
    timeoutMs: 1_800_000,
  });
  proc.stdin.end();
  const times: number[] = [];
  proc.onStderrLine((line) => {
    const m = line.includes('showinfo') ? SHOWINFO.exec(line) : null;
    if (m && Number(m[1]) === times.length) times.push(Number(m[2]));
  });
  await proc.done;
  return { dir, times };
}
