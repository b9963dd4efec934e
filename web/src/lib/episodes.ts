/** Episode numbers from file names, and the cost shown before submitting. Pure: unit-tested from test/e2e. */

/** Patterns from most to least explicit; the first that matches wins. */
const PATTERNS: RegExp[] = [
  /s\d{1,3}[ ._-]?e(\d{1,4})/i, // S01E05
  /第\s*(\d{1,4})\s*[集话話回]/, // 第12集
  /(?:episode|ep|e)[ ._#-]*(\d{1,4})(?!\d)/i, // EP03, episode 3, e_3
];

/** The episode number a file name suggests, or null. Falls back to the last number in the name. */
export function inferEpisode(filename: string): number | null {
  const base = filename.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  for (const re of PATTERNS) {
    const m = re.exec(base);
    if (m?.[1]) return Number(m[1]);
  }
  const all = base.match(/\d{1,4}/g);
  const last = all?.[all.length - 1];
  return last === undefined ? null : Number(last);
}

/**
 * Episode keys for a batch: the inferred number when it is free, otherwise the next free number,
 * so two files never share a key. `taken` holds keys already in use.
 */
export function assignEpisodes(names: string[], taken: Iterable<string> = []): string[] {
  const used = new Set(taken);
  const inferred = names.map(inferEpisode);
  const out: string[] = new Array<string>(names.length);
  // First pass: keep every unique inferred number; second: fill the rest in order.
  inferred.forEach((n, i) => {
    if (n !== null && n > 0 && !used.has(String(n))) {
      used.add(String(n));
      out[i] = String(n);
    }
  });
  let next = 1;
  for (let i = 0; i < names.length; i++) {
    if (out[i] !== undefined) continue;
    while (used.has(String(next))) next++;
    used.add(String(next));
    out[i] = String(next);
  }
  return out;
}

/** Dollars for one episode: $1 per started minute, at least one (the server's rule). */
export function episodeCost(durationSeconds: number): number {
  return Math.max(1, Math.ceil(durationSeconds / 60 - 1e-9));
}

export function estimateCost(durations: number[]): number {
  return durations.reduce((s, d) => s + episodeCost(d), 0);
}

/** Problems that stop a submit: empty or duplicate keys, keys the API refuses. */
export function episodeKeyProblems(keys: string[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const k of keys) {
    const key = k.trim();
    if (!/^[1-9]\d{0,5}$/.test(key)) problems.push(`"${k}" is not an episode number (1–999999)`);
    else if (seen.has(key)) problems.push(`episode ${key} is used twice`);
    seen.add(key);
  }
  return problems;
}
