/**
 * Prepared-statement reuse for one connection. better-sqlite3 compiles the SQL on every
 * `prepare`, and the adapter prepares at each call: under bench:api's polling load that compile
 * alone was several percent of the API process's CPU. Statements are keyed by their SQL text;
 * the few dynamic statements (asset column sets, listing filters) have a handful of shapes, and
 * the bound keeps a misuse from growing the map without end. Safe because no caller changes a
 * statement's mode (pluck/raw/expand) and every call runs to completion synchronously.
 */
import type Database from 'better-sqlite3';

const MAX_STATEMENTS = 256;

export function reuseStatements(db: Database.Database): void {
  const compile = db.prepare.bind(db);
  const cache = new Map<string, Database.Statement>();
  db.prepare = ((sql: string) => {
    let stmt = cache.get(sql);
    if (!stmt) {
      stmt = compile(sql);
      if (cache.size >= MAX_STATEMENTS) cache.clear();
      cache.set(sql, stmt);
    }
    return stmt;
  }) as typeof db.prepare;
}
