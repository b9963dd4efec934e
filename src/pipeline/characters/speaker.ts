/**
 * Who says a line: among the faces visible during it, the one whose mouth moves; otherwise the
 * only face, otherwise a clearly largest face; otherwise nobody. Confidence says which rule
 * decided, so a fallback is never presented as certain.
 */
import type { FaceObservation, ShotFaces } from '../faces/types.js';

export interface SpeakerChoice {
  /** Track key (`episode/shot/track`) of the chosen face, or null. */
  track: string | null;
  confidence: number;
  reason: 'mouth' | 'only_face' | 'largest_face' | 'off_screen' | 'unclear';
}

/**
 * Mouth movement needed to call a face "talking" (range + mean step of openness), for faces of
 * at least 80 px; landmark jitter grows on smaller faces, so the bar rises in proportion.
 */
export const TALKING_MOTION = 0.16;
export const talkingMotionFor = (faceSize: number): number =>
  TALKING_MOTION * Math.max(1, 80 / Math.max(1, faceSize));
/** Below this, over at least STILL_SAMPLES frames, the mouth is visibly shut: not the speaker. */
export const STILL_MOTION = 0.06;
const STILL_SAMPLES = 3;

interface Candidate {
  key: string;
  motion: number;
  samples: number;
  size: number;
}

/** Mouth activity: range of openness plus mean absolute frame-to-frame change. */
export function mouthMotion(values: readonly number[]): number {
  if (values.length < 2) return 0;
  let steps = 0;
  for (let i = 1; i < values.length; i++) steps += Math.abs(values[i]! - values[i - 1]!);
  return Math.max(...values) - Math.min(...values) + steps / (values.length - 1);
}

export function chooseSpeaker(
  episode: string,
  shots: readonly ShotFaces[],
  line: { start: number; end: number },
): SpeakerChoice {
  const pad = 0.2;
  const lo = line.start - pad;
  const hi = line.end + pad;
  const cands = new Map<string, Candidate>();
  let frames = 0;
  for (const shot of shots) {
    const overlap = Math.min(shot.end, line.end) - Math.max(shot.start, line.start);
    if (overlap <= 0) continue;
    const inWindow = shot.frames.filter((t) => t >= lo && t <= hi && t >= shot.start && t <= shot.end);
    frames += inWindow.length;
    const byTrack = new Map<number, FaceObservation[]>();
    for (const o of shot.faces)
      if (o.time >= lo && o.time <= hi) byTrack.set(o.track, [...(byTrack.get(o.track) ?? []), o]);
    for (const [track, obs] of byTrack) {
      // A face glimpsed on under half the frames of the line is not the one on screen for it.
      if (obs.length < Math.max(1, inWindow.length / 2)) continue;
      const mouths = obs.map((o) => o.mouth).filter((m): m is number => m !== null);
      const key = `${episode}/${shot.shot}/${track}`;
      cands.set(key, {
        key,
        motion: mouthMotion(mouths),
        samples: mouths.length,
        size: Math.max(...obs.map((o) => o.quality.size)),
      });
    }
  }
  if (frames === 0 || cands.size === 0) return { track: null, confidence: 0, reason: 'off_screen' };
  const list = [...cands.values()].sort(
    (a, b) => b.motion - a.motion || b.size - a.size || (a.key < b.key ? -1 : 1),
  );
  const [top, next] = list;
  if (top && top.motion >= talkingMotionFor(top.size) && (!next || top.motion >= 1.8 * next.motion)) {
    const lead = next ? (top.motion - next.motion) / top.motion : 1;
    return { track: top.key, confidence: round2(0.6 + 0.35 * Math.min(1, lead)), reason: 'mouth' };
  }
  // Fallbacks are for faces whose mouth could not be judged, not for faces seen keeping still.
  const open = list.filter((c) => c.samples < STILL_SAMPLES || c.motion >= STILL_MOTION);
  if (open.length === 0) return { track: null, confidence: 0, reason: 'unclear' };
  if (list.length === 1) return { track: open[0]!.key, confidence: 0.5, reason: 'only_face' };
  const bySize = [...list].sort((a, b) => b.size - a.size || (a.key < b.key ? -1 : 1));
  const largest = bySize[0]!;
  if (open.includes(largest) && largest.size >= 1.5 * bySize[1]!.size)
    return { track: largest.key, confidence: 0.35, reason: 'largest_face' };
  return { track: null, confidence: 0, reason: 'unclear' };
}

const round2 = (v: number): number => Math.round(v * 100) / 100;
