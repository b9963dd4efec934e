/**
 * Claim the next runnable job, honouring each task's concurrency, in one transaction.
 *
 * Why lock the task row: a job claim is "count this task's live episode leases, and if below
 * its concurrency take one more". Under READ COMMITTED two claimers could both count N-1 and
 * both take a job, so the count and the take must be serialised per task. Locking the job rows
 * alone (plain SKIP LOCKED as in graphile-worker) cannot do that, because the rows that decide
 * the count are the *other* jobs. So step 1 picks the oldest task with work and spare capacity
 * and locks its row `FOR UPDATE SKIP LOCKED`: claimers for other tasks never wait, and claimers
 * for the same task skip it this round (the pool polls again). Step 2 runs after the lock as a
 * new statement, so it sees every claim committed by the previous holder, and re-counts before
 * taking the job. SERIALIZABLE would also be correct but turns contention into retry loops.
 * Lock order everywhere is task row, then job rows (finish-job.ts, cancel), so no deadlocks.
 */
import type pg from 'pg';
import type { JobRecord } from '../../ports.js';
import { toJob } from '../../rows.js';
import { rows } from '../pool.js';

/** A job that may be taken now: queued and due, or running with an expired lease. */
const RUNNABLE = `((j.state = 'queued' AND j.run_after <= $1) OR (j.state = 'running' AND j.lease_until < $1))`;
/** Episode jobs of task t holding a live lease. */
const LIVE = `(SELECT count(*) FROM jobs r WHERE r.task_id = t.id AND r.kind = 'episode'
               AND r.state = 'running' AND r.lease_until >= $1)`;
/** Whether task t has a job it may start now. */
const HAS_WORK = `EXISTS (SELECT 1 FROM jobs j WHERE j.task_id = t.id AND ${RUNNABLE}
                          AND (j.kind = 'series' OR ${LIVE} < t.concurrency))`;

export async function claimNextInTx(
  c: pg.PoolClient,
  now: number,
  workerId: string,
  leaseMs: number,
): Promise<JobRecord | null> {
  const [task] = await rows(
    c,
    `SELECT t.id FROM tasks t WHERE t.status IN ('pending', 'running') AND ${HAS_WORK}
     ORDER BY t.created_at, t.id LIMIT 1 FOR UPDATE OF t SKIP LOCKED`,
    [now],
  );
  if (!task) return null;
  const [job] = await rows(
    c,
    `SELECT j.id FROM jobs j JOIN tasks t ON t.id = j.task_id
     WHERE t.id = $2 AND t.status IN ('pending', 'running') AND ${RUNNABLE}
       AND (j.kind = 'series' OR ${LIVE} < t.concurrency)
     ORDER BY j.kind = 'series', j.ep_order LIMIT 1`,
    [now, task.id],
  );
  if (!job) return null;
  // Guarded take: an old holder's heartbeat may have renewed an expired lease meanwhile.
  const [taken] = await rows(
    c,
    `UPDATE jobs SET state = 'running', worker_id = $2, lease_until = $3, attempts = attempts + 1,
       started_at = COALESCE(started_at, $1)
     WHERE id = $4 AND (state = 'queued' OR (state = 'running' AND lease_until < $1)) RETURNING *`,
    [now, workerId, now + leaseMs, job.id],
  );
  if (!taken) return null;
  await c.query("UPDATE tasks SET status = 'running', started_at = $1 WHERE id = $2 AND status = 'pending'", [
    now,
    task.id,
  ]);
  return toJob(taken);
}
