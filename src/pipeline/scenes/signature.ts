/**
 * Pure colour signature of a keyframe: a hue × saturation histogram with separate grey bins by
 * brightness. A setting keeps its palette (walls, light, props) across camera angles, while the
 * layout changes with every reverse shot, so the palette is what scenes and locations compare.
 */

const HUE_BINS = 12;
const SAT_BINS = 2;
const VAL_BINS = 2;
const COLOUR_BINS = HUE_BINS * SAT_BINS * VAL_BINS;
const GREY_BINS = 4;
/** Below this saturation a pixel counts as grey. */
const GREY_SAT = 0.2;
/** Below this brightness a pixel is black: hue means nothing there and most footage has plenty. */
const BLACK = 0.12;
/** Black pixels count less: shadows and letterboxes say little about the place. */
const BLACK_WEIGHT = 0.25;

export const SIGNATURE_LENGTH = COLOUR_BINS + GREY_BINS + 1;

/** Colour signature of packed RGB pixels (any size): normalised to sum 1. */
export function colourSignature(rgb: Uint8Array): number[] {
  const hist = new Array<number>(SIGNATURE_LENGTH).fill(0);
  const n = Math.floor(rgb.length / 3);
  for (let p = 0; p < n; p++) {
    const r = rgb[3 * p]! / 255;
    const g = rgb[3 * p + 1]! / 255;
    const b = rgb[3 * p + 2]! / 255;
    const max = Math.max(r, g, b);
    const min = Math.min(r, g, b);
    const sat = max > 0 ? (max - min) / max : 0;
    if (max < BLACK) {
      hist[SIGNATURE_LENGTH - 1]! += BLACK_WEIGHT;
      continue;
    }
    if (sat < GREY_SAT) {
      hist[COLOUR_BINS + Math.min(GREY_BINS - 1, Math.floor(((max - BLACK) / (1 - BLACK)) * GREY_BINS))]! +=
        1;
      continue;
    }
    const d = max - min;
    let h = max === r ? (g - b) / d : max === g ? 2 + (b - r) / d : 4 + (r - g) / d;
    h = (((h / 6) % 1) + 1) % 1;
    const hb = Math.min(HUE_BINS - 1, Math.floor(h * HUE_BINS));
    const sb = Math.min(SAT_BINS - 1, Math.floor(((sat - GREY_SAT) / (1 - GREY_SAT)) * SAT_BINS));
    const vb = Math.min(VAL_BINS - 1, Math.floor(((max - BLACK) / (1 - BLACK)) * VAL_BINS));
    hist[(hb * SAT_BINS + sb) * VAL_BINS + vb]! += 1;
  }
  const total = hist.reduce((a, v) => a + v, 0);
  return hist.map((v) => v / Math.max(1e-9, total));
}

/**
 * Histogram intersection (1 = same palette), with each bin also credited against its hue
 * neighbours at half weight so a slight colour shift between cameras does not read as a new place.
 */
export function paletteSimilarity(a: readonly number[], b: readonly number[]): number {
  const soft = (h: readonly number[]): number[] =>
    h.map((v, i) => {
      if (i >= COLOUR_BINS) return v;
      const per = SAT_BINS * VAL_BINS;
      const hb = Math.floor(i / per);
      const rest = i % per;
      const left = h[((hb + HUE_BINS - 1) % HUE_BINS) * per + rest]!;
      const right = h[((hb + 1) % HUE_BINS) * per + rest]!;
      return (v + 0.25 * (left + right)) / 1.5;
    });
  const sa = soft(a);
  const sb = soft(b);
  let inter = 0;
  let total = 0;
  for (let i = 0; i < sa.length; i++) {
    inter += Math.min(sa[i]!, sb[i]!);
    total += sa[i]!;
  }
  return total > 0 ? inter / total : 0;
}

/** Mean of several signatures (a scene's palette). */
export function meanSignature(sigs: ReadonlyArray<readonly number[]>): number[] {
  const out = new Array<number>(SIGNATURE_LENGTH).fill(0);
  for (const s of sigs) s.forEach((v, i) => (out[i]! += v / sigs.length));
  return out;
}
