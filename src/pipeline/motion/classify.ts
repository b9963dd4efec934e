/**
 * Pure camera-movement classification of one shot from its motion samples: steady jitter is
 * handheld; otherwise the strongest consistent pan, tilt or zoom over the shot wins if it
 * passes its threshold; else static. Directions are the camera's (content moving left = pan right).
 */
import type { CameraMovement } from '../../domain/documents.js';
import type { MotionSample } from './estimate.js';

export interface MotionThresholds {
  /** Fraction of the frame per second. */
  pan: number;
  tilt: number;
  /** Relative scale change per second. */
  zoom: number;
  /** RMS deviation of per-sample motion from its mean, fraction of the frame per sample. */
  jitter: number;
  /** |net| / Σ|steps|: how one-directional a move must be. */
  consistency: number;
  /** A move must also add up to this much over the shot (fraction of the frame or of scale). */
  minTotal: number;
  /** Fewer samples than this cannot tell a move from a gesture. */
  minSamples: number;
}

export const DEFAULT_MOTION_THRESHOLDS: MotionThresholds = {
  pan: 0.05,
  tilt: 0.05,
  zoom: 0.04,
  jitter: 0.012,
  consistency: 0.6,
  minTotal: 0.04,
  minSamples: 4,
};

export interface ShotMotion {
  samples: MotionSample[];
  /** Seconds covered by the samples. */
  seconds: number;
  width: number;
  height: number;
}

const mean = (v: number[]): number => v.reduce((a, b) => a + b, 0) / Math.max(1, v.length);
const rms = (v: number[]): number => Math.sqrt(mean(v.map((x) => x * x)));

export function classifyMovement(
  m: ShotMotion,
  t: MotionThresholds = DEFAULT_MOTION_THRESHOLDS,
): CameraMovement | null {
  const s = m.samples.filter((x) => x.blocks >= 3);
  if (s.length === 0) return null;
  if (s.length < t.minSamples || m.seconds <= 0) return 'static';
  const dx = s.map((x) => x.dx / m.width);
  const dy = s.map((x) => x.dy / m.height);
  const dz = s.map((x) => x.zoom);
  const mx = mean(dx);
  const my = mean(dy);
  const jitter = Math.hypot(rms(dx.map((v) => v - mx)), rms(dy.map((v) => v - my)));
  const sum = (v: number[]): number => v.reduce((a, b) => a + b, 0);
  const consistent = (v: number[]): number => Math.abs(sum(v)) / Math.max(1e-9, sum(v.map(Math.abs)));
  const moves = [
    { kind: 'pan', rate: sum(dx) / m.seconds, limit: t.pan, c: consistent(dx) },
    { kind: 'tilt', rate: sum(dy) / m.seconds, limit: t.tilt, c: consistent(dy) },
    { kind: 'zoom', rate: sum(dz) / m.seconds, limit: t.zoom, c: consistent(dz) },
  ]
    .filter(
      (x) =>
        Math.abs(x.rate) >= x.limit && Math.abs(x.rate) * m.seconds >= t.minTotal && x.c >= t.consistency,
    )
    .sort((a, b) => Math.abs(b.rate) / b.limit - Math.abs(a.rate) / a.limit);
  const perSample = Math.hypot(mx, my);
  // Shake that outweighs any steady drift is handheld, even if the camera also drifts.
  if (jitter >= t.jitter && jitter > 1.5 * perSample) return 'handheld';
  const top = moves[0];
  if (!top) return jitter >= t.jitter ? 'handheld' : 'static';
  if (top.kind === 'pan') return top.rate < 0 ? 'pan_right' : 'pan_left';
  if (top.kind === 'tilt') return top.rate < 0 ? 'tilt_down' : 'tilt_up';
  return top.rate > 0 ? 'zoom_in' : 'zoom_out';
}
