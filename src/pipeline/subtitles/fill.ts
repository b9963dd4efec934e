/**
 * Pure: how bright this video's subtitle letters are, and the text-mask thresholds that follow.
 * The masks assume white or yellow fill (luma 150 and up); letters filled in blue or green
 * (luma ~130-140) would never be text. The letters of the subtitle lines the band finder read
 * are isolated in the sampled frames and their fill measured; only a clearly darker fill lowers
 * the thresholds, so a video with white subtitles is scanned exactly as before.
 */
import { isolateLetters } from './clean.js';
import { STRONG, type MaskThresholds } from './mask.js';

export interface GrayCrop {
  gray: Uint8Array;
  width: number;
  height: number;
}

/**
 * Fill (video-range luma) brighter than this is white, yellow or cyan (235, 210, 170): the default
 * thresholds fit it. Blue 0x3399ff is 131, green 0x33cc33 137.
 */
export const BRIGHT_FILL = 165;
/** Below this the fill is not measured reliably (red fill, 81, is not isolated as letters). */
export const DARKEST_FILL = 90;
/** A crop counts when this many letters (regions) and pixels of them were isolated. */
const MIN_LETTERS = 3;
const MIN_PIXELS = 30;

/**
 * A crop whose isolated letters cover less than this share of what the median crop's cover
 * (per pixel of crop: the crops fit their lines, long or short) isolated a fragment (a few
 * strokes, or the picture's edges, where the line crosses a cut to a busy picture), not its
 * line: at 480x270 such crops measured blue letters at luma 85, not 131.
 */
const MIN_SHARE_OF_TYPICAL = 0.25;

/** The isolated letters' fill (upper quartile of their pixels) and share of the crop; null when none. */
function measure(c: GrayCrop): { fill: number; cover: number } | null {
  const isolated = isolateLetters(c.gray, c.width, c.height);
  const letters = isolated.gray.filter((v) => v > 0);
  // One region is a bright patch of the picture, not a line of letters.
  if (isolated.kept < MIN_LETTERS || letters.length < MIN_PIXELS) return null;
  return { fill: fillOf(letters), cover: letters.length / (c.width * c.height) };
}

/**
 * The fill of isolated letters' pixel values: their upper quartile (the rim kept around letters
 * is outline and anti-aliasing, darker than the fill). Sorts `values` in place.
 */
export function fillOf(values: number[] | Uint8Array): number {
  return values.sort((a, b) => a - b)[Math.floor(values.length * 0.75)] ?? 0;
}

/** Brightness of the letters' fill in one crop (upper quartile of their pixels); null when none. */
export function cropFill(c: GrayCrop): number | null {
  return measure(c)?.fill ?? null;
}

/**
 * The letters' fill over several crops: the lower quartile, so a video whose second speaker is
 * subtitled in blue is covered. Over a white part of the picture the letters of a dark fill are
 * not isolated, and that crop does not count; nor does one that isolated only a fragment of
 * what crops of the video typically do. Null when no crop showed letters.
 */
export function letterFill(crops: readonly GrayCrop[]): number | null {
  const measured = crops.map(measure).filter((m) => m !== null);
  const covers = measured.map((m) => m.cover).sort((a, b) => a - b);
  const typical = covers[covers.length >> 1] ?? 0;
  const fills = measured
    .filter((m) => m.cover >= MIN_SHARE_OF_TYPICAL * typical)
    .map((m) => m.fill)
    .sort((a, b) => a - b);
  return fills[Math.floor(fills.length / 4)] ?? null;
}

/** Is this fill (video-range luma) darker than the default thresholds expect, yet measurable? */
export function isDarkFill(fill: number | null): fill is number {
  return fill !== null && fill >= DARKEST_FILL && fill < BRIGHT_FILL;
}

/** Strong-mask thresholds for letters of this fill; the defaults when it is bright or unknown. */
export function maskThresholds(fill: number | null): MaskThresholds {
  if (!isDarkFill(fill)) return STRONG;
  return {
    luma: Math.min(STRONG.luma, Math.round(0.8 * fill)),
    contrast: Math.min(STRONG.contrast, Math.round(0.5 * fill)),
  };
}
