/**
 * Test support: synthetic face-stage output with controllable identities. An embedding is the
 * mean face plus a deviation whose direction mixes the person's identity with noise, scaled so
 * the vector has unit length like the stored (L2-normalised) dlib descriptors. `noise` sets how
 * far views of one person scatter: 0 = identical; 0.45 puts two single views near 0.6 centred
 * cosine, the middle of what real frames of one actor in different shots score (0.50–0.76).
 */
import {
  FACES_STAGE_VERSION,
  type EpisodeFaces,
  type FaceObservation,
  type ShotFaces,
} from '../faces/types.js';
import { FACE_MEAN } from './face-mean.js';
import { dot, normalise } from './vectors.js';

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const gaussian = (r: () => number): number =>
  Math.sqrt(-2 * Math.log(r() + 1e-12)) * Math.cos(2 * Math.PI * r());

export function randomDirection(r: () => number): number[] {
  return normalise(FACE_MEAN.map(() => gaussian(r)));
}

/** A unit direction whose cosine with `base` (a unit vector) is exactly `cos`: a look-alike. */
export function similarIdentity(base: readonly number[], cos: number, r: () => number): number[] {
  const x = randomDirection(r);
  const along = dot(x, base);
  const perp = normalise(x.map((v, i) => v - along * base[i]!));
  const sin = Math.sqrt(Math.max(0, 1 - cos * cos));
  return base.map((b, i) => cos * b + sin * perp[i]!);
}

export function embeddingFor(identity: readonly number[], noise: number, r: () => number): number[] {
  const jitter = randomDirection(r);
  const dir = normalise(identity.map((v, i) => v * (1 - noise) + jitter[i]! * noise));
  const scale = Math.sqrt(Math.max(0, 1 - dot(FACE_MEAN, FACE_MEAN)));
  return FACE_MEAN.map((m, i) => m + scale * dir[i]!);
}

export interface SynthFace {
  identity: number[] | null;
  box?: [number, number, number, number];
  size?: number;
  yaw?: number;
  mouth?: (t: number) => number;
  track: number;
  /** Seconds within the shot when the face is visible (default: the whole shot). */
  from?: number;
  to?: number;
}

export interface SynthShot {
  start: number;
  end: number;
  faces: SynthFace[];
}

/** Builds EpisodeFaces with a frame every 0.4 s and an embedding on every frame. */
export function synthEpisode(
  shots: SynthShot[],
  opts: { noise?: number; seed?: number; height?: number } = {},
): EpisodeFaces {
  const r = rng(opts.seed ?? 1);
  const out: ShotFaces[] = shots.map((s, i) => {
    const frames: number[] = [];
    for (let t = s.start + 0.1; t < s.end; t += 0.4) frames.push(Math.round(t * 1000) / 1000);
    const faces: FaceObservation[] = [];
    for (const time of frames) {
      for (const f of s.faces) {
        if (time < s.start + (f.from ?? 0) || time > s.start + (f.to ?? Infinity)) continue;
        const size = f.size ?? 120;
        faces.push({
          time,
          box: f.box ?? [100, 100, size * 0.8, size],
          quality: { size, blur: 200, yaw: f.yaw ?? 0, pitch: 0, roll: 0, score: 0.99 },
          mouth: f.mouth ? f.mouth(time) : 0.05,
          embedding: f.identity ? embeddingFor(f.identity, opts.noise ?? 0.3, r) : null,
          track: f.track,
        });
      }
    }
    return { shot: i + 1, start: s.start, end: s.end, frames, faces };
  });
  return {
    version: FACES_STAGE_VERSION,
    width: 1280,
    height: opts.height ?? 720,
    shots: out,
    stats: { frames: 0, faces: 0, embeddings: 0, seconds: 0 },
  };
}
