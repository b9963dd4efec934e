/** Task reads and the task-level mutations that are not job claims or finishes. */
import type pg from 'pg';
import { taskSourcesFor } from '../../../domain/task-state.js';
import type { TaskListQuery, TaskRecord } from '../../ports.js';
import { decodeCursor, encodeCursor, toTask } from '../../rows.js';
import { rows, type Db } from '../pool.js';
import { enqueueTerminalDelivery } from './webhooks.js';

export async function listTasks(
  db: Db,
  q: TaskListQuery,
): Promise<{ tasks: TaskRecord[]; nextCursor: string | null }> {
  const params: unknown[] = [q.accountId];
  const where = ['account_id = $1'];
  if (q.status) {
    params.push(q.status);
    where.push(`status = $${params.length}`);
  }
  const c = q.cursor ? decodeCursor(q.cursor) : null;
  if (c) {
    params.push(c.createdAt, c.id);
    where.push(`(created_at, id) < ($${params.length - 1}, $${params.length})`);
  }
  params.push(q.limit + 1);
  const found = await rows(
    db,
    `SELECT * FROM tasks WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT $${params.length}`,
    params,
  );
  const tasks = found.slice(0, q.limit).map(toTask);
  const last = tasks[tasks.length - 1];
  return {
    tasks,
    nextCursor: found.length > q.limit && last ? encodeCursor(last.createdAt, last.id) : null,
  };
}

/** pending/running → cancelled with its unfinished jobs; the task row is updated (locked) first. */
export async function requestCancelInTx(
  c: pg.PoolClient,
  at: number,
  taskId: string,
  accountId: string,
): Promise<{ cancelled: boolean; status: TaskRecord['status'] | null }> {
  const r = await c.query(
    `UPDATE tasks SET status = 'cancelled', finished_at = $1
     WHERE id = $2 AND account_id = $3 AND status = ANY($4::text[])`,
    [at, taskId, accountId, taskSourcesFor('cancelled')],
  );
  const cancelled = (r.rowCount ?? 0) > 0;
  if (cancelled) {
    await enqueueTerminalDelivery(c, taskId, 'cancelled', at);
    await c.query(
      `UPDATE jobs SET state = 'cancelled', finished_at = $1, lease_until = NULL
       WHERE task_id = $2 AND state IN ('queued', 'running')`,
      [at, taskId],
    );
  }
  const [row] = await rows(c, 'SELECT status FROM tasks WHERE id = $1 AND account_id = $2', [
    taskId,
    accountId,
  ]);
  return { cancelled, status: row ? (String(row.status) as TaskRecord['status']) : null };
}

/** Merge warnings into the task's list (deduplicated), under the task row lock. */
export async function addTaskWarningsInTx(
  c: pg.PoolClient,
  taskId: string,
  warnings: string[],
): Promise<void> {
  const [row] = await rows(c, 'SELECT warnings_json FROM tasks WHERE id = $1 FOR UPDATE', [taskId]);
  if (!row) return;
  const merged = [...new Set([...(JSON.parse(String(row.warnings_json)) as string[]), ...warnings])];
  await c.query('UPDATE tasks SET warnings_json = $1 WHERE id = $2', [JSON.stringify(merged), taskId]);
}
