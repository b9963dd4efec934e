/** Webhook queries of the SQLite adapter (kept apart from the task queries for size). */
import type Database from 'better-sqlite3';
import type { DeliveryAttempt, DeliveryRecord, WebhookConfig } from '../ports.js';
import { toDelivery, toDeliveryAttempt, type Row } from '../rows.js';

export function setWebhook(
  db: Database.Database,
  accountId: string,
  url: string,
  secret: string,
  now: number,
): void {
  db.prepare(
    `INSERT INTO webhooks (account_id, url, secret, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (account_id) DO UPDATE SET url = excluded.url, secret = excluded.secret, updated_at = excluded.updated_at`,
  ).run(accountId, url, secret, now);
}

export function getWebhook(db: Database.Database, accountId: string): WebhookConfig | null {
  const r = db.prepare('SELECT * FROM webhooks WHERE account_id = ?').get(accountId) as Row | undefined;
  return r
    ? { accountId, url: String(r.url), secret: String(r.secret), updatedAt: Number(r.updated_at) }
    : null;
}

/** Called inside the transaction that made the task terminal: at most one delivery per state. */
export function enqueueTerminalDelivery(
  db: Database.Database,
  taskId: string,
  event: string,
  now: number,
): void {
  db.prepare(
    `INSERT OR IGNORE INTO webhook_deliveries (account_id, task_id, event, state, attempts, next_attempt_at, created_at)
     SELECT t.account_id, t.id, ?, 'pending', 0, ?, ? FROM tasks t JOIN webhooks w ON w.account_id = t.account_id WHERE t.id = ?`,
  ).run(event, now, now, taskId);
}

export function claimDueDelivery(db: Database.Database, leaseMs: number, now: number): DeliveryRecord | null {
  const r = db
    .prepare(
      `SELECT * FROM webhook_deliveries WHERE state = 'pending' AND next_attempt_at <= ? AND lease_until <= ?
       ORDER BY next_attempt_at, id LIMIT 1`,
    )
    .get(now, now) as Row | undefined;
  if (!r) return null;
  db.prepare('UPDATE webhook_deliveries SET lease_until = ? WHERE id = ?').run(now + leaseMs, r.id);
  return toDelivery(r);
}

export function recordDeliveryAttempt(
  db: Database.Database,
  id: number,
  a: Omit<DeliveryAttempt, 'attempt'> & { ok: boolean; nextAttemptAt: number | null },
): void {
  const cur = db.prepare('SELECT attempts FROM webhook_deliveries WHERE id = ?').get(id) as Row | undefined;
  if (!cur) return;
  const attempt = Number(cur.attempts) + 1;
  db.prepare(
    'INSERT INTO webhook_attempts (delivery_id, attempt, at, url, status, error, duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(id, attempt, a.at, a.url, a.status, a.error, a.durationMs);
  const state = a.ok ? 'delivered' : a.nextAttemptAt === null ? 'failed' : 'pending';
  db.prepare(
    `UPDATE webhook_deliveries SET attempts = ?, state = ?, next_attempt_at = ?, lease_until = 0, last_status = ?,
       last_error = ?, delivered_at = ? WHERE id = ?`,
  ).run(attempt, state, a.nextAttemptAt ?? a.at, a.status, a.error, a.ok ? a.at : null, id);
}

export function listDeliveries(db: Database.Database, accountId: string, limit: number): DeliveryRecord[] {
  const rows = db
    .prepare('SELECT * FROM webhook_deliveries WHERE account_id = ? ORDER BY id DESC LIMIT ?')
    .all(accountId, limit) as Row[];
  const attempts = db.prepare('SELECT * FROM webhook_attempts WHERE delivery_id = ? ORDER BY attempt');
  return rows.map((r) => toDelivery(r, (attempts.all(r.id) as Row[]).map(toDeliveryAttempt)));
}
