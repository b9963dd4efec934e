/**
 * Submit: idempotency check, charge and insert the task with its episode jobs in one transaction.
 * The account row is locked before the idempotency lookup, so two concurrent submits of one
 * account (same key or not) are serialised: the second sees the first's task and its charge.
 */
import type pg from 'pg';
import type { CreateTaskResult, NewTask } from '../../ports.js';
import { toTask } from '../../rows.js';
import { rows } from '../pool.js';
import { ledgerInTx, lockAccount } from './ledger.js';

export async function createTaskInTx(c: pg.PoolClient, at: number, t: NewTask): Promise<CreateTaskResult> {
  const balance = await lockAccount(c, t.accountId);
  if (balance === null) return { kind: 'insufficient_balance', balanceMicro: 0 };
  if (t.idempotencyKey) {
    const [prior] = await rows(c, 'SELECT * FROM tasks WHERE account_id = $1 AND idempotency_key = $2', [
      t.accountId,
      t.idempotencyKey,
    ]);
    if (prior) {
      return prior.request_hash === t.requestHash
        ? { kind: 'replayed', task: toTask(prior) }
        : { kind: 'idempotency_conflict' };
    }
  }
  const note = `screenplay task, ${t.episodes.length} episode(s)`;
  const charged = await ledgerInTx(c, at, t.accountId, -t.costMicro, 'task', t.id, note);
  if (!charged.ok) return { kind: 'insufficient_balance', balanceMicro: charged.balanceMicro };
  const episodes = Object.fromEntries(t.episodes.map((e) => [e.episode, e.assetId]));
  const [task] = await rows(
    c,
    `INSERT INTO tasks (id, account_id, mode, config_json, episodes_json, status, warnings_json, cost_micro,
       total_duration, concurrency, idempotency_key, request_hash, created_at)
     VALUES ($1, $2, $3, $4, $5, 'pending', $6, $7, $8, $9, $10, $11, $12) RETURNING *`,
    [
      t.id,
      t.accountId,
      t.mode,
      JSON.stringify(t.config),
      JSON.stringify(episodes),
      JSON.stringify(t.warnings),
      t.costMicro,
      t.totalDurationSeconds,
      t.concurrency,
      t.idempotencyKey,
      t.requestHash,
      at,
    ],
  );
  if (t.episodes.length > 0) {
    // One statement for all episode jobs: parallel arrays unnested into rows.
    await c.query(
      `INSERT INTO jobs (task_id, kind, episode, ep_order, asset_id, state, run_after)
       SELECT $1, 'episode', e.episode, e.ord - 1, e.asset_id, 'queued', 0
       FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS e(episode, asset_id, ord)`,
      [t.id, t.episodes.map((e) => e.episode), t.episodes.map((e) => e.assetId)],
    );
  }
  return { kind: 'created', task: toTask(task!) };
}
