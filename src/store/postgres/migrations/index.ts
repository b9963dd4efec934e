/** Numbered PostgreSQL migrations, applied in order by migrate.ts; never edit one once released. */
import { sql as init } from './001-init.js';
import { sql as webhooks } from './002-webhooks.js';

export const PG_MIGRATIONS: ReadonlyArray<{ version: number; name: string; sql: string }> = [
  { version: 1, name: 'init', sql: init },
  { version: 2, name: 'webhooks', sql: webhooks },
];
