/**
 * Fresh PostgreSQL schemas and databases for tests, on the real server (.ci/run starts it).
 * When the server is down, these throw a clear error: the PostgreSQL tests fail, never skip.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The admin URL; a test database `test` exists on the CI machine. */
export const PG_ADMIN_URL = process.env.REELSCRIPT_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 5000 });
  try {
    await c.connect();
  } catch (err) {
    throw new Error(
      `PostgreSQL is not reachable at ${PG_ADMIN_URL} (${err instanceof Error ? err.message : String(err)}); ` +
        'start it (e.g. pg_ctlcluster 15 main start, as .ci/run does)',
    );
  }
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

function withParam(url: string, name: string, value: string): string {
  const u = new URL(url);
  u.searchParams.set(name, value);
  return u.toString();
}

const newName = (prefix: string): string =>
  `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;

export interface PgScratch {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A new empty schema; the URL makes it the connection's search_path. */
export async function freshSchema(): Promise<PgScratch> {
  const name = newName('t');
  await admin((c) => c.query(`CREATE SCHEMA ${name}`));
  return {
    name,
    url: withParam(PG_ADMIN_URL, 'options', `-c search_path=${name}`),
    drop: () => admin((c) => c.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`)).then(() => undefined),
  };
}

/** A new empty database (for tests that run several processes against one URL). */
export async function freshDatabase(): Promise<PgScratch> {
  const name = newName('reelscript_test');
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const u = new URL(PG_ADMIN_URL);
  u.pathname = `/${name}`;
  return {
    name,
    url: u.toString(),
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
