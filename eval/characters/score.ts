/** Pure scoring for the character evaluation: pairwise precision/recall, merges, naming, speakers. */

export interface ScoredItem {
  truth: string;
  predicted: string | null;
  size: number;
}

export interface PairwiseScore {
  items: number;
  precision: number;
  recall: number;
  /** Predicted clusters that hold two or more truth identities. */
  merges: Array<{ cluster: string; labels: string[] }>;
}

/** `uncertain`: label pairs whose identity the truth cannot vouch for (neither same nor different). */
export function pairwise(
  items: readonly ScoredItem[],
  minSize = 0,
  uncertain: ReadonlyArray<readonly [string, string]> = [],
): PairwiseScore {
  const xs = items.filter((i) => i.size >= minSize);
  const skip = (a: string, b: string): boolean =>
    uncertain.some(([x, y]) => (a === x && b === y) || (a === y && b === x));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let a = 0; a < xs.length; a++) {
    for (let b = a + 1; b < xs.length; b++) {
      if (skip(xs[a]!.truth, xs[b]!.truth)) continue;
      const same = xs[a]!.truth === xs[b]!.truth;
      const together = xs[a]!.predicted !== null && xs[a]!.predicted === xs[b]!.predicted;
      if (same && together) tp++;
      else if (together) fp++;
      else if (same) fn++;
    }
  }
  const labelsOf = new Map<string, Set<string>>();
  for (const x of xs)
    if (x.predicted) labelsOf.set(x.predicted, (labelsOf.get(x.predicted) ?? new Set()).add(x.truth));
  const merges = [...labelsOf]
    .filter(([, l]) => [...l].some((a) => [...l].some((b) => a < b && !skip(a, b))))
    .map(([cluster, l]) => ({ cluster, labels: [...l].sort() }));
  return {
    items: xs.length,
    precision: tp + fp > 0 ? tp / (tp + fp) : 1,
    recall: tp + fn > 0 ? tp / (tp + fn) : 1,
    merges,
  };
}

/** The truth label most of a predicted cluster's items carry. */
export function majorityLabels(items: readonly ScoredItem[]): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const x of items) {
    if (!x.predicted) continue;
    const m = counts.get(x.predicted) ?? new Map<string, number>();
    m.set(x.truth, (m.get(x.truth) ?? 0) + 1);
    counts.set(x.predicted, m);
  }
  const out = new Map<string, string>();
  for (const [c, m] of counts)
    out.set(c, [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0]);
  return out;
}
