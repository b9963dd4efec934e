/**
 * The pg connection pool and the transaction helper every multi-statement mutation goes through.
 * BIGINT columns hold epoch-ms times and micro-dollar amounts; pg returns int8 as a string (it may
 * exceed 2^53), but ours never do, so this pool's own type table parses them back to numbers
 * without touching pg's process-wide defaults.
 */
import pg from 'pg';

export type Db = pg.Pool | pg.PoolClient;

const INT8_OID = 20;

function parserFor(oid: number, format?: 'text' | 'binary'): (v: string) => unknown {
  if (oid === INT8_OID && format !== 'binary') return (v) => Number(v);
  return pg.types.getTypeParser(oid, format ?? 'text') as (v: string) => unknown;
}

const types = { getTypeParser: parserFor };

export function createPool(connectionString: string): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    types,
    max: 10,
    idleTimeoutMillis: 10_000,
    // A server that accepts TCP but never answers must not hang a claim loop forever; keep-alive
    // notices connections dropped by the network (worker on another machine).
    connectionTimeoutMillis: 10_000,
    keepAlive: true,
  });
  // An idle client whose server connection drops (PostgreSQL restart) emits 'error' on the pool;
  // unhandled, that would crash the process. The pool discards the client and the next query
  // opens a fresh connection, so there is nothing else to do here.
  pool.on('error', () => undefined);
  // Checked-out clients have no pool listener, and pg can emit 'error' on one before its user has
  // attached its own: a server's "terminating connection" can arrive in the same socket read as
  // the ReadyForQuery that hands the client to the next waiter (seen as a worker crash in
  // pg-reconnect's storm of cuts). A permanent no-op listener keeps that from killing the
  // process; the failure still reaches the client's queries, and the pool still discards it.
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}

/** Run fn inside BEGIN … COMMIT on one client; ROLLBACK on any error and rethrow it. */
export async function withTx<T>(pool: pg.Pool, fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  // A checked-out client is outside the pool's idle 'error' listener: a connection dropped between
  // two statements (server restart, pg_terminate_backend) emits 'error' on the client, which would
  // crash the process unhandled. The next statement fails anyway; this keeps the client out of the pool.
  const onError = (): void => {
    broken = true;
  };
  client.on('error', onError);
  try {
    await client.query('BEGIN');
    const out = await fn(client);
    await client.query('COMMIT');
    return out;
  } catch (err) {
    try {
      await client.query('ROLLBACK');
    } catch {
      broken = true; // the connection itself failed: do not hand it back to the pool
    }
    throw err;
  } finally {
    client.off('error', onError);
    client.release(broken);
  }
}

/** Rows of a query as plain records (the shared row mappers take these). */
export async function rows(
  db: Db,
  sql: string,
  params: unknown[] = [],
): Promise<Array<Record<string, unknown>>> {
  return (await db.query(sql, params)).rows as Array<Record<string, unknown>>;
}

/** Rows affected by a guarded UPDATE/DELETE. */
export async function affected(db: Db, sql: string, params: unknown[] = []): Promise<number> {
  return (await db.query(sql, params)).rowCount ?? 0;
}
