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

  it('survives the server dropping its connections and reconnects', async () => {
    const s = await freshSchema();
    scratch.push(s);
    const url = new URL(s.url);
    url.searchParams.set('application_name', s.name); // to find exactly this pool's sessions
    const store = new PostgresStore(url.toString());
    await store.migrate();
    await store.createAccount('a', 'a');
    const admin = new pg.Client({ connectionString: s.url });
    await admin.connect();
    const killed = await admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1',
      [s.name],
    );
    await admin.end();
    expect(killed.rowCount).toBeGreaterThan(0);
    // The idle clients' errors must not crash the process; the next calls open fresh connections.
    let account = null;
    for (let i = 0; i < 50 && !account; i++) {
      account = await store.getAccount('a').catch(() => null);
      if (!account) await new Promise((r) => setTimeout(r, 100));
    }
    expect(account?.name).toBe('a');
    expect((await store.appendLedger('a', 5, 'topup', null, 'after reconnect')).ok).toBe(true);
    await store.close();
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
