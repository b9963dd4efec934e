/**
 * Groups face tracks into identities. Agglomerative, average linkage, over trusted tracks only,
 * with a cannot-link rule (two faces in one frame are two people) and a conservative threshold:
 * a missed merge costs a duplicate character, a wrong merge puts lines in the wrong mouth.
 * Weak tracks (small, blurred, profile) then join a cluster only when the match is clear.
 */
import { averageLinkage, conflicts, sumVector } from './linkage.js';
import type { Track } from './tracks.js';
import { dot } from './vectors.js';

export interface ClusterOptions {
  /** Average centred cosine at or above which two clusters merge. */
  mergeAt: number;
  /** Tracks below this quality do not seed or merge clusters. */
  minQuality: number;
  /** A weak track joins its best cluster only at this similarity … */
  weakJoinAt: number;
  /** … and this far ahead of the second-best cluster. */
  weakMargin: number;
}

/**
 * Set from the track-level spreads `npm run eval:characters` prints (dlib descriptor, centred
 * cosine of quality-weighted track means): one person in different shots and episodes
 * 0.62–0.99 (lowest: the bob-haired woman in two close-ups, 0.62; mirrored and rescaled copies
 * 0.64+), different people at most 0.58 (the long-haired and the bob-haired woman, whom even the
 * truth's author could only tell apart by hair and face shape), usually below 0.40. Per single
 * frame the spreads are wider (same person across shots 0.50–0.76, different people up to
 * 0.59), which is why only track means are compared. A weak track must clear the same bar as a
 * merge plus a lead over the runner-up.
 */
export const CLUSTER_DEFAULTS: ClusterOptions = {
  mergeAt: 0.6,
  minQuality: 0.3,
  weakJoinAt: 0.6,
  weakMargin: 0.1,
};

/**
 * Returns clusters as arrays of track indices, plus indices left unassigned. Each episode is
 * clustered on its own first, then the episode clusters are merged series-wide, so a 40-episode
 * series costs a few hundred groups in the second pass rather than thousands of tracks.
 */
export function clusterTracks(
  tracks: readonly Track[],
  opts: ClusterOptions = CLUSTER_DEFAULTS,
): { clusters: number[][]; unassigned: number[] } {
  const strong = tracks.flatMap((t, i) => (t.vector.length > 0 && t.quality >= opts.minQuality ? [i] : []));
  const episodes = [...new Set(strong.map((i) => tracks[i]!.episodeIndex))].sort((a, b) => a - b);
  const perEpisode = episodes.flatMap((e) =>
    averageLinkage(
      tracks,
      strong.filter((i) => tracks[i]!.episodeIndex === e).map((i) => [i]),
      opts.mergeAt,
    ),
  );
  const clusters = (episodes.length > 1 ? averageLinkage(tracks, perEpisode, opts.mergeAt) : perEpisode).sort(
    (a, b) => a[0]! - b[0]!,
  );
  const sums = clusters.map((c) => sumVector(c.map((i) => tracks[i]!.vector)));
  const unassigned: number[] = [];
  const strongSet = new Set(strong);
  tracks.forEach((t, i) => {
    if (strongSet.has(i)) return;
    if (t.vector.length === 0) return void unassigned.push(i);
    const scored = clusters
      .map((c, k) => ({ k, s: dot(t.vector, sums[k]!) / c.length, ok: !conflicts(tracks, [i], c) }))
      .filter((x) => x.ok)
      .sort((a, b) => b.s - a.s || a.k - b.k);
    const [first, second] = scored;
    if (first && first.s >= opts.weakJoinAt && first.s - (second?.s ?? -1) >= opts.weakMargin) {
      clusters[first.k]!.push(i);
      sums[first.k] = sums[first.k]!.map((v, d) => v + (t.vector[d] ?? 0));
    } else unassigned.push(i);
  });
  return { clusters: clusters.map((c) => c.sort((a, b) => a - b)), unassigned };
}
