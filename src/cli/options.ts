/** Options shared by commands that open the store. */
import type { Command } from 'commander';
import type { ConfigInput } from '../config/index.js';

export function withStoreOptions(cmd: Command): Command {
  return cmd
    .option('--data <dir>', 'data directory (default ./reelscript-data, env REELSCRIPT_DATA)')
    .option(
      '--database <url>',
      'database URL (default: SQLite file in the data directory, env DATABASE_URL)',
    );
}

export function storeOverrides(opts: { data?: string; database?: string }): Partial<ConfigInput> {
  return { dataDir: opts.data, databaseUrl: opts.database };
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
