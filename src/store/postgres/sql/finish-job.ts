/**
 * Finishing a job (done, failed, retried) and what that does to its task, one transaction each.
 * The task row is locked first: when the last two episodes finish at the same moment, each
 * transaction must see the other's result, or neither would enqueue the series step (under
 * READ COMMITTED each would still see the other episode running). Same lock order as claims.
 */
import type pg from 'pg';
import type { FinishJob, JobOutcome, TaskRecord } from '../../ports.js';
import { summariseFailures, toJob } from '../../rows.js';
import { affected, rows } from '../pool.js';
import { enqueueTerminalDelivery } from './webhooks.js';

export interface FailJob extends FinishJob {
  code: string;
  message: string;
  retryable: boolean;
  maxAttempts: number;
  backoffMs: number;
}

const NOT_APPLIED: JobOutcome = { applied: false, taskStatus: null };

/** Lock the job's task row; returns the task id, or null when the job does not exist. */
async function lockTaskOf(c: pg.PoolClient, jobId: number): Promise<string | null> {
  const [t] = await rows(
    c,
    'SELECT t.id FROM tasks t WHERE t.id = (SELECT task_id FROM jobs WHERE id = $1) FOR UPDATE',
    [jobId],
  );
  return t ? String(t.id) : null;
}

async function taskStatus(c: pg.PoolClient, taskId: string): Promise<TaskRecord['status'] | null> {
  const [r] = await rows(c, 'SELECT status FROM tasks WHERE id = $1', [taskId]);
  return r ? (String(r.status) as TaskRecord['status']) : null;
}

export async function completeJobInTx(c: pg.PoolClient, at: number, f: FinishJob): Promise<JobOutcome> {
  const taskId = await lockTaskOf(c, f.jobId);
  if (!taskId) return NOT_APPLIED;
  const [row] = await rows(
    c,
    `UPDATE jobs SET state = 'done', progress = 1, finished_at = $1, lease_until = NULL
     WHERE id = $2 AND worker_id = $3 AND state = 'running' RETURNING *`,
    [at, f.jobId, f.workerId],
  );
  if (!row) return NOT_APPLIED;
  if (toJob(row).kind === 'series') {
    const sql =
      "UPDATE tasks SET status = 'completed', finished_at = $1 WHERE id = $2 AND status = 'running'";
    if ((await affected(c, sql, [at, taskId])) > 0) await enqueueTerminalDelivery(c, taskId, 'completed', at);
    return { applied: true, taskStatus: await taskStatus(c, taskId) };
  }
  return { applied: true, taskStatus: await afterEpisodeTerminal(c, taskId, at) };
}

export async function failJobInTx(c: pg.PoolClient, at: number, f: FailJob): Promise<JobOutcome> {
  const taskId = await lockTaskOf(c, f.jobId);
  if (!taskId) return NOT_APPLIED;
  const [cur] = await rows(c, "SELECT * FROM jobs WHERE id = $1 AND worker_id = $2 AND state = 'running'", [
    f.jobId,
    f.workerId,
  ]);
  if (!cur) return NOT_APPLIED;
  if (f.retryable && toJob(cur).attempts < f.maxAttempts) {
    await c.query(
      `UPDATE jobs SET state = 'queued', worker_id = NULL, lease_until = NULL, run_after = $1,
         error_code = $2, error_message = $3 WHERE id = $4`,
      [at + f.backoffMs, f.code, f.message, f.jobId],
    );
    return { applied: true, taskStatus: await taskStatus(c, taskId) };
  }
  await c.query(
    `UPDATE jobs SET state = 'failed', finished_at = $1, lease_until = NULL, error_code = $2, error_message = $3
     WHERE id = $4`,
    [at, f.code, f.message, f.jobId],
  );
  return { applied: true, taskStatus: await afterEpisodeTerminal(c, taskId, at) };
}

/** Once every episode job is terminal: fail the task, or enqueue the series step. */
async function afterEpisodeTerminal(
  c: pg.PoolClient,
  taskId: string,
  at: number,
): Promise<TaskRecord['status'] | null> {
  const jobs = (await rows(c, 'SELECT * FROM jobs WHERE task_id = $1 ORDER BY ep_order', [taskId])).map(
    toJob,
  );
  const episodes = jobs.filter((j) => j.kind === 'episode');
  if (episodes.some((j) => j.state === 'queued' || j.state === 'running')) return taskStatus(c, taskId);
  const failed = jobs.filter((j) => j.state === 'failed');
  if (failed.length > 0) {
    const { code, message } = summariseFailures(failed, episodes.length);
    const marked = await affected(
      c,
      `UPDATE tasks SET status = 'failed', error_code = $1, error_message = $2, finished_at = $3
       WHERE id = $4 AND status IN ('pending', 'running')`,
      [code, message, at, taskId],
    );
    if (marked > 0) await enqueueTerminalDelivery(c, taskId, 'failed', at);
  } else if (episodes.every((j) => j.state === 'done')) {
    await c.query(
      `INSERT INTO jobs (task_id, kind, episode, ep_order, state, run_after)
       VALUES ($1, 'series', '', $2, 'queued', 0) ON CONFLICT (task_id, kind, episode) DO NOTHING`,
      [taskId, episodes.length],
    );
  }
  return taskStatus(c, taskId);
}
