/**
 * I/O: the subtitle's rectangle of a full-resolution frame written for OCR, either as letters
 * on black (clean.ts) or as taken.
 */
import { channelLetters, type Channel, type RgbCrop } from './channel.js';
import { isolateLetters, type Cleaned } from './clean.js';
import type { GrayCrop } from './fill.js';

export interface CropRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * Writes the rectangle's letters on black to `out` (PNG); says how many regions were dropped.
 * Letters are isolated in gray, or in `channel` for letters of that pure colour (channel.ts).
 */
export async function writeLetters(
  frame: string,
  rect: CropRect,
  out: string,
  opts: { fill?: number; channel?: Channel } = {},
): Promise<Omit<Cleaned, 'gray'>> {
  const { default: sharp } = await import('sharp');
  const { fill, channel } = opts;
  const { width, height, cleaned } =
    channel === undefined
      ? await readGrayRect(frame, rect).then((c) => ({
          ...c,
          cleaned: isolateLetters(c.gray, c.width, c.height, fill),
        }))
      : await readRgbRect(frame, rect).then((c) => ({ ...c, cleaned: channelLetters(c, channel) }));
  const letters = cleaned.gray;
  await sharp(Buffer.from(letters.buffer, letters.byteOffset, letters.length), {
    raw: { width, height, channels: 1 },
  })
    .png()
    .toFile(out);
  return { kept: cleaned.kept, dropped: cleaned.dropped };
}

/** The rectangle of a picture file as interleaved RGB. */
export async function readRgbRect(frame: string, rect: CropRect): Promise<RgbCrop> {
  const { default: sharp } = await import('sharp');
  const { data, info } = await sharp(frame)
    .extract(rect)
    .removeAlpha()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
    rgb: new Uint8Array(data.buffer, data.byteOffset, data.length),
    width: info.width,
    height: info.height,
  };
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
