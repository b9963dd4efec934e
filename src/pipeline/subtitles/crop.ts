/**
 * I/O: the subtitle's rectangle of a full-resolution frame written for OCR, either as letters
 * on black (clean.ts) or as taken.
 */
import { isolateLetters, type Cleaned } from './clean.js';
import type { GrayCrop } from './fill.js';

export interface CropRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Writes the rectangle's letters on black to `out` (PNG); says how many regions were dropped. */
export async function writeLetters(
  frame: string,
  rect: CropRect,
  out: string,
  fill?: number,
): Promise<Omit<Cleaned, 'gray'>> {
  const { default: sharp } = await import('sharp');
  const crop = await readGrayRect(frame, rect);
  const cleaned = isolateLetters(crop.gray, crop.width, crop.height, fill);
  await sharp(Buffer.from(cleaned.gray.buffer, cleaned.gray.byteOffset, cleaned.gray.length), {
    raw: { width: crop.width, height: crop.height, channels: 1 },
  })
    .png()
    .toFile(out);
  return { kept: cleaned.kept, dropped: cleaned.dropped };
}

/**
 * The rectangle of a picture file as video-range luma (BT.601, 16-235): the values the band scan
 * sees in decoded frames, so a fill measured here compares with the mask thresholds.
 */
export async function readLumaRect(frame: string, rect: CropRect): Promise<GrayCrop> {
  const { default: sharp } = await import('sharp');
  const { data, info } = await sharp(frame)
    .extract(rect)
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const c = info.channels;
  const gray = new Uint8Array(info.width * info.height);
  for (let i = 0, j = 0; i < gray.length; i++, j += c)
    gray[i] =
      c < 3
        ? data[j]!
        : Math.round(16 + ((0.299 * data[j]! + 0.587 * data[j + 1]! + 0.114 * data[j + 2]!) * 219) / 255);
  return { gray, width: info.width, height: info.height };
}

/** The rectangle of a picture file in gray, as `writeLetters` sees it. */
export async function readGrayRect(frame: string, rect: CropRect): Promise<GrayCrop> {
  const { default: sharp } = await import('sharp');
  const { data, info } = await sharp(frame)
    .extract(rect)
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
    gray: new Uint8Array(data.buffer, data.byteOffset, data.length),
    width: info.width,
    height: info.height,
  };
}

/** Writes the rectangle as it is in the frame. */
export async function writeCrop(frame: string, rect: CropRect, out: string): Promise<void> {
  const { default: sharp } = await import('sharp');
  await sharp(frame).extract(rect).toFile(out);
}
