/**
 * Pure: letters of a saturated colour too dark in luma to be text (red 0xff0000 is luma 81, as
 * dark as its picture; pure blue 41). Which channel's colour they are: the letters of each
 * subtitle line the band finder read are isolated in luma and in each channel; a line votes for
 * a channel when that channel isolates the most letter pixels, they are of its pure colour (the
 * other two channels under half of it) and too dark in luma to be measured there (green and
 * light blue are left to fill.ts's lowered luma thresholds). White letters isolate in every
 * channel with equal values and a coloured picture is not enclosed like letters, so neither
 * votes. Then the gray the band is scanned in, and the letters the OCR reads, for that colour.
 */
import { isolateLetters, type Cleaned } from './clean.js';
import { DARKEST_FILL, fillOf } from './fill.js';

export interface RgbCrop {
  /** Interleaved RGB, 3 bytes per pixel. */
  rgb: Uint8Array;
  width: number;
  height: number;
}

export type Channel = 0 | 1 | 2;
export const CHANNEL_NAMES = ['red', 'green', 'blue'] as const;

/** The other channels of a vote's letters stay under this share of its own (pure colour). */
const PURITY = 0.5;
/** Letters isolated in a plane count when at least this many pixels of them were kept. */
const MIN_PIXELS = 30;

/**
 * Video-range BT.601 luma (16-235) of the pixel at byte `j`: the values the band scan sees in
 * decoded frames (so a fill measured in it compares with the mask thresholds).
 */
const lumaAt = (rgb: Uint8Array, j: number): number =>
  16 + ((0.299 * rgb[j]! + 0.587 * rgb[j + 1]! + 0.114 * rgb[j + 2]!) * 219) / 255;

/** The brightest of the pixel's other two channels. */
const otherAt = (rgb: Uint8Array, j: number, channel: Channel): number =>
  Math.max(rgb[j + ((channel + 1) % 3)]!, rgb[j + ((channel + 2) % 3)]!);

/** One plane of the crop: a channel, or video-range luma (`lumaAt`). */
export function plane(c: RgbCrop, channel: Channel | 'luma'): Uint8Array {
  const n = c.width * c.height;
  const out = new Uint8Array(n);
  for (let i = 0, j = 0; i < n; i++, j += 3)
    out[i] = channel === 'luma' ? Math.round(lumaAt(c.rgb, j)) : c.rgb[j + channel]!;
  return out;
}

/** Luma (16-235) of each channel's pure colour at full strength: red 82, green 161, blue 41. */
const PURE_LUMA = [0.299, 0.587, 0.114].map((k) => 16 + k * 219);

/**
 * The gray the band is scanned in for letters of `channel`'s pure colour: luma, brightened where
 * a pixel is of that colour, by as much as its pure colour is darker than white. The shapes stay
 * luma's (colour has half the resolution in 4:2:0 video: the raw red channel blurred the black
 * outline into the letters and made them bold blobs), the colour only says how much to brighten:
 * red letters become as bright as white ones, and white, gray or warm picture (skin, a light
 * caption of the picture) keeps its luma.
 */
export function colourGray(
  rgb: Uint8Array,
  channel: Channel,
  out = new Uint8Array(rgb.length / 3),
): Uint8Array {
  const gain = 235 / PURE_LUMA[channel]!;
  for (let i = 0, j = 0; i < out.length; i++, j += 3) {
    const own = rgb[j + channel]!;
    const others = otherAt(rgb, j, channel);
    // 1 for the pure colour, 0 for gray and white.
    const purity = own > others ? (own - others) / own : 0;
    const y = lumaAt(rgb, j);
    out[i] = Math.min(255, Math.round(Math.max(y, y * gain * purity)));
  }
  return out;
}

const median = (v: number[]): number => v.sort((a, b) => a - b)[v.length >> 1] ?? 0;

/**
 * One line's vote: the channel its letters are a pure colour of (null when luma isolates them
 * best or they are not of one channel's colour), and whether any plane isolated letters at all.
 */
