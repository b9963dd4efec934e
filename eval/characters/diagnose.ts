/**
 * Why the clustering and naming came out as they did: similarities between face tracks (the
 * unit the clustering works on) split into same-person and different-person pairs by truth
 * label, and every reference photo's score against every truth identity. These are the
 * distributions the thresholds in cluster.ts and naming.ts were set from.
 */
import { referenceScore } from '../../src/pipeline/characters/naming.js';
import type { Track } from '../../src/pipeline/characters/tracks.js';
import type { ReferenceFace } from '../../src/pipeline/characters/types.js';
import { dot } from '../../src/pipeline/characters/vectors.js';

export interface LabelledTrack {
  track: Track;
  /** Truth label most of its faces carry. */
  label: string;
}

export interface TrackPairs {
  /** Same person, different shots (same-shot pairs are trivially close and would flatter). */
  same: number[];
  different: number[];
  /** The closest different-person pair and the farthest same-person pair, for the printout. */
  worstDifferent: { s: number; a: string; b: string } | null;
  worstSame: { s: number; a: string; b: string } | null;
}

export function trackPairs(
  tracks: readonly LabelledTrack[],
  uncertain: ReadonlyArray<readonly [string, string]>,
  minQuality: number,
): TrackPairs {
  const skip = (a: string, b: string): boolean =>
    uncertain.some(([x, y]) => (a === x && b === y) || (a === y && b === x));
  const out: TrackPairs = { same: [], different: [], worstDifferent: null, worstSame: null };
  const xs = tracks.filter((t) => t.track.vector.length > 0 && t.track.quality >= minQuality);
  for (let i = 0; i < xs.length; i++) {
    for (let j = i + 1; j < xs.length; j++) {
      const a = xs[i]!;
      const b = xs[j]!;
      if (skip(a.label, b.label)) continue;
      const s = dot(a.track.vector, b.track.vector);
      const tag = (t: LabelledTrack): string => `${t.label}@${t.track.episode}/${t.track.shot}`;
      if (a.label === b.label) {
        if (a.track.episode === b.track.episode && a.track.shot === b.track.shot) continue;
        out.same.push(s);
        if (!out.worstSame || s < out.worstSame.s) out.worstSame = { s, a: tag(a), b: tag(b) };
      } else {
        out.different.push(s);
        if (!out.worstDifferent || s > out.worstDifferent.s) out.worstDifferent = { s, a: tag(a), b: tag(b) };
      }
    }
  }
  return out;
}

/** min / median / max of a list, two decimals. */
export function spread(xs: readonly number[]): string {
  if (xs.length === 0) return 'none';
  const s = [...xs].sort((a, b) => a - b);
  const f = (v: number): string => v.toFixed(2);
  return `n=${s.length} min ${f(s[0]!)} median ${f(s[Math.floor((s.length - 1) / 2)]!)} max ${f(s.at(-1)!)}`;
}

/** Each reference against each truth identity's tracks (mean over its tracks, as naming scores a cluster). */
export function referenceTable(
  tracks: readonly LabelledTrack[],
  refs: readonly ReferenceFace[],
  minQuality: number,
): string[] {
  const byLabel = new Map<string, number[][]>();
  for (const t of tracks)
    if (t.track.vector.length > 0 && t.track.quality >= minQuality)
      byLabel.set(t.label, [...(byLabel.get(t.label) ?? []), t.track.vector]);
  return refs.map((r) => {
    const scores = [...byLabel]
      .map(([label, vs]) => ({ label, s: referenceScore(vs, r) }))
      .sort((a, b) => b.s - a.s)
      .map((x) => `${x.label} ${x.s.toFixed(2)}`);
    return `reference ${r.name}: ${scores.join(', ') || 'no labelled tracks'}`;
  });
}
