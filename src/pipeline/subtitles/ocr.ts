/**
 * The OCR engine (PP-OCRv4 via @gutenye/ocr-node), created once per process on first use. The
 * import is dynamic so processes that never read subtitles (the API server) never load
 * onnxruntime or the models.
 */
import type { Box, OcrLine } from './types.js';

interface Engine {
  detect(image: string): Promise<Array<{ text: string; mean: number; box?: number[][] }>>;
}

let engine: Promise<Engine> | null = null;
let calls = 0;

function load(): Promise<Engine> {
  engine ??= (async () => {
    const mod = await import('@gutenye/ocr-node');
    // Two cores are shared with ffmpeg and other stages: do not let onnxruntime take more.
    return (await mod.default.create({
      onnxOptions: { intraOpNumThreads: 2, interOpNumThreads: 1 },
    })) as Engine;
  })();
  engine.catch(() => (engine = null));
  return engine;
}

function toBox(points: number[][] | undefined): Box {
  if (!points?.length) return [0, 0, 0, 0];
  const xs = points.map((p) => p[0] ?? 0);
  const ys = points.map((p) => p[1] ?? 0);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** Read the text lines of an image file. */
export async function readImage(path: string): Promise<OcrLine[]> {
  const ocr = await load();
  calls++;
  const lines = await ocr.detect(path);
  return lines.map((l) => ({ text: l.text, mean: l.mean, box: toBox(l.box) }));
}

/** Number of OCR calls made by this process (for benchmarks). */
export function ocrCallCount(): number {
  return calls;
}
