/**
 * Follows faces from frame to frame inside one shot, so the embedder need not run on every
 * frame: a face on a mesh-only frame inherits the identity of its track. Greedy matching on
 * box overlap / centre distance is enough because frames are ~0.4 s apart and shots are short.
 */
import type { Box } from './types.js';

export interface TrackState {
  id: number;
  box: Box;
  time: number;
  embedded: boolean;
}

export interface Tracker {
  tracks: TrackState[];
  nextId: number;
}

export const newTracker = (): Tracker => ({ tracks: [], nextId: 0 });

/** Seconds a track may go unseen (a turned head, a hand in front) and still continue. */
const MAX_GAP = 1.3;

export function iou(a: Box, b: Box): number {
  const x0 = Math.max(a[0], b[0]);
  const y0 = Math.max(a[1], b[1]);
  const x1 = Math.min(a[0] + a[2], b[0] + b[2]);
  const y1 = Math.min(a[1] + a[3], b[1] + b[3]);
  const inter = Math.max(0, x1 - x0) * Math.max(0, y1 - y0);
  const union = a[2] * a[3] + b[2] * b[3] - inter;
  return union > 0 ? inter / union : 0;
}

/** 0..1 affinity; 0 means "cannot be the same face". */
export function affinity(a: Box, b: Box): number {
  const sizeRatio = Math.min(a[3], b[3]) / Math.max(a[3], b[3], 1e-9);
  if (sizeRatio < 0.6) return 0;
  const o = iou(a, b);
  const dx = a[0] + a[2] / 2 - (b[0] + b[2] / 2);
  const dy = a[1] + a[3] / 2 - (b[1] + b[3] / 2);
  const near = 1 - Math.hypot(dx, dy) / (0.75 * Math.max(a[3], b[3]));
  return Math.max(o, near > 0 ? near * 0.9 : 0);
}

/** Assign each box a track id (mutates the tracker). Returns ids in input order. */
export function assignTracks(tracker: Tracker, boxes: readonly Box[], time: number): number[] {
  const live = tracker.tracks.filter((t) => time - t.time <= MAX_GAP);
  const pairs: Array<{ f: number; t: TrackState; a: number }> = [];
  boxes.forEach((box, f) => {
    for (const t of live) {
      const a = affinity(box, t.box);
      if (a > 0.15) pairs.push({ f, t, a });
    }
  });
  pairs.sort((p, q) => q.a - p.a || p.f - q.f || p.t.id - q.t.id);
  const ids = new Array<number>(boxes.length).fill(-1);
  const used = new Set<number>();
  for (const p of pairs) {
    if (ids[p.f] !== -1 || used.has(p.t.id)) continue;
    ids[p.f] = p.t.id;
    used.add(p.t.id);
  }
  boxes.forEach((box, f) => {
    let id = ids[f]!;
    if (id === -1) {
      id = tracker.nextId++;
      ids[f] = id;
      tracker.tracks.push({ id, box, time, embedded: false });
    } else {
      const t = tracker.tracks.find((s) => s.id === id)!;
      t.box = box;
      t.time = time;
    }
  });
  return ids;
}
