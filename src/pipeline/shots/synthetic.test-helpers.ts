/**
 * Synthetic yuv420p frames for unit tests of the boundary decision: smooth random textures
 * ("scenes") that can be blended, faded, flashed, shifted (pans) and overlaid with a
 * subtitle-like band, so every transition has a known frame span without running ffmpeg.
 */
import type { Size } from '../decode/args.js';

export const SIZE: Size = { width: 64, height: 36 };

export interface FrameSpec {
  scene: number;
  /** Second scene blended in with weight `mix` (dissolve). */
  to?: number;
  mix?: number;
  /** Multiply brightness (fade to black at 0). */
  gain?: number;
  /** Blend towards white (flash / fade to white). */
  white?: number;
  /** Horizontal and vertical shift in pixels (pan, shake). */
  dx?: number;
  dy?: number;
  /** Seed of a subtitle-like band near the bottom (0 = none). */
  subtitle?: number;
  /** Scale about the centre (1.1 = content 10 % larger: zoomed in). */
  zoom?: number;
}

function texture(scene: number, x: number, y: number): number {
  const a = 1 + (scene % 5);
  const b = 1 + ((scene * 7) % 6);
  const v =
    Math.sin((x * a) / 9 + scene) * Math.cos((y * b) / 7 - scene * 1.3) + 0.5 * Math.sin((x + y * scene) / 5);
  return 128 + 70 * v * (scene % 2 ? 1 : -1) + 10 * ((scene * 13) % 5);
}

/** Render one frame as yuv420p (chroma mildly tied to the scene so histograms differ too). */
export function renderFrame(spec: FrameSpec, size: Size = SIZE): Buffer {
  const { width: w, height: h } = size;
  const z = spec.zoom ?? 1;
  const plane = w * h;
  const cplane = (w >> 1) * (h >> 1);
  const out = Buffer.alloc(plane + 2 * cplane);
  out.fill(128 + ((spec.scene * 17) % 40) - 20, plane, plane + cplane);
  out.fill(128 - ((spec.scene * 11) % 30) + 15, plane + cplane);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const sx = (x - w / 2) / z + w / 2 + (spec.dx ?? 0);
      const sy = (y - h / 2) / z + h / 2 + (spec.dy ?? 0);
      let v = texture(spec.scene, sx, sy);
      if (spec.to !== undefined) v = v * (1 - (spec.mix ?? 0)) + texture(spec.to, sx, sy) * (spec.mix ?? 0);
      v *= spec.gain ?? 1;
      v = v * (1 - (spec.white ?? 0)) + 255 * (spec.white ?? 0);
      if (spec.subtitle && y >= h - 6 && y < h - 2 && x > 12 && x < w - 12 && Math.sin(x * spec.subtitle) > 0)
        v = 250;
      const i = y * w + x;
      out[i] = Math.max(0, Math.min(255, Math.round(v)));
    }
  }
  return out;
}

/** `count` frames of one scene (optionally moving). */
export const hold = (
  count: number,
  spec: FrameSpec,
  move: (i: number) => Partial<FrameSpec> = () => ({}),
): FrameSpec[] => Array.from({ length: count }, (_, i) => ({ ...spec, ...move(i) }));

/** A dissolve of `count` frames from scene a to scene b. */
export const dissolve = (count: number, a: number, b: number): FrameSpec[] =>
  Array.from({ length: count }, (_, i) => ({ scene: a, to: b, mix: (i + 1) / (count + 1) }));

/** Fade out scene a over `out` frames, hold black `hold` frames, fade in scene b over `inn` frames. */
export function fadeThroughBlack(a: number, b: number, out: number, blank: number, inn: number): FrameSpec[] {
  return [
    ...Array.from({ length: out }, (_, i) => ({ scene: a, gain: 1 - (i + 1) / (out + 1) })),
    ...Array.from({ length: blank }, () => ({ scene: a, gain: 0 })),
    ...Array.from({ length: inn }, (_, i) => ({ scene: b, gain: (i + 1) / (inn + 1) })),
  ];
}
