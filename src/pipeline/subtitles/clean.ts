/**
 * Pure: the subtitle's letters isolated from the picture before OCR. A subtitle is bright fill
 * inside a dark outline or shadow; the picture behind it is not. So the bright regions of the
 * crop are kept when the dark surrounds them and dropped when they touch the crop's edge or
 * fill most of its height (a white wall, a lit window, a stripe of a test chart behind the
 * words). The recogniser then reads white letters on black: the OCR package misread "I" as "O"
 * and "ll" as "W" on a white background and lost word spaces over bright stripes; on the same
 * crops cleaned it read them right (eval:dialogue).
 */
import { fillThreshold, localExtreme } from './pixels.js';

/** Half-width of the window searched for the outline around a fill pixel's edge. */
const OUTLINE_REACH = 2;
/** Outline pixels are darker than this share of the fill threshold. */
const OUTLINE_DARK = 0.45;
/** A letter's edge is mostly outline: at least this share of it. */
const ENCLOSED = 0.5;
/** A region taller than this share of the crop is background (the crop has margins around text). */
const MAX_HEIGHT = 0.7;
/** Pixels this close to a kept letter keep their value (anti-aliased rims, thin serifs). */
const RIM = 2;

export interface Cleaned {
  /** Letters on black, same size as the input. */
  gray: Uint8Array;
  /** Bright regions kept as letters and dropped as background. */
  kept: number;
  dropped: number;
}

interface Region {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  touchesEdge: boolean;
  edge: number;
  dark: number;
}

/** Labels 4-connected regions of pixels at or above `bright`; returns the labels and regions. */
function regions(
  gray: Uint8Array,
  w: number,
  h: number,
  bright: number,
  darkNear: Uint8Array,
): { label: Int32Array; list: Region[] } {
  const label = new Int32Array(w * h).fill(-1);
  const list: Region[] = [];
  const stack: number[] = [];
  const dark = bright * OUTLINE_DARK;
  for (let seed = 0; seed < w * h; seed++) {
    if (gray[seed]! < bright || label[seed]! >= 0) continue;
    const r: Region = { x0: w, y0: h, x1: -1, y1: -1, touchesEdge: false, edge: 0, dark: 0 };
    const id = list.length;
    label[seed] = id;
    stack.push(seed);
    while (stack.length) {
      const p = stack.pop()!;
      const x = p % w;
      const y = (p - x) / w;
      r.x0 = Math.min(r.x0, x);
      r.x1 = Math.max(r.x1, x);
      r.y0 = Math.min(r.y0, y);
      r.y1 = Math.max(r.y1, y);
      if (x === 0 || y === 0 || x === w - 1 || y === h - 1) r.touchesEdge = true;
      const visit = (q: number): void => {
        if (gray[q]! >= bright) {
          if (label[q]! < 0) {
            label[q] = id;
            stack.push(q);
          }
        } else {
          r.edge++;
          if (darkNear[q]! < dark) r.dark++;
        }
      };
      if (x > 0) visit(p - 1);
      if (x < w - 1) visit(p + 1);
      if (y > 0) visit(p - w);
      if (y < h - 1) visit(p + w);
    }
    list.push(r);
  }
  return { label, list };
}

/** The crop with everything but the subtitle's letters set to black. */
export function isolateLetters(gray: Uint8Array, w: number, h: number): Cleaned {
  const bright = fillThreshold(gray);
  const darkNear = localExtreme(gray, w, h, OUTLINE_REACH, 'min');
  const { label, list } = regions(gray, w, h, bright, darkNear);
  const keep = list.map(
    (r) => !r.touchesEdge && r.y1 - r.y0 + 1 < MAX_HEIGHT * h && r.dark >= ENCLOSED * r.edge,
  );
  const letters = new Uint8Array(w * h);
  for (let i = 0; i < w * h; i++) if (label[i]! >= 0 && keep[label[i]!]) letters[i] = 255;
  const near = localExtreme(letters, w, h, RIM, 'max');
  const out = new Uint8Array(w * h);
  for (let i = 0; i < w * h; i++) if (near[i]) out[i] = gray[i]!;
  const kept = keep.filter(Boolean).length;
  return { gray: out, kept, dropped: list.length - kept };
}
