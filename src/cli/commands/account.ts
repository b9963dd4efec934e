/** `reelscript account show|topup`. */
import { Command } from 'commander';
import { openDeps } from '../../main.js';
import { accountSummary, topUp } from '../../services/accounts.js';
import { printJson, storeOverrides, withStoreOptions } from '../options.js';

type O = { data?: string; database?: string };

export function accountCommand(): Command {
  const account = new Command('account').description('Show balances and top up accounts');
  account.addCommand(
    withStoreOptions(new Command('show'))
      .description('Show an account with its ledger, or every account')
      .argument('[account-id]')
      .action(async (id: string | undefined, o: O) => {
        const deps = await openDeps(storeOverrides(o));
        try {
          if (id) printJson(await accountSummary(deps, id));
          else
            printJson(
              (await deps.store.listAccounts()).map((a) => ({
                account_id: a.id,
                name: a.name,
                balance: a.balanceMicro / 1e6,
              })),
            );
        } finally {
          await deps.store.close();
        }
      }),
  );
  account.addCommand(
    withStoreOptions(new Command('topup'))
      .description('Add dollars to an account balance')
      .argument('<account-id>')
      .argument('<dollars>', 'amount in dollars, e.g. 25 or 9.5')
      .action(async (id: string, dollars: string, o: O) => {
        const deps = await openDeps(storeOverrides(o));
        try {
          const e = await topUp(deps, id, Number(dollars));
          printJson({ account_id: id, added: e.amountMicro / 1e6, balance: e.balanceAfterMicro / 1e6 });
        } finally {
          await deps.store.close();
        }
      }),
  );
  return account;
}
