/**
 * PostgreSQL adapter (scale-out mode): many API and worker processes share one database. Single
 * statements run on the pool; every multi-statement mutation runs in one transaction (withTx).
 * Claims lock the task row with SKIP LOCKED (see sql/claim-next.ts). Times come from the
 * injected clock, never SQL now(), so leases behave the same as in SQLite and tests can move time.
 */
import type pg from 'pg';
import type {
  Account,
  ApiKeyRecord,
  Asset,
  CreateTaskResult,
  DeliveryRecord,
  FinishJob,
  JobOutcome,
  JobRecord,
  JobSummary,
  LedgerEntry,
  NewTask,
  Store,
  TaskListQuery,
  TaskRecord,
  WebhookConfig,
} from '../ports.js';
import {
  JOB_SUMMARY_COLUMNS,
  toAccount,
  toApiKey,
  toAsset,
  toJob,
  toJobSummaries,
  toLedger,
  toTask,
} from '../rows.js';
import { migrate } from './migrate.js';
import { affected, createPool, rows, withTx } from './pool.js';
import { insertAsset, updateAsset } from './sql/assets.js';
import { claimNextInTx } from './sql/claim-next.js';
import { createTaskInTx } from './sql/create-task.js';
import { completeJobInTx, failJobInTx, type FailJob } from './sql/finish-job.js';
import { ledgerInTx, type LedgerResult } from './sql/ledger.js';
import * as webhooks from './sql/webhooks.js';
import { addTaskWarningsInTx, listTasks, requestCancelInTx } from './sql/tasks.js';

const RUNNING_MINE = "id = $2 AND worker_id = $3 AND state = 'running'";

export class PostgresStore implements Store {
  readonly dialect = 'postgres' as const;
  private readonly pool: pg.Pool;
  private closed: Promise<void> | null = null;

  constructor(
    connectionString: string,
    private readonly now: () => number = Date.now,
  ) {
    this.pool = createPool(connectionString);
  }

  async migrate(): Promise<void> {
    await migrate(this.pool, this.now);
  }

  close(): Promise<void> {
    return (this.closed ??= this.pool.end());
  }

  async createAccount(id: string, name: string): Promise<Account> {
    const [r] = await rows(
      this.pool,
      'INSERT INTO accounts (id, name, balance_micro, created_at) VALUES ($1, $2, 0, $3) RETURNING *',
      [id, name, this.now()],
    );
    return toAccount(r!);
  }

  async getAccount(id: string): Promise<Account | null> {
    const [r] = await rows(this.pool, 'SELECT * FROM accounts WHERE id = $1', [id]);
    return r ? toAccount(r) : null;
  }

  async listAccounts(): Promise<Account[]> {
    return (await rows(this.pool, 'SELECT * FROM accounts ORDER BY created_at, id')).map(toAccount);
  }

  async createApiKey(rec: ApiKeyRecord, hash: string): Promise<void> {
    await this.pool.query(
      'INSERT INTO api_keys (id, account_id, hash, prefix, label, created_at, revoked_at) VALUES ($1, $2, $3, $4, $5, $6, NULL)',
      [rec.id, rec.accountId, hash, rec.prefix, rec.label, rec.createdAt],
    );
  }

  async findAccountByKeyHash(hash: string): Promise<{ account: Account; key: ApiKeyRecord } | null> {
    const [r] = await rows(
      this.pool,
      `SELECT k.*, a.name AS account_name, a.balance_micro, a.created_at AS account_created_at
       FROM api_keys k JOIN accounts a ON a.id = k.account_id WHERE k.hash = $1 AND k.revoked_at IS NULL`,
      [hash],
    );
    if (!r) return null;
    const account = toAccount({
      ...r,
      id: r.account_id,
      name: r.account_name,
      created_at: r.account_created_at,
    });
    return { account, key: toApiKey(r) };
  }

  async listApiKeys(accountId?: string): Promise<ApiKeyRecord[]> {
    const found =
      accountId === undefined
        ? await rows(this.pool, 'SELECT * FROM api_keys ORDER BY created_at, id')
        : await rows(this.pool, 'SELECT * FROM api_keys WHERE account_id = $1 ORDER BY created_at, id', [
            accountId,
          ]);
    return found.map(toApiKey);
  }

  async revokeApiKey(idOrPrefix: string): Promise<boolean> {
    const sql = 'UPDATE api_keys SET revoked_at = $1 WHERE (id = $2 OR prefix = $2) AND revoked_at IS NULL';
    return (await affected(this.pool, sql, [this.now(), idOrPrefix])) > 0;
  }

  appendLedger(
    accountId: string,
    amountMicro: number,
    reason: LedgerEntry['reason'],
    taskId: string | null,
    note: string,
  ): Promise<LedgerResult> {
    return withTx(this.pool, (c) => ledgerInTx(c, this.now(), accountId, amountMicro, reason, taskId, note));
  }

  async listLedger(accountId: string, limit: number): Promise<LedgerEntry[]> {
    const sql = 'SELECT * FROM ledger WHERE account_id = $1 ORDER BY id DESC LIMIT $2';
    return (await rows(this.pool, sql, [accountId, limit])).map(toLedger);
  }

  insertAsset(asset: Asset): Promise<void> {
    return insertAsset(this.pool, asset);
  }

  updateAsset(id: string, patch: Partial<Omit<Asset, 'id' | 'accountId'>>): Promise<void> {
    return updateAsset(this.pool, id, patch);
  }

  async getAsset(id: string, accountId: string): Promise<Asset | null> {
    const sql = 'SELECT * FROM assets WHERE id = $1 AND account_id = $2 AND deleted_at IS NULL';
    const [r] = await rows(this.pool, sql, [id, accountId]);
    return r ? toAsset(r) : null;
  }

