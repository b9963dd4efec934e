import { describe, expect, it } from 'vitest';
import { withStoreRetry } from './store-retry.js';

const flaky = (failures: number) => {
  let calls = 0;
  return {
    fn: () => (++calls <= failures ? Promise.reject(new Error(`down ${calls}`)) : Promise.resolve(calls)),
    calls: () => calls,
  };
};

describe('withStoreRetry', () => {
  it('retries through a short outage and returns the first success', async () => {
    const f = flaky(2);
    const seen: number[] = [];
    expect(await withStoreRetry(f.fn, { delaysMs: [1, 1, 1], onRetry: (_e, n) => seen.push(n) })).toBe(3);
    expect(seen).toEqual([1, 2]);
  });

  it('throws the last error once the waits are used up', async () => {
    const f = flaky(5);
    await expect(withStoreRetry(f.fn, { delaysMs: [1, 1] })).rejects.toThrow('down 3');
    expect(f.calls()).toBe(3);
  });

  it('stops waiting when the signal aborts', async () => {
    const f = flaky(5);
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 20);
    const t0 = Date.now();
    await expect(withStoreRetry(f.fn, { delaysMs: [60_000], signal: ac.signal })).rejects.toThrow('down 1');
    expect(Date.now() - t0).toBeLessThan(30_000);
    expect(f.calls()).toBe(1);
  });
});
