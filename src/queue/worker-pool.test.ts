import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../store/index.js';
import { SqliteStore } from '../store/sqlite/adapter.js';
import { WorkerPool } from './worker-pool.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A real SQLite store whose completeJob fails the first `failures` times, as a dropped connection would. */
async function storeFailingCompletions(
  failures: number,
): Promise<{ store: Store; completeCalls: () => number }> {
  const dir = mkdtempSync(join(tmpdir(), 'reelscript-pool-'));
  dirs.push(dir);
  const real = new SqliteStore(join(dir, 'db.sqlite'));
  await real.migrate();
  let calls = 0;
  const store = new Proxy(real, {
    get(target, prop, receiver) {
      if (prop === 'completeJob')
        return (f: Parameters<Store['completeJob']>[0]) =>
          ++calls <= failures
            ? Promise.reject(new Error('Connection terminated unexpectedly'))
            : target.completeJob(f);
      const v: unknown = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
  return { store, completeCalls: () => calls };
}

describe('WorkerPool', () => {
  it('records a finished episode across a short store outage instead of failing the attempt', async () => {
    const { store, completeCalls } = await storeFailingCompletions(2);
    await store.createAccount('a', 'a');
    await store.appendLedger('a', 10_000_000, 'topup', null, 'test');
    await store.createTask({
      id: 't1',
      accountId: 'a',
      mode: 'short_drama',
      config: {},
      episodes: [{ episode: '1', assetId: 're_1' }],
      costMicro: 1_000_000,
      totalDurationSeconds: 10,
      concurrency: 1,
      warnings: [],
      idempotencyKey: null,
      requestHash: null,
    });
    const runs: string[] = [];
    const logs: string[] = [];
    const pool = new WorkerPool({
      store,
      events: new EventEmitter(),
      handlers: {
        episode: (ctx) => Promise.resolve(void runs.push(`episode ${ctx.job.episode}`)),
        series: () => Promise.resolve(void runs.push('series')),
      },
      size: 1,
      leaseMs: 30_000,
      heartbeatMs: 1000,
      pollMs: 20,
      maxAttempts: 3,
      log: (m) => logs.push(m),
    });
    pool.start();
    for (let i = 0; i < 300 && (await store.getTask('t1'))?.status !== 'completed'; i++)
      await new Promise((r) => setTimeout(r, 50));
    await pool.shutdown(1000);
    expect((await store.getTask('t1'))?.status, logs.join('\n')).toBe('completed');
    // The episode ran once: the two failed recordings were retried, not turned into a new attempt.
    expect(runs).toEqual(['episode 1', 'series']);
    expect((await store.listJobs('t1')).map((j) => [j.kind, j.state, j.attempts])).toEqual([
      ['episode', 'done', 1],
      ['series', 'done', 1],
    ]);
    expect(completeCalls()).toBe(4);
    expect(logs.filter((l) => l.includes('recording completion failed'))).toHaveLength(2);
    await store.close();
  });
});
