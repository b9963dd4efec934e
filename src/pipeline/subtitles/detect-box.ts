/**
 * Pure: the OCR package's text boxes in the image's own pixels. Its detector stretches the
 * image to a multiple of 32 px each way (at least 32) and reports boxes in that stretched
 * picture: a subtitle crop 136 px high is read as 160, so a line's box came out 15 % low and
 * tall, and the Latin re-read's crop taken from it lost the tops of its letters.
 */
import type { Box } from './types.js';

const BASE_SIZE = 32;

/** The size the detector stretches a side of `px` pixels to. */
export const detectorSide = (px: number): number =>
  Math.max(BASE_SIZE, Math.ceil(px / BASE_SIZE) * BASE_SIZE);

/** A box in detector pixels as a box in a `width`×`height` image's pixels. */
export function inImage(box: Box, width: number, height: number): Box {
  const kx = width / detectorSide(width);
  const ky = height / detectorSide(height);
  return [box[0] * kx, box[1] * ky, box[2] * kx, box[3] * ky];
}
