/** I/O shell of keyframes: JPEG writing with sharp, and a seek-and-grab fallback with ffmpeg. */
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { runProcess } from '../../process/spawn.js';
import type { Size } from '../decode/args.js';

const JPEG_QUALITY = 85;

/** Writer for candidate frames (packed RGB of `size`) into `dir`. */
export function candidateWriter(dir: string, size: Size): (frame: number, rgb: Buffer) => Promise<string> {
  let made: Promise<unknown> | null = null;
  return async (frame, rgb) => {
    made ??= mkdir(dir, { recursive: true });
    await made;
    const file = join(dir, `${String(frame).padStart(7, '0')}.jpg`);
    await sharp(rgb, { raw: { width: size.width, height: size.height, channels: 3 } })
      // No second pass for optimal Huffman tables: half the encoding time for files ~15 % larger,
      // and most candidates are deleted once the keyframes are chosen.
      .jpeg({ quality: JPEG_QUALITY, optimiseCoding: false })
      .toFile(file);
    return file;
  };
}

/** Keyframe file name for a 1-based shot index. */
export const keyframeName = (index: number): string => `${String(index).padStart(4, '0')}.jpg`;

export async function placeKeyframe(
  candidateFile: string,
  keyframeDir: string,
  index: number,
): Promise<string> {
  const name = keyframeName(index);
  await copyFile(candidateFile, join(keyframeDir, name));
  return name;
}

/** Decode one frame at `time` (player timeline) for a shot too short to own a candidate. */
export async function grabKeyframe(
  file: string,
  time: number,
  size: Size,
  keyframeDir: string,
  index: number,
  signal: AbortSignal,
): Promise<string> {
  const name = keyframeName(index);
  const args = ['-v', 'error', '-nostdin', '-ss', time.toFixed(3), '-i', file, '-frames:v', '1'];
  args.push('-vf', `scale=${size.width}:${size.height}`, '-q:v', '3', '-y', join(keyframeDir, name));
  await runProcess('ffmpeg', { args, signal, timeoutMs: 60_000 });
  return name;
}

export const removeDir = (dir: string): Promise<void> => rm(dir, { recursive: true, force: true });
