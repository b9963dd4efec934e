/** Account administration used by the CLI (`keys …`, `account …`). */
import { AppError } from '../domain/errors.js';
import { MICRO } from '../domain/pricing.js';
import type { Account, ApiKeyRecord, LedgerEntry } from '../store/ports.js';
import type { ServiceDeps } from './deps.js';
import { newApiKey, newId } from './ids.js';

/** Create a key, creating the account when `accountId` is not given. The key is returned once. */
export async function createKey(
  deps: ServiceDeps,
  opts: { accountId?: string | undefined; name?: string | undefined; label?: string | undefined },
): Promise<{ key: string; record: ApiKeyRecord; account: Account }> {
  let account = opts.accountId ? await deps.store.getAccount(opts.accountId) : null;
  if (opts.accountId && !account) throw new AppError('NOT_FOUND', `account ${opts.accountId} does not exist`);
  account ??= await deps.store.createAccount(newId('acct'), opts.name ?? 'default');
  const { key, prefix, hash } = newApiKey();
  const record: ApiKeyRecord = {
    id: newId('key'),
    accountId: account.id,
    prefix,
    label: opts.label ?? '',
    createdAt: deps.now(),
    revokedAt: null,
  };
  await deps.store.createApiKey(record, hash);
  return { key, record, account };
}

export async function topUp(deps: ServiceDeps, accountId: string, dollars: number): Promise<LedgerEntry> {
  if (!Number.isFinite(dollars) || dollars <= 0 || dollars > 1e7)
    throw new AppError('INVALID_REQUEST', 'top-up amount must be a positive number of dollars');
  const r = await deps.store.appendLedger(accountId, Math.round(dollars * MICRO), 'topup', null, 'top-up');
  if (!r.ok) throw new AppError('NOT_FOUND', `account ${accountId} does not exist`);
  return r.entry;
}

export async function accountSummary(deps: ServiceDeps, accountId: string, ledgerLimit = 50) {
  const account = await deps.store.getAccount(accountId);
  if (!account) throw new AppError('NOT_FOUND', `account ${accountId} does not exist`);
  const ledger = await deps.store.listLedger(accountId, ledgerLimit);
  return {
    account_id: account.id,
    name: account.name,
    balance: account.balanceMicro / MICRO,
    balance_micro: account.balanceMicro,
    ledger: ledger.map((e) => ({
      id: e.id,
      amount: e.amountMicro / MICRO,
      balance_after: e.balanceAfterMicro / MICRO,
      reason: e.reason,
      task_id: e.taskId,
      note: e.note,
      created_at: new Date(e.createdAt).toISOString(),
    })),
  };
}
