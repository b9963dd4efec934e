/**
 * Shot size from the people in the shot: the scale Azure Video Indexer reads off face size in
 * a keyframe, made steadier by looking at every analysed frame. The measure is the height of the
 * largest face (forehead to chin, from the landmark mesh) over the frame height, per frame, and
 * the median over frames that show a face, so one frame with a hand in front does not decide.
 */
import type { ShotSize } from '../../domain/documents.js';

export interface ShotSizeFrame {
  /** Face boxes [x, y, w, h] in the same pixel space as `frameHeight`. */
  faces: ReadonlyArray<{ box: readonly [number, number, number, number] }>;
}

export interface ShotSizeResult {
  size: ShotSize | null;
  /** Why: the median face/frame ratio used, or why there is no size. */
  reason: string;
  /** Median largest-face height over frame height (null when no face). */
  ratio: number | null;
}

/** Lower bounds of face height / frame height for each size, tightest first. */
export const SHOT_SIZE_THRESHOLDS: ReadonlyArray<readonly [ShotSize, number]> = [
  ['extreme_close_up', 0.5],
  ['close_up', 0.28],
  ['medium_close_up', 0.16],
  ['medium', 0.09],
  ['full', 0.04],
  ['wide', 0],
];

/** Faces are seen on fewer than this share of frames: too fleeting to size the shot. */
const MIN_FACE_SHARE = 0.25;

export function sizeForRatio(ratio: number): ShotSize {
  for (const [size, min] of SHOT_SIZE_THRESHOLDS) if (ratio >= min) return size;
  return 'wide';
}

export function shotSizeFor(frames: readonly ShotSizeFrame[], frameHeight: number): ShotSizeResult {
  if (frames.length === 0 || frameHeight <= 0)
    return { size: null, reason: 'no frames analysed', ratio: null };
  const ratios = frames
    .filter((f) => f.faces.length > 0)
    .map((f) => Math.max(...f.faces.map((x) => x.box[3])) / frameHeight);
  if (ratios.length === 0) return { size: null, reason: 'nobody visible', ratio: null };
  if (ratios.length / frames.length < MIN_FACE_SHARE)
    return { size: null, reason: `faces on only ${ratios.length} of ${frames.length} frames`, ratio: null };
  const sorted = ratios.sort((a, b) => a - b);
  const mid = sorted.length / 2;
  const median = sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const ratio = Math.round(median * 1000) / 1000;
  return {
    size: sizeForRatio(ratio),
    reason: `largest face ${Math.round(ratio * 100)}% of frame height over ${ratios.length} frames`,
    ratio,
  };
}

/** Convenience for the face stage's output: one shot's frames and faces grouped by frame time. */
export function shotSizeFromFaces(
  shot: {
    frames: readonly number[];
    faces: ReadonlyArray<{ time: number; box: readonly [number, number, number, number] }>;
  },
  frameHeight: number,
): ShotSizeResult {
  const frames = shot.frames.map((t) => ({ faces: shot.faces.filter((f) => Math.abs(f.time - t) < 1e-6) }));
  return shotSizeFor(frames, frameHeight);
}