export function cropVote(c: RgbCrop): { letters: boolean; channel: Channel | null } {
  const luma = plane(c, 'luma');
  let best: { plane: Channel | 'luma'; pixels: number[] } | null = null;
  for (const p of ['luma', 0, 1, 2] as const) {
    const isolated = isolateLetters(p === 'luma' ? luma : plane(c, p), c.width, c.height).gray;
    const pixels: number[] = [];
    isolated.forEach((v, i) => v > 0 && pixels.push(i));
    if (pixels.length >= MIN_PIXELS && pixels.length > (best?.pixels.length ?? 0))
      best = { plane: p, pixels };
  }
  if (!best || best.plane === 'luma') return { letters: best !== null, channel: null };
  const ch = best.plane;
  const own = median(best.pixels.map((i) => c.rgb[3 * i + ch]!));
  const others = ([0, 1, 2] as const)
    .filter((o) => o !== ch)
    .map((o) => median(best.pixels.map((i) => c.rgb[3 * i + o]!)));
  // Only letters too dark in luma to be measured there (red 81, not green 137: fill.ts scans
  // those with lowered luma thresholds, which keeps a blue speaker in the same video).
  const bright = fillOf(best.pixels.map((i) => luma[i]!));
  const pure = own > 0 && Math.max(...others) < PURITY * own && bright < DARKEST_FILL;
  return { letters: true, channel: pure ? ch : null };
}

/**
 * The channel to scan for this video's subtitles, or null for luma: a channel at least a quarter
 * of the lines with letters voted for (a second speaker in red among white lines is covered).
 */
export function letterChannel(crops: readonly RgbCrop[]): Channel | null {
  const votes = [0, 0, 0];
  let lines = 0;
  for (const c of crops) {
    const vote = cropVote(c);
    if (vote.letters) lines++;
    if (vote.channel !== null) votes[vote.channel]!++;
  }
  const top = votes.indexOf(Math.max(...votes)) as Channel;
  return votes[top]! > 0 && votes[top]! >= lines / 4 ? top : null;
}

/** A pixel counts as the letters' colour when its channel is at least this share of their fill. */
const OWN = 0.35;
/** Luma (16-235) of white or yellow letters: kept too, a white line may share the video. */
const WHITE = 150;

/**
 * The letters of a crop whose subtitles are a pure colour of `channel`, on black, for OCR: the
 * union of two isolations. In the brighter of luma and the channel, letters come out whole
 * where strokes are dense (等, 直), but 4:2:0 video has colour at half the resolution of luma,
 * so thin strokes blur into the outline there (是 lost its 日 at 640x360 and was read as 定).
 * In luma stretched so the letters' fill is white, the letter against its black outline is
 * sharp; of what is isolated there only pixels of the letters' colour (or white) are kept,
 * which drops the picture the stretch made bright.
 */
export function channelLetters(c: RgbCrop, channel: Channel): Cleaned {
  const own = plane(c, channel);
  const luma = plane(c, 'luma');
  // In the brighter of luma and the channel: a white line or sweep is found too.
  const found = isolateLetters(
    own.map((v, i) => Math.max(v, luma[i]!)),
    c.width,
    c.height,
  );
  const inside: number[] = [];
  const ownInside: number[] = [];
  found.gray.forEach((v, i) => {
    if (v > 0 && isPure(c, i, channel)) {
      inside.push(luma[i]!);
      ownInside.push(own[i]!);
    }
  });
  if (!inside.length) return found;
  const k = 255 / Math.max(1, fillOf(inside));
  const ownFill = fillOf(ownInside);
  const stretched = luma.map((v) => Math.min(255, Math.round(v * k)));
  const letters = isolateLetters(stretched, c.width, c.height);
  const out = new Uint8Array(letters.gray.length);
  letters.gray.forEach((v, i) => {
    if (v > 0 && (luma[i]! >= WHITE || (own[i]! >= OWN * ownFill && isPure(c, i, channel)))) out[i] = v;
    out[i] = Math.max(out[i]!, found.gray[i]!);
  });
  return { gray: out, kept: letters.kept, dropped: letters.dropped };
}

function isPure(c: RgbCrop, i: number, channel: Channel): boolean {
  const v = c.rgb[3 * i + channel]!;
  return v > 0 && otherAt(c.rgb, 3 * i, channel) < PURITY * v;
}
