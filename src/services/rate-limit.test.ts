import { describe, expect, it } from 'vitest';
import { AppError } from '../domain/errors.js';
import { RateLimiter } from './rate-limit.js';

describe('RateLimiter', () => {
  it('allows a burst, then refills at the configured rate, per account', () => {
    let now = 0;
    const rl = new RateLimiter(2, 3, () => now);
    for (let i = 0; i < 3; i++) rl.take('a');
    let err: unknown;
    try {
      rl.take('a');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('RATE_LIMITED');
    expect((err as AppError).details).toEqual({ retry_after_seconds: 1 });
    rl.take('b');
    now += 500;
    rl.take('a');
    expect(() => rl.take('a')).toThrow(AppError);
  });
  it('is off at zero', () => {
    const rl = new RateLimiter(0, 1);
    for (let i = 0; i < 1000; i++) rl.take('a');
  });
});
