/**
 * Webhook queries. A delivery row is inserted in the same transaction that makes a task terminal
 * (at most one per task and state); deliverers lease due rows with SKIP LOCKED, so several
 * processes never send the same delivery at once.
 */
import type pg from 'pg';
import type { DeliveryAttempt, DeliveryRecord, WebhookConfig } from '../../ports.js';
import { toDelivery, toDeliveryAttempt } from '../../rows.js';
import { rows, type Db } from '../pool.js';

export type AttemptInput = Omit<DeliveryAttempt, 'attempt'> & { ok: boolean; nextAttemptAt: number | null };

export async function setWebhook(
  db: Db,
  accountId: string,
  url: string,
  secret: string,
  now: number,
): Promise<void> {
  await db.query(
    `INSERT INTO webhooks (account_id, url, secret, updated_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (account_id) DO UPDATE SET url = excluded.url, secret = excluded.secret, updated_at = excluded.updated_at`,
    [accountId, url, secret, now],
  );
}

export async function getWebhook(db: Db, accountId: string): Promise<WebhookConfig | null> {
  const [r] = await rows(db, 'SELECT * FROM webhooks WHERE account_id = $1', [accountId]);
  return r
    ? { accountId, url: String(r.url), secret: String(r.secret), updatedAt: Number(r.updated_at) }
    : null;
}

/** Inside the transaction that made the task terminal; nothing when the account has no webhook. */
export async function enqueueTerminalDelivery(
  c: pg.PoolClient,
  taskId: string,
  event: string,
  now: number,
): Promise<void> {
  await c.query(
    `INSERT INTO webhook_deliveries (account_id, task_id, event, state, attempts, next_attempt_at, created_at)
     SELECT t.account_id, t.id, $1, 'pending', 0, $2, $2 FROM tasks t JOIN webhooks w ON w.account_id = t.account_id
     WHERE t.id = $3 ON CONFLICT (task_id, event) DO NOTHING`,
    [event, now, taskId],
  );
}

export async function claimDueDelivery(db: Db, leaseMs: number, now: number): Promise<DeliveryRecord | null> {
  const [r] = await rows(
    db,
    `UPDATE webhook_deliveries SET lease_until = $2 WHERE id = (
       SELECT id FROM webhook_deliveries WHERE state = 'pending' AND next_attempt_at <= $1 AND lease_until <= $1
       ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
     RETURNING *`,
    [now, now + leaseMs],
  );
  return r ? toDelivery(r) : null;
}

export async function recordDeliveryAttemptInTx(
  c: pg.PoolClient,
  id: number,
  a: AttemptInput,
): Promise<void> {
  const [cur] = await rows(c, 'SELECT attempts FROM webhook_deliveries WHERE id = $1 FOR UPDATE', [id]);
  if (!cur) return;
  const attempt = Number(cur.attempts) + 1;
  await c.query(
    'INSERT INTO webhook_attempts (delivery_id, attempt, at, url, status, error, duration_ms) VALUES ($1, $2, $3, $4, $5, $6, $7)',
    [id, attempt, a.at, a.url, a.status, a.error, a.durationMs],
  );
  const state = a.ok ? 'delivered' : a.nextAttemptAt === null ? 'failed' : 'pending';
  await c.query(
    `UPDATE webhook_deliveries SET attempts = $1, state = $2, next_attempt_at = $3, lease_until = 0, last_status = $4,
       last_error = $5, delivered_at = $6 WHERE id = $7`,
    [attempt, state, a.nextAttemptAt ?? a.at, a.status, a.error, a.ok ? a.at : null, id],
  );
}

export async function listDeliveries(db: Db, accountId: string, limit: number): Promise<DeliveryRecord[]> {
  const found = await rows(
    db,
    'SELECT * FROM webhook_deliveries WHERE account_id = $1 ORDER BY id DESC LIMIT $2',
    [accountId, limit],
  );
  if (found.length === 0) return [];
  const attempts = await rows(
    db,
    'SELECT * FROM webhook_attempts WHERE delivery_id = ANY($1::bigint[]) ORDER BY delivery_id, attempt',
    [found.map((r) => r.id)],
  );
  return found.map((r) =>
    toDelivery(r, attempts.filter((a) => a.delivery_id === r.id).map(toDeliveryAttempt)),
  );
}
