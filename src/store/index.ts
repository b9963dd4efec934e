/** Picks a store adapter from a database URL; the only place adapters are named. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Store } from './ports.js';
import { PostgresStore } from './postgres/adapter.js';
import { SqliteStore } from './sqlite/adapter.js';

export type { Store } from './ports.js';

/** Open and migrate the store: postgres:// or postgresql:// URLs, else a SQLite file (sqlite:FILE). */
export async function openStore(databaseUrl: string): Promise<Store> {
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
    const store = new PostgresStore(databaseUrl);
    try {
      await store.migrate();
    } catch (err) {
      await store.close();
      throw err;
    }
    return store;
  }
  const file = databaseUrl.replace(/^sqlite:(\/\/)?/, '');
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const store = new SqliteStore(file);
  await store.migrate();
  return store;
}
