/**
 * Pure: the subtitle's letters isolated from the picture before OCR. A subtitle is bright fill
 * inside a dark outline or shadow; the picture behind it is not. So the bright regions of the
 * crop are kept when the dark surrounds them and dropped when they touch the crop's edge or
 * fill most of its height (a white wall, a lit window, a stripe of a test chart behind the
 * words). Strokes of one subtitle are about equally thick, so a region far thicker than the
 * usual stroke (a lit block enclosed by the outlines) or far thinner (the filaments of a busy
 * picture) is dropped too. The recogniser then reads white letters on black: the OCR package
 * misread "I" as "O" and "ll" as "W" on a white background and lost word spaces over bright
 * stripes; on the same crops cleaned it read them right (eval:dialogue).
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
/** A letter's thickest stroke is within these factors of the subtitle's median stroke. */
const THINNER = 2.5;
const THICKER = 3;
/** A letter touches a taken-out bright area along at most this share of its edge. */
const MAX_CONTACT = 0.08;

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
  /** Edge pixels in a bright area taken out as background. */
  contact: number;
  /** Chessboard distance from the region's innermost pixel to its edge: half its thickest stroke. */
  thickness: number;
}

/** Chessboard distance of every pixel of `mask` to the nearest pixel outside it (0 outside). */
function depth(mask: Uint8Array, w: number, h: number): Uint16Array {
  const d = new Uint16Array(w * h);
  const at = (x: number, y: number): number => (x < 0 || y < 0 || x >= w || y >= h ? 0 : d[y * w + x]!);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++)
      if (mask[y * w + x])
        d[y * w + x] = 1 + Math.min(at(x - 1, y), at(x - 1, y - 1), at(x, y - 1), at(x + 1, y - 1));
  for (let y = h - 1; y >= 0; y--)
    for (let x = w - 1; x >= 0; x--) {
      const i = y * w + x;
      if (d[i])
        d[i] = Math.min(d[i], 1 + Math.min(at(x + 1, y), at(x + 1, y + 1), at(x, y + 1), at(x - 1, y + 1)));
    }
  return d;
}

/**
 * Labels the 4-connected regions of `mask`, counting for each how much of its edge is dark
 * (a pixel whose neighbourhood minimum in `darkNear` is below `dark`).
 */
function regions(
  mask: Uint8Array,
  w: number,
  h: number,
  darkNear: Uint8Array,
  dark: number,
  cut?: Uint8Array,
): { label: Int32Array; list: Region[] } {
  const inner = depth(mask, w, h);
  const label = new Int32Array(w * h).fill(-1);
  const list: Region[] = [];
  const stack: number[] = [];
  for (let seed = 0; seed < w * h; seed++) {
    if (!mask[seed] || label[seed]! >= 0) continue;
    const r: Region = {
      x0: w,
      y0: h,
      x1: -1,
      y1: -1,
      touchesEdge: false,
      edge: 0,
      dark: 0,
      contact: 0,
      thickness: 0,
    };
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
      r.thickness = Math.max(r.thickness, inner[p]!);
      if (x === 0 || y === 0 || x === w - 1 || y === h - 1) r.touchesEdge = true;
      const visit = (q: number): void => {
        if (mask[q]) {
          if (label[q]! < 0) {
            label[q] = id;
            stack.push(q);
          }
        } else {
          r.edge++;
          if (darkNear[q]! < dark) r.dark++;
          if (cut?.[q]) r.contact++;
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

/**
 * The crop with everything but the subtitle's letters set to black. `fill`, when the video's
 * letters are known to be darker than white (blue, green), caps the brightness a letter needs:
 * over a white part of the picture the usual share of the brightest pixels would exclude them.
 */
export function isolateLetters(gray: Uint8Array, w: number, h: number, fill?: number): Cleaned {
  const bright = fill === undefined ? fillThreshold(gray) : Math.min(fillThreshold(gray), 0.8 * fill);
  const dark = bright * OUTLINE_DARK;
  const darkNear = localExtreme(gray, w, h, OUTLINE_REACH, 'min');
  const mask = new Uint8Array(w * h);
  for (let i = 0; i < w * h; i++) if (gray[i]! >= bright) mask[i] = 1;
  const enclosed = (r: Region): boolean =>
    !r.touchesEdge &&
    r.y1 - r.y0 + 1 < MAX_HEIGHT * h &&
    r.dark >= ENCLOSED * r.edge &&
    r.contact <= MAX_CONTACT * r.edge;
  let found = regions(mask, w, h, darkNear, dark);
  // The usual stroke: median over enclosed regions more than a pixel thick (specks are many).
  const strokes = found.list
    .filter((r) => enclosed(r) && r.thickness > 1)
    .map((r) => r.thickness)
    .sort((a, b) => a - b);
  const stroke = strokes[strokes.length >> 1] ?? 1;
  const limit = Math.max(4, stroke * THICKER);
  // Bright areas thicker than any stroke (the opening of the mask by a square that big) are
  // taken out before labelling again: a letter touching one through a gap in its outline would
  // otherwise be dropped with it. What is left of such an area between the letters touches the
  // taken-out part along its width, a letter only at the gap: `cut` tells them apart.
  const inner = depth(mask, w, h);
  const core = new Uint8Array(w * h);
  let thick = false;
  for (let i = 0; i < w * h; i++)
    if (inner[i]! > limit) {
      core[i] = 1;
      thick = true;
    }
  let cut: Uint8Array | undefined;
  if (thick) {
    cut = localExtreme(core, w, h, limit, 'max');
    for (let i = 0; i < w * h; i++) if (cut[i]) mask[i] = 0;
    found = regions(mask, w, h, darkNear, dark, cut);
  }
  const { label, list } = found;
  const keep = list.map((r) => enclosed(r) && r.thickness >= stroke / THINNER && r.thickness <= limit);
  const letters = new Uint8Array(w * h);
  for (let i = 0; i < w * h; i++) if (label[i]! >= 0 && keep[label[i]!]) letters[i] = 1;
  const near = localExtreme(letters, w, h, RIM, 'max');
  const out = new Uint8Array(w * h);
  for (let i = 0; i < w * h; i++) if (near[i]) out[i] = gray[i]!;
  const kept = keep.filter(Boolean).length;
  return { gray: out, kept, dropped: list.length - kept };
}
