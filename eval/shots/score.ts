/**
 * Pure scoring of shot boundaries against ground truth: a true cut is found by a predicted
 * boundary within ±1 frame (or a predicted transition whose span covers it); a true gradual
 * transition by a predicted boundary whose span overlaps it. Matching is one-to-one.
 */

export interface Span {
  start: number;
  end: number;
}

export interface Truth {
  cuts: number[];
  gradual: Array<Span & { kind: string }>;
}

export interface Score {
  truth: number;
  predicted: number;
  matched: number;
  precision: number;
  recall: number;
  f1: number;
}

const overlaps = (a: Span, b: Span): boolean => a.start <= b.end && b.start <= a.end;

export function scoreBoundaries(truth: Truth, predicted: readonly Span[]): Score {
  const targets: Span[] = [
    ...truth.cuts.map((c) => ({ start: c - 1, end: c + 1 })),
    ...truth.gradual.map((g) => ({ start: g.start - 1, end: g.end + 1 })),
  ];
  const used = new Set<number>();
  let matched = 0;
  for (const t of targets) {
    const mid = (t.start + t.end) / 2;
    let best = -1;
    let bestDist = Infinity;
    predicted.forEach((p, i) => {
      if (used.has(i) || !overlaps(t, p)) return;
      const d = Math.abs((p.start + p.end) / 2 - mid);
      if (d < bestDist) {
        bestDist = d;
        best = i;
      }
    });
    if (best >= 0) {
      used.add(best);
      matched++;
    }
  }
  return summarise(targets.length, predicted.length, matched);
}

export function summarise(truth: number, predicted: number, matched: number): Score {
  const precision = predicted === 0 ? (truth === 0 ? 1 : 0) : matched / predicted;
  const recall = truth === 0 ? (predicted === 0 ? 1 : 0) : matched / truth;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truth, predicted, matched, precision, recall, f1 };
}
