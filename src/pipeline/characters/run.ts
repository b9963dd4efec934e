/**
 * I/O of the character step: embedding cast reference photos with the face model, and cutting
 * the representative face crop (`characters/ID.jpg`) out of the source video.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import sharp from 'sharp';
import { runProcessBuffer } from './frame.js';
import { getFaceDetector } from '../faces/detector.js';
import { normaliseEmbedding } from '../faces/measure.js';
import type { Box } from '../faces/types.js';
import type { ReferenceFace } from './types.js';

/** Embeds the largest face of every photo; photos without a face are skipped (listed in `missing`). */
export async function embedReferencePhotos(
  cast: ReadonlyArray<{ name: string; images: readonly string[] }>,
  signal?: AbortSignal,
): Promise<{ references: ReferenceFace[]; missing: string[] }> {
  const detector = await getFaceDetector();
  const references: ReferenceFace[] = [];
  const missing: string[] = [];
  for (const person of cast) {
    const embeddings: number[][] = [];
    for (const file of person.images) {
      signal?.throwIfAborted();
      const { data, info } = await sharp(file)
        .rotate()
        .resize({ width: 960, height: 960, fit: 'inside', withoutEnlargement: true })
        .removeAlpha()
        .raw()
        .toBuffer({ resolveWithObject: true });
      const faces = (await detector.detect(new Uint8Array(data), info.width, info.height, true)).filter(
        (f) => f.embedding && f.embedding.length > 0,
      );
      const largest = faces.sort((a, b) => b.box[2] * b.box[3] - a.box[2] * a.box[3])[0];
      if (largest?.embedding) embeddings.push(normaliseEmbedding(largest.embedding));
      else missing.push(file);
    }
    references.push({ name: person.name, embeddings });
  }
  return { references, missing };
}

/**
 * Writes a square JPEG around a face box (display pixels) at `time` (player timeline), with a
 * margin so hair and chin show, clamped to the frame.
 */
export async function writeFaceCrop(
  video: string,
  time: number,
  box: Box,
  outFile: string,
  opts: { startTime?: number; size?: number; signal?: AbortSignal } = {},
): Promise<void> {
  const png = await runProcessBuffer(
    'ffmpeg',
    [
      '-v',
      'error',
      '-ss',
      (time + (opts.startTime ?? 0)).toFixed(3),
      '-i',
      video,
      '-map',
      '0:v:0',
      '-frames:v',
      '1',
      '-f',
      'image2pipe',
      '-c:v',
      'png',
      'pipe:1',
    ],
    opts.signal,
  );
  const img = sharp(png);
  const { width = 0, height = 0 } = await img.metadata();
  const [x, y, w, h] = box;
  const side = Math.min(width, height, Math.round(Math.max(w, h) * 1.6));
  const left = Math.max(0, Math.min(width - side, Math.round(x + w / 2 - side / 2)));
  const top = Math.max(0, Math.min(height - side, Math.round(y + h / 2 - side / 2)));
  await mkdir(dirname(outFile), { recursive: true });
  const size = opts.size ?? 256;
  await img
    .extract({ left, top, width: side, height: side })
    .resize(size, size)
    .jpeg({ quality: 88 })
    .toFile(outFile);
}
