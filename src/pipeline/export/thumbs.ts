/**
 * Thumbnails for embedding in workbooks. Keyframes are full-resolution JPEGs; embedding them as
 * they are would make a 80-shot sheet tens of megabytes, so each is scaled to twice its display
 * size (sharp on a high-DPI screen) once per export run and shared by every workbook that shows it.
 */
import { access } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import sharp from 'sharp';

export interface Thumb {
  buffer: Buffer;
  /** Display size in pixels, inside the requested box, aspect kept. */
  width: number;
  height: number;
}

export interface Box {
  width: number;
  height: number;
}

export class ThumbCache {
  private readonly cache = new Map<string, Promise<Thumb | null>>();

  constructor(private readonly assetRoot: string) {}

  /** The image at `rel` (relative to the asset root) fitted in `box`, or null if it is missing. */
  get(rel: string, box: Box): Promise<Thumb | null> {
    // Documents name files inside the asset root; anything else is not ours to read.
    if (isAbsolute(rel) || rel.split(/[/\\]/).includes('..')) return Promise.resolve(null);
    const key = `${rel}@${box.width}x${box.height}`;
    let hit = this.cache.get(key);
    if (!hit) {
      hit = load(join(this.assetRoot, rel), box);
      this.cache.set(key, hit);
    }
    return hit;
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

async function load(file: string, box: Box): Promise<Thumb | null> {
  // A missing image leaves its cell with the path as text; an unreadable one is a real fault.
  if (!(await exists(file))) return null;
  const { data, info } = await sharp(file)
    .rotate()
    .resize({ width: box.width * 2, height: box.height * 2, fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 80 })
    .toBuffer({ resolveWithObject: true });
  // Scale the decoded size (not the 2x buffer) into the box: small sources are never enlarged.
  const scale = Math.min(1, box.width / info.width, box.height / info.height);
  return { buffer: data, width: Math.round(info.width * scale), height: Math.round(info.height * scale) };
}
