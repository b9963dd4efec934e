/** The API benchmark's table: one row per scenario and target, throughput as a ratio of the bare server's. */
import type { Measurement } from './load.js';

export interface Row {
  scenario: string;
  target: string;
  m: Measurement;
  /** The bare server's figure for the same scenario. */
  bare: Measurement | undefined;
}

const HEAD = [
  'scenario',
  'target',
  'bytes/resp',
  'req/s',
  'p50 ms',
  'p99 ms',
  'errors',
  'non-2xx',
  'vs bare',
];

export function formatTable(rows: Row[]): string {
  const cells = rows.map((r) => [
    r.scenario,
    r.target,
    r.m.bytesPerResponse.toFixed(0),
    r.m.requestsPerSecond.toFixed(0),
    r.m.p50Ms.toFixed(0),
    r.m.p99Ms.toFixed(0),
    String(r.m.errors),
    String(r.m.non2xx),
    r.bare && r.bare.requestsPerSecond > 0
      ? `${(r.m.requestsPerSecond / r.bare.requestsPerSecond).toFixed(3)}×`
      : '—',
  ]);
  const widths = HEAD.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]?.length ?? 0)));
  const line = (c: string[]): string =>
    c.map((v, i) => (i < 2 ? v.padEnd(widths[i] ?? 0) : v.padStart(widths[i] ?? 0))).join('  ');
  return [line(HEAD), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

/** Rows that broke the no-errors rule. */
export function failures(rows: Row[]): Row[] {
  return rows.filter((r) => r.m.errors > 0 || r.m.non2xx > 0 || r.m.total === 0);
}
