import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { freshSchema, type PgScratch } from '../../../test/helpers/pg.js';
import { runStoreContract } from '../contract.js';
import { PostgresStore } from './adapter.js';

// One fresh schema per contract test on the real server; all dropped at the end.
const scratch: PgScratch[] = [];
afterAll(async () => {
  await Promise.all(scratch.map((s) => s.drop()));
});

runStoreContract('postgres', async (clock) => {
  const s = await freshSchema();
  scratch.push(s);
  const store = new PostgresStore(s.url, () => clock.now);
  await store.migrate();
  return store;
});

describe('postgres migrations', () => {
  it('apply once when several processes start at the same moment', async () => {
    const s = await freshSchema();
    scratch.push(s);
    const stores = Array.from({ length: 4 }, () => new PostgresStore(s.url));
    await Promise.all(stores.map((x) => x.migrate()));
    await Promise.all(stores.map((x) => x.close()));
    const c = new pg.Client({ connectionString: s.url });
    await c.connect();
    const r = await c.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    await c.end();
    expect(r.rows.map((x) => x.version)).toEqual([1, 2]);
  });

  it('parses BIGINT times and amounts back to numbers', async () => {
    const s = await freshSchema();
    scratch.push(s);
    const store = new PostgresStore(s.url, () => 1_764_000_000_000);
    await store.migrate();
    await store.createAccount('a', 'a');
    const r = await store.appendLedger('a', 9_000_000_000_000, 'topup', null, 'big');
    await store.close();
    expect(r.ok && r.entry).toMatchObject({
      balanceAfterMicro: 9_000_000_000_000,
      createdAt: 1_764_000_000_000,
    });
    expect(typeof (r.ok && r.entry.id)).toBe('number');
  });
});
