/**
 * Pure: the aligned face crop the identity model reads. The dlib ResNet descriptor (face-api's
 * FaceRecognitionNet) was trained on upright 150x150 face chips, so the crop is rotated to put
 * the eyes level and scaled from the eye-to-mouth distance (face-api's own "dlib alignment"
 * rule, plus the rotation it leaves out). Landmarks come from Human's 468-point mesh, so no
 * second landmark model is needed.
 */

type Point = readonly number[];

/** Side of the chip the descriptor expects (pixels). */
export const CHIP_SIZE = 150;

/** FaceMesh indices: eye corners (image left eye: 33/133, image right eye: 362/263), mouth corners. */
const LEFT_EYE = [33, 133] as const;
const RIGHT_EYE = [362, 263] as const;
const MOUTH = [61, 291] as const;

/**
 * Eye-to-mouth distance as a share of the chip side, and the height of the eyes+mouth centroid
 * in the chip. 0.40 / 0.43 measured best of 0.35–0.45 on the eval faces (eval/characters/README.md);
 * face-api's default 0.45 crops tighter and loses the jaw line.
 */
export const EYE_MOUTH_SHARE = 0.4;
export const CENTROID_Y = 0.43;

export interface ChipGeometry {
  /** Centroid of the two eye centres and the mouth centre, frame pixels. */
  cx: number;
  cy: number;
  /** Side of the square cut out of the frame, frame pixels. */
  side: number;
  /** Unit vector along the eye line (left to right in the image). */
  ux: number;
  uy: number;
}

const mid = (a: Point | undefined, b: Point | undefined): [number, number] | null =>
  a && b ? [((a[0] ?? 0) + (b[0] ?? 0)) / 2, ((a[1] ?? 0) + (b[1] ?? 0)) / 2] : null;

/** Where to cut the chip, from the landmark mesh; null when the mesh is missing or degenerate. */
export function chipGeometry(mesh: readonly Point[]): ChipGeometry | null {
  const le = mid(mesh[LEFT_EYE[0]], mesh[LEFT_EYE[1]]);
  const re = mid(mesh[RIGHT_EYE[0]], mesh[RIGHT_EYE[1]]);
  const mo = mid(mesh[MOUTH[0]], mesh[MOUTH[1]]);
  if (!le || !re || !mo) return null;
  const eyeMouth = (Math.hypot(le[0] - mo[0], le[1] - mo[1]) + Math.hypot(re[0] - mo[0], re[1] - mo[1])) / 2;
  let ux = re[0] - le[0];
  let uy = re[1] - le[1];
  const n = Math.hypot(ux, uy);
  if (eyeMouth <= 0 || n <= 0) return null;
  ux /= n;
  uy /= n;
  // A face upside down in the mesh is not something the descriptor can read either way; keep
  // the x axis pointing right so a flipped eye order cannot mirror the chip.
  if (ux < 0) [ux, uy] = [-ux, -uy];
  return {
    cx: (le[0] + re[0] + mo[0]) / 3,
    cy: (le[1] + re[1] + mo[1]) / 3,
    side: eyeMouth / EYE_MOUTH_SHARE,
    ux,
    uy,
  };
}

/**
 * Bilinear resample of the rotated square `g` out of an RGB frame into a `size`x`size` RGB
 * float chip (0–255). Pixels outside the frame are black, as dlib and face-api pad.
 */
export function cutChip(
  rgb: Uint8Array,
  width: number,
  height: number,
  g: ChipGeometry,
  size = CHIP_SIZE,
): Float32Array {
  const out = new Float32Array(size * size * 3);
  const scale = g.side / size;
  // Frame position of chip pixel (u, v): centroid + (u - cu) * x axis + (v - cv) * y axis.
  const ax = g.ux * scale;
  const ay = g.uy * scale;
  const bx = -g.uy * scale;
  const by = g.ux * scale;
  const cu = size / 2;
  const cv = CENTROID_Y * size;
  for (let v = 0; v < size; v++) {
    const dv = v + 0.5 - cv;
    for (let u = 0; u < size; u++) {
      const du = u + 0.5 - cu;
      const sx = g.cx + du * ax + dv * bx - 0.5;
      const sy = g.cy + du * ay + dv * by - 0.5;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      const o = (v * size + u) * 3;
      for (let k = 0; k < 4; k++) {
        const x = x0 + (k & 1);
        const y = y0 + (k >> 1);
        if (x < 0 || y < 0 || x >= width || y >= height) continue;
        const w = (k & 1 ? fx : 1 - fx) * (k >> 1 ? fy : 1 - fy);
        const i = (y * width + x) * 3;
        out[o] = out[o]! + w * rgb[i]!;
        out[o + 1] = out[o + 1]! + w * rgb[i + 1]!;
        out[o + 2] = out[o + 2]! + w * rgb[i + 2]!;
      }
    }
  }
  return out;
}
