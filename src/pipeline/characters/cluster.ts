/**
 * Groups face tracks into identities. Agglomerative, average linkage, over trusted tracks only,
 * with a cannot-link rule (two faces in one frame are two people) and a conservative threshold:
 * a missed merge costs a duplicate character, a wrong merge puts lines in the wrong mouth.
 * Weak tracks (small, blurred, profile) then join a cluster only when the match is clear.
 */
import { coOccur, type Track } from './tracks.js';
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

export const CLUSTER_DEFAULTS: ClusterOptions = {
  mergeAt: 0.45,
  minQuality: 0.3,
  weakJoinAt: 0.5,
  weakMargin: 0.1,
};

/** Returns clusters as arrays of track indices, plus indices left unassigned. */
export function clusterTracks(
  tracks: readonly Track[],
  opts: ClusterOptions = CLUSTER_DEFAULTS,
): { clusters: number[][]; unassigned: number[] } {
  const strong = tracks.flatMap((t, i) => (t.vector.length > 0 && t.quality >= opts.minQuality ? [i] : []));
  const clusters = mergeStrong(tracks, strong, opts.mergeAt);
  const linkage = (i: number, c: number[]): number =>
    c.reduce((s, j) => s + dot(tracks[i]!.vector, tracks[j]!.vector), 0) / c.length;
  const unassigned: number[] = [];
  const strongSet = new Set(strong);
  tracks.forEach((t, i) => {
    if (strongSet.has(i)) return;
    if (t.vector.length === 0) return void unassigned.push(i);
    const scored = clusters
      .map((c, k) => ({ k, s: linkage(i, c), ok: !c.some((j) => coOccur(t, tracks[j]!)) }))
      .filter((x) => x.ok)
      .sort((a, b) => b.s - a.s || a.k - b.k);
    const [first, second] = scored;
    if (first && first.s >= opts.weakJoinAt && first.s - (second?.s ?? -1) >= opts.weakMargin)
      clusters[first.k]!.push(i);
    else unassigned.push(i);
  });
  return { clusters: clusters.map((c) => c.sort((a, b) => a - b)), unassigned };
}

/**
 * Average-linkage merging with a matrix of summed similarities (merging i and j makes row k
 * the sum of rows i and j) and a matrix of cannot-link flags, so each merge costs O(n^2).
 */
function mergeStrong(tracks: readonly Track[], members: readonly number[], mergeAt: number): number[][] {
  const n = members.length;
  const sum = new Float64Array(n * n);
  const cannot = new Uint8Array(n * n);
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      const ta = tracks[members[a]!]!;
      const tb = tracks[members[b]!]!;
      sum[a * n + b] = sum[b * n + a] = dot(ta.vector, tb.vector);
      cannot[a * n + b] = cannot[b * n + a] = coOccur(ta, tb) ? 1 : 0;
    }
  }
  const groups: Array<number[] | null> = members.map((m) => [m]);
  for (;;) {
    let bi = -1;
    let bj = -1;
    let bs = -Infinity;
    for (let i = 0; i < n; i++) {
      const gi = groups[i];
      if (!gi) continue;
      for (let j = i + 1; j < n; j++) {
        const gj = groups[j];
        if (!gj || cannot[i * n + j]) continue;
        const s = sum[i * n + j]! / (gi.length * gj.length);
        if (s >= mergeAt && s > bs) [bi, bj, bs] = [i, j, s];
      }
    }
    if (bi < 0) break;
    groups[bi] = [...groups[bi]!, ...groups[bj]!];
    groups[bj] = null;
    for (let k = 0; k < n; k++) {
      sum[bi * n + k] = sum[k * n + bi] = sum[bi * n + k]! + sum[bj * n + k]!;
      cannot[bi * n + k] = cannot[k * n + bi] = cannot[bi * n + k]! | cannot[bj * n + k]!;
    }
  }
  return groups.filter((g): g is number[] => g !== null).sort((a, b) => Math.min(...a) - Math.min(...b));
}
