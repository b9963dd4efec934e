/**
 * Average-linkage agglomeration with cannot-links. The summed similarity of two groups of unit
 * vectors is the dot product of their vector sums, so groups are compared through their sums
 * and a merge updates one row of the pair matrix: O(m^2) per merge for m starting groups.
 */
import { coOccur, type Track } from './tracks.js';
import { dot } from './vectors.js';

export function sumVector(vectors: ReadonlyArray<readonly number[]>): number[] {
  const acc = new Array<number>(vectors[0]?.length ?? 0).fill(0);
  for (const v of vectors) for (let i = 0; i < acc.length; i++) acc[i]! += v[i] ?? 0;
  return acc;
}

/** Two groups conflict when any of their tracks were seen in the same frame. */
export function conflicts(tracks: readonly Track[], a: readonly number[], b: readonly number[]): boolean {
  return a.some((i) => b.some((j) => coOccur(tracks[i]!, tracks[j]!)));
}

/** Merges the starting groups (track indices) while the best allowed pair averages >= mergeAt. */
export function averageLinkage(
  tracks: readonly Track[],
  start: readonly number[][],
  mergeAt: number,
): number[][] {
  const n = start.length;
  const sums = start.map((g) => sumVector(g.map((i) => tracks[i]!.vector)));
  const sum = new Float64Array(n * n);
  const cannot = new Uint8Array(n * n);
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      sum[a * n + b] = sum[b * n + a] = dot(sums[a]!, sums[b]!);
      cannot[a * n + b] = cannot[b * n + a] = conflicts(tracks, start[a]!, start[b]!) ? 1 : 0;
    }
  }
  const groups: Array<number[] | null> = start.map((g) => [...g]);
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
  return groups.filter((g): g is number[] => g !== null).map((g) => g.sort((a, b) => a - b));
}
