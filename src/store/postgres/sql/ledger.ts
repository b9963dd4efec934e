/**
 * One ledger entry inside the caller's transaction. The account row is locked first (FOR UPDATE),
 * so concurrent charges of one account run one after another and each sees the balance the
 * previous one left: the balance can never go below zero (the CHECK constraint is a backstop).
 */
import type pg from 'pg';
import type { LedgerEntry } from '../../ports.js';
import { toLedger } from '../../rows.js';
import { rows } from '../pool.js';

export type LedgerResult = { ok: true; entry: LedgerEntry } | { ok: false; balanceMicro: number };

/** Lock the account row; null when the account does not exist. */
export async function lockAccount(c: pg.PoolClient, accountId: string): Promise<number | null> {
  const [acc] = await rows(c, 'SELECT balance_micro FROM accounts WHERE id = $1 FOR UPDATE', [accountId]);
  return acc ? Number(acc.balance_micro) : null;
}

export async function ledgerInTx(
  c: pg.PoolClient,
  at: number,
  accountId: string,
  amount: number,
  reason: LedgerEntry['reason'],
  taskId: string | null,
  note: string,
): Promise<LedgerResult> {
  const balance = await lockAccount(c, accountId);
  if (balance === null || balance + amount < 0) return { ok: false, balanceMicro: balance ?? 0 };
  const after = balance + amount;
  await c.query('UPDATE accounts SET balance_micro = $1 WHERE id = $2', [after, accountId]);
  const [row] = await rows(
    c,
    `INSERT INTO ledger (account_id, amount_micro, balance_after_micro, reason, task_id, note, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
    [accountId, amount, after, reason, taskId, note, at],
  );
  return { ok: true, entry: toLedger(row!) };
}
