/**
 * The OCR engine (PP-OCRv4 via @gutenye/ocr-node), created once per process on first use. The
 * import is dynamic so processes that never read subtitles (the API server) never load
 * onnxruntime or the models.
 */
import { readLatinLine } from './recognise.js';
import { combineReadings } from './spacing.js';
import { textSimilarity } from './text.js';
import type { Box, OcrLine } from './types.js';

const NON_LATIN = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/;

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

/**
 * Read the subtitle lines of an image; Latin-script lines are read again with character
 * positions to restore dropped word spaces (and a clipped first letter). The first reading
 * keeps its letters (the package's crop reads italics better); a second reading that agrees on
 * too few letters (a misplaced crop) is ignored.
 */
export async function readText(path: string): Promise<OcrLine[]> {
  const out: OcrLine[] = [];
  for (const l of await readImage(path)) {
    const latin = !NON_LATIN.test(l.text) && /[A-Za-z]/.test(l.text);
    const again = latin ? await readLatinLine(path, l.box) : null;
    const agree = again && textSimilarity(again.text, l.text) >= 0.6;
    out.push(agree ? { ...l, text: combineReadings(l.text, again.text) } : l);
  }
  return out;
}

/** Number of OCR calls made by this process (for benchmarks). */
export function ocrCallCount(): number {
  return calls;
}