  async getAssetById(id: string): Promise<Asset | null> {
    const [r] = await rows(this.pool, 'SELECT * FROM assets WHERE id = $1 AND deleted_at IS NULL', [id]);
    return r ? toAsset(r) : null;
  }

  async deleteAsset(id: string, accountId: string): Promise<boolean> {
    const sql = 'UPDATE assets SET deleted_at = $1 WHERE id = $2 AND account_id = $3 AND deleted_at IS NULL';
    return (await affected(this.pool, sql, [this.now(), id, accountId])) > 0;
  }

  createTask(task: NewTask): Promise<CreateTaskResult> {
    return withTx(this.pool, (c) => createTaskInTx(c, this.now(), task));
  }

  async getTask(id: string, accountId?: string): Promise<TaskRecord | null> {
    const [r] =
      accountId === undefined
        ? await rows(this.pool, 'SELECT * FROM tasks WHERE id = $1', [id])
        : await rows(this.pool, 'SELECT * FROM tasks WHERE id = $1 AND account_id = $2', [id, accountId]);
    return r ? toTask(r) : null;
  }

  listTasks(q: TaskListQuery): Promise<{ tasks: TaskRecord[]; nextCursor: string | null }> {
    return listTasks(this.pool, q);
  }

  async listJobs(taskId: string): Promise<JobRecord[]> {
    const sql = "SELECT * FROM jobs WHERE task_id = $1 ORDER BY kind = 'series', ep_order";
    return (await rows(this.pool, sql, [taskId])).map(toJob);
  }

  async summariseJobs(taskIds: readonly string[]): Promise<Map<string, JobSummary>> {
    const sql = `SELECT ${JOB_SUMMARY_COLUMNS} FROM jobs WHERE task_id = ANY($1) GROUP BY task_id`;
    return toJobSummaries(taskIds, await rows(this.pool, sql, [taskIds]));
  }

  requestCancel(taskId: string, accountId: string) {
    return withTx(this.pool, (c) => requestCancelInTx(c, this.now(), taskId, accountId));
  }

  claimNext(workerId: string, leaseMs: number): Promise<JobRecord | null> {
    return withTx(this.pool, (c) => claimNextInTx(c, this.now(), workerId, leaseMs));
  }

  async heartbeat(jobId: number, workerId: string, leaseMs: number): Promise<boolean> {
    const sql = `UPDATE jobs SET lease_until = $1 WHERE ${RUNNING_MINE}`;
    return (await affected(this.pool, sql, [this.now() + leaseMs, jobId, workerId])) > 0;
  }

  async recordProgress(jobId: number, workerId: string, stage: string, progress: number): Promise<boolean> {
    const sql = `UPDATE jobs SET stage = $4, progress = $1 WHERE ${RUNNING_MINE}`;
    const p = Math.max(0, Math.min(1, progress));
    return (await affected(this.pool, sql, [p, jobId, workerId, stage])) > 0;
  }

  completeJob(f: FinishJob): Promise<JobOutcome> {
    return withTx(this.pool, (c) => completeJobInTx(c, this.now(), f));
  }

  failJob(f: FailJob): Promise<JobOutcome> {
    return withTx(this.pool, (c) => failJobInTx(c, this.now(), f));
  }

  async releaseJob(f: FinishJob): Promise<boolean> {
    const sql = `UPDATE jobs SET state = 'queued', worker_id = NULL, lease_until = NULL,
                   attempts = GREATEST(attempts - 1, 0) WHERE id = $1 AND worker_id = $2 AND state = 'running'`;
    return (await affected(this.pool, sql, [f.jobId, f.workerId])) > 0;
  }

  async addTaskWarnings(taskId: string, warnings: string[]): Promise<void> {
    if (warnings.length === 0) return;
    await withTx(this.pool, (c) => addTaskWarningsInTx(c, taskId, warnings));
  }

  setWebhook(accountId: string, url: string, secret: string): Promise<void> {
    return webhooks.setWebhook(this.pool, accountId, url, secret, this.now());
  }

  getWebhook(accountId: string): Promise<WebhookConfig | null> {
    return webhooks.getWebhook(this.pool, accountId);
  }

  claimDueDelivery(leaseMs: number): Promise<DeliveryRecord | null> {
    return webhooks.claimDueDelivery(this.pool, leaseMs, this.now());
  }

  recordDeliveryAttempt(id: number, attempt: webhooks.AttemptInput): Promise<void> {
    return withTx(this.pool, (c) => webhooks.recordDeliveryAttemptInTx(c, id, attempt));
  }

  listDeliveries(accountId: string, limit: number): Promise<DeliveryRecord[]> {
    return webhooks.listDeliveries(this.pool, accountId, limit);
  }

  async isJobActive(jobId: number, workerId: string): Promise<boolean> {
    const sql = "SELECT 1 FROM jobs WHERE id = $1 AND worker_id = $2 AND state = 'running'";
    return (await rows(this.pool, sql, [jobId, workerId])).length > 0;
  }

  async listLeasedJobs(): Promise<JobRecord[]> {
    const sql = "SELECT * FROM jobs WHERE state = 'running' AND lease_until >= $1 ORDER BY id";
    return (await rows(this.pool, sql, [this.now()])).map(toJob);
  }

  async expireLease(jobId: number, workerId: string): Promise<boolean> {
    const sql = "UPDATE jobs SET lease_until = 0 WHERE id = $1 AND worker_id = $2 AND state = 'running'";
    return (await affected(this.pool, sql, [jobId, workerId])) > 0;
  }
}
