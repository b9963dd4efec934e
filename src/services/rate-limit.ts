/**
 * Per-account request rate limit: a token bucket per account, refilled continuously. Kept in the
 * API process's memory: with several API processes each enforces its own share.
 */
import { AppError } from '../domain/errors.js';

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Take one token or throw RATE_LIMITED with the seconds until one is available. */
  take(accountId: string): void {
    if (this.perSecond <= 0) return;
    const t = this.now();
    const b = this.buckets.get(accountId) ?? { tokens: this.burst, at: t };
    b.tokens = Math.min(this.burst, b.tokens + ((t - b.at) / 1000) * this.perSecond);
    b.at = t;
    if (b.tokens < 1) {
      this.buckets.set(accountId, b);
      const retryAfter = Math.max(1, Math.ceil((1 - b.tokens) / this.perSecond));
      throw new AppError(
        'RATE_LIMITED',
        `Rate limit exceeded: at most ${this.perSecond} requests per second per account`,
        { retry_after_seconds: retryAfter },
      );
    }
    b.tokens -= 1;
    this.buckets.set(accountId, b);
    if (this.buckets.size > 100_000) this.buckets.clear();
  }
}
