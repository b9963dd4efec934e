/** Prices in micro-dollars (integers) so the ledger never rounds. */
export const MICRO = 1_000_000;
export const PRICE_PER_MINUTE_MICRO = 1 * MICRO;
export const PRICE_PER_GB_DOWNLOAD_MICRO = 0.12 * MICRO;

/** Upstream rule: $1.00 per minute, rounded up per episode. */
export function episodeCostMicro(durationSeconds: number): number {
  const minutes = Math.max(1, Math.ceil(durationSeconds / 60 - 1e-9));
  return minutes * PRICE_PER_MINUTE_MICRO;
}

export function taskCostMicro(durations: readonly number[]): number {
  return durations.reduce((sum, d) => sum + episodeCostMicro(d), 0);
}

/** $0.12 per GB of original (uncompressed) file sizes, rounded up to the micro-dollar. */
export function downloadCostMicro(totalBytes: number): number {
  return Math.ceil((totalBytes / 1e9) * PRICE_PER_GB_DOWNLOAD_MICRO);
}

export function microToDollars(micro: number): number {
  return Math.round(micro) / MICRO;
}

/** Episodes must be shorter than 5 minutes (upstream: "under 5 minutes"). */
export const MAX_EPISODE_SECONDS = 300;
