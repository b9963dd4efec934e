/** `reelscript keys create|list|revoke`. */
import { Command } from 'commander';
import { openDeps } from '../../main.js';
import { createKey } from '../../services/accounts.js';
import { printJson, storeOverrides, withStoreOptions } from '../options.js';

type O = { data?: string; database?: string; account?: string; name?: string; label?: string };

export function keysCommand(): Command {
  const keys = new Command('keys').description('Manage API keys');
  keys.addCommand(
    withStoreOptions(new Command('create'))
      .description('Create an API key (and a new account unless --account is given); the key is shown once')
      .option('--account <id>', 'existing account to add the key to')
      .option('--name <name>', 'name of the new account')
      .option('--label <label>', 'label for the key')
      .action(async (o: O) => {
        const deps = await openDeps(storeOverrides(o));
        try {
          const r = await createKey(deps, { accountId: o.account, name: o.name, label: o.label });
          printJson({ key: r.key, key_id: r.record.id, account_id: r.account.id });
        } finally {
          await deps.store.close();
        }
      }),
  );
  keys.addCommand(
    withStoreOptions(new Command('list'))
      .description('List API keys (prefixes only)')
      .option('--account <id>', 'only this account')
      .action(async (o: O) => {
        const deps = await openDeps(storeOverrides(o));
        try {
          const list = await deps.store.listApiKeys(o.account);
          printJson(
            list.map((k) => ({
              key_id: k.id,
              prefix: k.prefix,
              account_id: k.accountId,
              label: k.label,
              created_at: new Date(k.createdAt).toISOString(),
              revoked: k.revokedAt !== null,
            })),
          );
        } finally {
          await deps.store.close();
        }
      }),
  );
  keys.addCommand(
    withStoreOptions(new Command('revoke'))
      .description('Revoke a key by id or prefix')
      .argument('<key-id>', 'key id (key_…) or prefix')
      .action(async (id: string, o: O) => {
        const deps = await openDeps(storeOverrides(o));
        try {
          if (!(await deps.store.revokeApiKey(id))) throw new Error(`no active key ${id}`);
          printJson({ revoked: id });
        } finally {
          await deps.store.close();
        }
      }),
  );
  return keys;
}
