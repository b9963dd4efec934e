/**
 * Pure ffmpeg argument builders for the subtitle passes. A `VideoSource` is the input arguments
 * plus a filter chain ending in `[src]` (the file's picture). Bitmap tracks (PGS, VobSub) are
 * timed from their decoded events (ffprobe) and drawn once per change by ffmpeg's sub2video.
 */
import type { Channel } from './channel.js';

export interface VideoSource {
  inputs: string[];
  chain: string;
  width: number;
  height: number;
  duration: number;
}

export function fileSource(file: string, width: number, height: number, duration: number): VideoSource {
  return { inputs: ['-i', file], chain: '[0:v:0]null[src]', width, height, duration };
}

/** Size that fits `longSide`, both sides even. */
export function fit(width: number, height: number, longSide: number): { width: number; height: number } {
  const k = Math.min(1, longSide / Math.max(width, height, 1));
  const even = (v: number): number => Math.max(2, 2 * Math.round((v * k) / 2));
  return { width: even(width), height: even(height) };
}

/** N evenly spaced frames decoded in one pass (short clips and rendered tracks). */
export function sampleFramesArgs(
  src: VideoSource,
  count: number,
  longSide: number,
  outPattern: string,
): string[] {
  const s = fit(src.width, src.height, longSide);
  const rate = `${count}/${Math.max(0.04, src.duration).toFixed(3)}`;
  const graph = `${src.chain};[src]fps=${rate},scale=${s.width}:${s.height}[out]`;
  return [
    '-v',
    'error',
    '-nostdin',
    '-y',
    ...src.inputs,
    '-filter_complex',
    graph,
    '-map',
    '[out]',
    '-frames:v',
    String(count),
    '-f',
    'image2',
    outPattern,
  ];
}

/** Keyframes nearest before each time (fast on long files: no decoding between keyframes). */
export function seekFramesArgs(
  file: string,
  times: readonly number[],
  width: number,
  height: number,
  longSide: number,
  outPattern: (i: number) => string,
): string[] {
  const s = fit(width, height, longSide);
  const args = ['-v', 'error', '-nostdin', '-y'];
  for (const t of times) args.push('-noaccurate_seek', '-ss', t.toFixed(3), '-i', file);
  times.forEach((_, i) =>
    args.push('-map', `${i}:v:0`, '-frames:v', '1', '-vf', `scale=${s.width}:${s.height}`, outPattern(i)),
  );
  return args;
}

export interface ScanPlan {
  /** Band in display pixels (full width). */
  top: number;
  height: number;
  /** Low-resolution gray analysis size of the band. */
  analysis: { width: number; height: number };
  /** A full-resolution JPEG of the band every this many frames. */
  sampleEvery: number;
  hiPattern: string;
  /** Letters of this channel's pure colour: decode RGB for `colourGray` (channel.ts). */
  channel?: Channel;
}

/**
 * One decode: gray band frames to stdout (with showinfo timestamps) and sparse hi-res crops.
 * For letters of a pure colour the frames are RGB: the scan makes its gray from them (channel.ts).
 */
export function scanArgs(src: VideoSource, plan: ScanPlan): string[] {
  const crop = `crop=${src.width}:${plan.height}:0:${plan.top}`;
  const pixFmt = plan.channel === undefined ? 'gray' : 'rgb24';
  const graph =
    `${src.chain};[src]${crop},split=2[a][b];` +
    `[a]scale=${plan.analysis.width}:${plan.analysis.height}:flags=area,format=${pixFmt},showinfo[lo];` +
    `[b]select='not(mod(n\\,${plan.sampleEvery}))'[hi]`;
  return [
    ...['-v', 'info', '-nostdin', '-y', ...src.inputs, '-filter_complex', graph],
    ...['-map', '[lo]', '-fps_mode', 'passthrough', '-f', 'rawvideo', '-pix_fmt', pixFmt, 'pipe:1'],
    ...['-map', '[hi]', '-fps_mode', 'passthrough', '-q:v', '2', '-f', 'image2', plan.hiPattern],
  ];
}

/** Convert a text subtitle stream to SRT on stdout. */
export function extractTextTrackArgs(file: string, streamIndex: number): string[] {
  return ['-v', 'error', '-nostdin', '-i', file, '-map', `0:${streamIndex}`, '-f', 'srt', 'pipe:1'];
}

/** Decoded events of one subtitle stream with their packets' durations, and the stream's size. */
export function bitmapEventsArgs(file: string, streamIndex: number): string[] {
  return [
    ...['-v', 'error', '-select_streams', String(streamIndex), '-show_packets', '-show_frames'],
    ...['-show_entries', 'stream=width,height:packet=pts_time,duration_time:subtitle', '-of', 'json', file],
  ];
}

/**
 * Every change of a bitmap subtitle stream as a PNG on a transparent canvas of the size the
 * track was authored for (ffmpeg's sub2video emits a frame whenever the shown picture changes),
 * with showinfo lines giving each frame's time.
 */
export function bitmapFramesArgs(
  file: string,
  streamIndex: number,
  canvas: { width: number; height: number },
  outPattern: string,
): string[] {
  return [
    ...['-v', 'info', '-nostdin', '-y', '-canvas_size', `${canvas.width}x${canvas.height}`, '-i', file],
    ...['-filter_complex', `[0:${streamIndex}]showinfo[s]`, '-map', '[s]', '-fps_mode', 'passthrough'],
    // Changes can be a millisecond apart: keep them distinct in the muxer's time base.
    ...['-enc_time_base', '1:1000', '-f', 'image2', outPattern],
  ];
}
