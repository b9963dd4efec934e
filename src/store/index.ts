/** Picks a store adapter from a database URL; the only place adapters are named. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Store } from './ports.js';
import { SqliteStore } from './sqlite/adapter.js';

export type { Store } from './ports.js';

export async function openStore(databaseUrl: string): Promise<Store> {
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error(
      'PostgreSQL support is not built yet: use a SQLite path (sqlite:FILE) or omit --database',
    );
  }
  const file = databaseUrl.replace(/^sqlite:(\/\/)?/, '');
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const store = new SqliteStore(file);
  await store.migrate();
  return store;
}
