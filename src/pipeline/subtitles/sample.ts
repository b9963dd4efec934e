/**
 * I/O: OCR a few frames spread over the video to find the subtitle band and persistent text.
 * Short clips (and rendered tracks) are decoded once with an fps filter; long files are sampled
 * at keyframes so the whole file is not decoded twice.
 */
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { runProcess } from '../../process/spawn.js';
import { fit, sampleFramesArgs, seekFramesArgs, type VideoSource } from './args.js';
import type { Sample } from './band.js';
import { readImage } from './ocr.js';

/** Long side of sampled frames: enough for the detector to see subtitle-sized text. */
const SAMPLE_LONG_SIDE = 960;
const SHORT_CLIP_SECONDS = 90;

export function sampleCount(duration: number): number {
  return Math.max(8, Math.min(16, Math.round(duration / 3)));
}

export async function sampleFrames(
  src: VideoSource,
  file: string | null,
  dir: string,
  signal: AbortSignal,
): Promise<Sample[]> {
  await mkdir(dir, { recursive: true });
  const n = sampleCount(src.duration);
  if (file === null || src.duration <= SHORT_CLIP_SECONDS) {
    await runProcess('ffmpeg', {
      args: sampleFramesArgs(src, n, SAMPLE_LONG_SIDE, join(dir, 's%03d.png')),
      signal,
      timeoutMs: 600_000,
    });
  } else {
    const times = Array.from({ length: n }, (_, i) => ((i + 0.5) * src.duration) / n);
    const args = seekFramesArgs(file, times, src.width, src.height, SAMPLE_LONG_SIDE, (i) =>
      join(dir, `s${String(i + 1).padStart(3, '0')}.png`),
    );
    await runProcess('ffmpeg', { args, signal, timeoutMs: 600_000 });
  }
  const size = fit(src.width, src.height, SAMPLE_LONG_SIDE);
  const files = (await readdir(dir)).filter((f) => f.endsWith('.png')).sort();
  const samples: Sample[] = [];
  for (const f of files) {
    signal.throwIfAborted();
    samples.push({ ...size, lines: await readImage(join(dir, f)), file: join(dir, f) });
  }
  return samples;
}
