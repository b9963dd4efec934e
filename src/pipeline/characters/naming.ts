/**
 * Names clusters from reference photos: each name goes to at most one cluster and each cluster
 * takes at most one name, best pairs first, and only when the match is both strong enough and
 * clearly better than the alternatives (a wrong name is worse than a generic one).
 */
import type { ReferenceFace } from './types.js';
import { centre, dot } from './vectors.js';

export interface NamingOptions {
  /** Minimum centred cosine between a cluster and a reference photo. */
  minSimilarity: number;
  /** Required lead over the runner-up on both sides (other names, other clusters). */
  margin: number;
}

/**
 * From the reference scores `npm run eval:characters` prints (mean over a cluster's tracks of
 * the centred cosine to the photo): the right person 0.60–0.74 (Obama's official portrait vs
 * audience footage 0.60, a different webcam photo of the fixture man 0.65, Miranda's still vs
 * stage footage 0.72–0.74); anyone else at most 0.45 (Obama's portrait vs Miranda).
 */
export const NAMING_DEFAULTS: NamingOptions = { minSimilarity: 0.5, margin: 0.1 };

/** Similarity of a cluster (its tracks' centred vectors) to a name: best photo, mean over tracks. */
export function referenceScore(trackVectors: ReadonlyArray<readonly number[]>, ref: ReferenceFace): number {
  if (trackVectors.length === 0 || ref.embeddings.length === 0) return -1;
  return Math.max(
    ...ref.embeddings
      .map((e) => centre(e))
      .map((r) => trackVectors.reduce((s, v) => s + dot(v, r), 0) / trackVectors.length),
  );
}

/** Returns, per cluster index, the reference name or null. */
export function nameClusters(
  clusterVectors: ReadonlyArray<ReadonlyArray<readonly number[]>>,
  refs: readonly ReferenceFace[],
  opts: NamingOptions = NAMING_DEFAULTS,
): Array<string | null> {
  const names = new Array<string | null>(clusterVectors.length).fill(null);
  const score = clusterVectors.map((vs) => refs.map((r) => referenceScore(vs, r)));
  const pairs = score
    .flatMap((row, c) => row.map((s, r) => ({ c, r, s })))
    .sort((a, b) => b.s - a.s || a.c - b.c || a.r - b.r);
  const usedRef = new Set<number>();
  for (const p of pairs) {
    if (p.s < opts.minSimilarity) break;
    if (names[p.c] !== null || usedRef.has(p.r)) continue;
    const otherRefs = score[p.c]!.filter((_, r) => r !== p.r && !usedRef.has(r));
    const otherClusters = score.map((row) => row[p.r]!).filter((_, c) => c !== p.c && names[c] === null);
    if (p.s - Math.max(-1, ...otherRefs) < opts.margin || p.s - Math.max(-1, ...otherClusters) < opts.margin)
      continue;
    names[p.c] = refs[p.r]!.name;
    usedRef.add(p.r);
  }
  return names;
}

/** `角色N` for Chinese tasks, `Character N` otherwise. */
export function genericName(n: number, language: string): string {
  return language.toLowerCase().startsWith('zh') ? `角色${n}` : `Character ${n}`;
}
