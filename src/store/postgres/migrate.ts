/**
 * Applies pending migrations in one transaction under a transaction-scoped advisory lock, so
 * several processes starting at once (API + workers) queue up instead of racing on DDL: the
 * first applies, the others then see every version recorded and do nothing. The lock key is
 * derived from the schema name, so separate schemas (test isolation) do not wait on each other.
 */
import type pg from 'pg';
import { rows, withTx } from './pool.js';
import { PG_MIGRATIONS } from './migrations/index.js';

export async function migrate(pool: pg.Pool, now: () => number): Promise<number[]> {
  return withTx(pool, async (c) => {
    await c.query(
      "SELECT pg_advisory_xact_lock(hashtext(coalesce(current_schema(), '') || ':reelscript:migrate'))",
    );
    await c.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)',
    );
    const done = new Set(
      (await rows(c, 'SELECT version FROM schema_migrations')).map((r) => Number(r.version)),
    );
    const applied: number[] = [];
    for (const m of PG_MIGRATIONS) {
      if (done.has(m.version)) continue;
      await c.query(m.sql);
      await c.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
        m.version,
        m.name,
        now(),
      ]);
      applied.push(m.version);
    }
    return applied;
  });
}
