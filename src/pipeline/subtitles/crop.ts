/**
 * I/O: the subtitle's rectangle of a full-resolution frame written for OCR, either as letters
 * on black (clean.ts) or as taken.
 */
import { isolateLetters, type Cleaned } from './clean.js';

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
): Promise<Omit<Cleaned, 'gray'>> {
  const { default: sharp } = await import('sharp');
  const { data, info } = await sharp(frame)
    .extract(rect)
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const cleaned = isolateLetters(
    new Uint8Array(data.buffer, data.byteOffset, data.length),
    info.width,
    info.height,
  );
  await sharp(Buffer.from(cleaned.gray.buffer, cleaned.gray.byteOffset, cleaned.gray.length), {
    raw: { width: info.width, height: info.height, channels: 1 },
  })
    .png()
    .toFile(out);
  return { kept: cleaned.kept, dropped: cleaned.dropped };
}

/** Writes the rectangle as it is in the frame. */
export async function writeCrop(frame: string, rect: CropRect, out: string): Promise<void> {
  const { default: sharp } = await import('sharp');
  await sharp(frame).extract(rect).toFile(out);
}
