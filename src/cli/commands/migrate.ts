/** `reelscript migrate`: apply pending numbered migrations (they also run on start). */
import { Command } from 'commander';
import { openDeps } from '../../main.js';
import { printJson, storeOverrides, withStoreOptions } from '../options.js';

export function migrateCommand(): Command {
  return withStoreOptions(new Command('migrate'))
    .description('Apply database migrations')
    .action(async (o: { data?: string; database?: string }) => {
      const deps = await openDeps(storeOverrides(o));
      await deps.store.close();
      printJson({ migrated: true, dialect: deps.store.dialect });
    });
}
