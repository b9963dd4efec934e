/**
 * SQLite adapter (embedded default). better-sqlite3 is synchronous; writes that must be atomic run
 * in `immediate` transactions, which also serialise claims between worker loops of one process
 * and between processes sharing the file (WAL mode, busy timeout).
 */
import Database from 'better-sqlite3';
import { taskSourcesFor } from '../../domain/task-state.js';
import type {
  Account,
  ApiKeyRecord,
  Asset,
  CreateTaskResult,
  DeliveryAttempt,
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
  ASSET_COLUMNS,
  decodeCursor,
  encodeCursor,
  summariseFailures,
  toAccount,
  toApiKey,
  toAsset,
  toJob,
  toLedger,
  toTask,
  type Row,
  JOB_SUMMARY_COLUMNS,
  toJobSummaries,
} from '../rows.js';
import { SQLITE_MIGRATIONS } from './migrations/index.js';
import { reuseStatements } from './statements.js';
import * as webhooks from './webhooks.js';

const inList = (xs: readonly string[]): string => xs.map((x) => `'${x}'`).join(',');

export class SqliteStore implements Store {
  readonly dialect = 'sqlite' as const;
  private readonly db: Database.Database;

  constructor(
    file: string,
    private readonly now: () => number = Date.now,
  ) {
    this.db = new Database(file);
    reuseStatements(this.db);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('synchronous = NORMAL');
  }

  private tx<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  migrate(): Promise<void> {
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at INTEGER)',
    );
    const done = new Set(
      (this.db.prepare('SELECT version FROM schema_migrations').all() as Row[]).map((r) => Number(r.version)),
    );
    for (const m of SQLITE_MIGRATIONS) {
      if (done.has(m.version)) continue;
      this.tx(() => {
        this.db.exec(m.sql);
        this.db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.name, this.now());
      });
    }
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.db.close();
    return Promise.resolve();
  }

  createAccount(id: string, name: string): Promise<Account> {
    this.db
      .prepare('INSERT INTO accounts (id, name, balance_micro, created_at) VALUES (?, ?, 0, ?)')
      .run(id, name, this.now());
    return Promise.resolve({ id, name, balanceMicro: 0, createdAt: this.now() });
  }

  getAccount(id: string): Promise<Account | null> {
    const r = this.db.prepare('SELECT * FROM accounts WHERE id = ?').get(id) as Row | undefined;
    return Promise.resolve(r ? toAccount(r) : null);
  }

  listAccounts(): Promise<Account[]> {
    return Promise.resolve(
      (this.db.prepare('SELECT * FROM accounts ORDER BY created_at').all() as Row[]).map(toAccount),
    );
  }

  createApiKey(rec: ApiKeyRecord, hash: string): Promise<void> {
    this.db
      .prepare(
        'INSERT INTO api_keys (id, account_id, hash, prefix, label, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, NULL)',
      )
      .run(rec.id, rec.accountId, hash, rec.prefix, rec.label, rec.createdAt);
    return Promise.resolve();
  }

  findAccountByKeyHash(hash: string): Promise<{ account: Account; key: ApiKeyRecord } | null> {
    const k = this.db.prepare('SELECT * FROM api_keys WHERE hash = ? AND revoked_at IS NULL').get(hash) as
      Row | undefined;
    if (!k) return Promise.resolve(null);
    const a = this.db.prepare('SELECT * FROM accounts WHERE id = ?').get(k.account_id) as Row | undefined;
    return Promise.resolve(a ? { account: toAccount(a), key: toApiKey(k) } : null);
  }

  listApiKeys(accountId?: string): Promise<ApiKeyRecord[]> {
    const rows = accountId
      ? this.db.prepare('SELECT * FROM api_keys WHERE account_id = ? ORDER BY created_at').all(accountId)
      : this.db.prepare('SELECT * FROM api_keys ORDER BY created_at').all();
    return Promise.resolve((rows as Row[]).map(toApiKey));
  }

  revokeApiKey(idOrPrefix: string): Promise<boolean> {
    const r = this.db
      .prepare('UPDATE api_keys SET revoked_at = ? WHERE (id = ? OR prefix = ?) AND revoked_at IS NULL')
      .run(this.now(), idOrPrefix, idOrPrefix);
    return Promise.resolve(r.changes > 0);
  }

  private ledgerInTx(
    accountId: string,
    amount: number,
    reason: LedgerEntry['reason'],
    taskId: string | null,
    note: string,
  ) {
    const acc = this.db.prepare('SELECT balance_micro FROM accounts WHERE id = ?').get(accountId) as
      Row | undefined;
    const balance = Number(acc?.balance_micro ?? 0);
    if (!acc || balance + amount < 0) return { ok: false as const, balanceMicro: balance };
    const after = balance + amount;
    this.db.prepare('UPDATE accounts SET balance_micro = ? WHERE id = ?').run(after, accountId);
    const at = this.now();
    const info = this.db
      .prepare(
        'INSERT INTO ledger (account_id, amount_micro, balance_after_micro, reason, task_id, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(accountId, amount, after, reason, taskId, note, at);
    const entry: LedgerEntry = {
      id: Number(info.lastInsertRowid),
      accountId,
      amountMicro: amount,
      balanceAfterMicro: after,
      reason,
      taskId,
      note,
      createdAt: at,
    };
    return { ok: true as const, entry };
  }

  appendLedger(
    accountId: string,
    amountMicro: number,
    reason: LedgerEntry['reason'],
    taskId: string | null,
    note: string,
  ) {
    return Promise.resolve(this.tx(() => this.ledgerInTx(accountId, amountMicro, reason, taskId, note)));
  }

  listLedger(accountId: string, limit: number): Promise<LedgerEntry[]> {
    const rows = this.db
      .prepare('SELECT * FROM ledger WHERE account_id = ? ORDER BY id DESC LIMIT ?')
      .all(accountId, limit);
    return Promise.resolve((rows as Row[]).map(toLedger));
  }

  insertAsset(a: Asset): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO assets (id, account_id, original_filename, extension, file_size, path, upload_status, failure_code, failure_reason,
          kind, duration_seconds, width, height, has_audio, created_at, modified_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
      )
      .run(
        a.id,
        a.accountId,
        a.originalFilename,
        a.extension,
        a.fileSize,
        a.path,
        a.uploadStatus,
        a.failureCode,
        a.failureReason,
        a.kind,
        a.durationSeconds,
        a.width,
        a.height,
        a.hasAudio ? 1 : 0,
        a.createdAt,
        a.modifiedAt,
      );
    return Promise.resolve();
  }

  updateAsset(id: string, patch: Partial<Omit<Asset, 'id' | 'accountId'>>): Promise<void> {
    const entries = Object.entries(patch) as Array<[keyof typeof ASSET_COLUMNS, unknown]>;
    if (entries.length === 0) return Promise.resolve();
    const sets = entries.map(([k]) => `${ASSET_COLUMNS[k]} = ?`).join(', ');
    const values = entries.map(([, v]) => (typeof v === 'boolean' ? (v ? 1 : 0) : v));
    this.db.prepare(`UPDATE assets SET ${sets} WHERE id = ?`).run(...values, id);
    return Promise.resolve();
  }

  getAsset(id: string, accountId: string): Promise<Asset | null> {
    const r = this.db
      .prepare('SELECT * FROM assets WHERE id = ? AND account_id = ? AND deleted_at IS NULL')
      .get(id, accountId) as Row | undefined;
    return Promise.resolve(r ? toAsset(r) : null);
  }

  getAssetById(id: string): Promise<Asset | null> {
    const r = this.db.prepare('SELECT * FROM assets WHERE id = ? AND deleted_at IS NULL').get(id) as
      Row | undefined;
    return Promise.resolve(r ? toAsset(r) : null);
  }

  deleteAsset(id: string, accountId: string): Promise<boolean> {
    const r = this.db
      .prepare('UPDATE assets SET deleted_at = ? WHERE id = ? AND account_id = ? AND deleted_at IS NULL')
      .run(this.now(), id, accountId);
    return Promise.resolve(r.changes > 0);
  }

  createTask(t: NewTask): Promise<CreateTaskResult> {
    return Promise.resolve(
      this.tx((): CreateTaskResult => {
        if (t.idempotencyKey) {
          const prior = this.db
            .prepare('SELECT * FROM tasks WHERE account_id = ? AND idempotency_key = ?')
            .get(t.accountId, t.idempotencyKey) as Row | undefined;
          if (prior) {
            return prior.request_hash === t.requestHash
              ? { kind: 'replayed', task: toTask(prior) }
              : { kind: 'idempotency_conflict' };
          }
        }
        const charged = this.ledgerInTx(
          t.accountId,
          -t.costMicro,
          'task',
          t.id,
          `screenplay task, ${t.episodes.length} episode(s)`,
        );
        if (!charged.ok) return { kind: 'insufficient_balance', balanceMicro: charged.balanceMicro };
        const at = this.now();
        const episodes = Object.fromEntries(t.episodes.map((e) => [e.episode, e.assetId]));
        this.db
          .prepare(
            `INSERT INTO tasks (id, account_id, mode, config_json, episodes_json, status, warnings_json, cost_micro, total_duration,
              concurrency, idempotency_key, request_hash, created_at) VALUES (?,?,?,?,?, 'pending', ?,?,?,?,?,?,?)`,
          )
          .run(
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
          );
        const insertJob = this.db.prepare(
          `INSERT INTO jobs (task_id, kind, episode, ep_order, asset_id, state, run_after) VALUES (?, 'episode', ?, ?, ?, 'queued', 0)`,
        );
        t.episodes.forEach((e, i) => insertJob.run(t.id, e.episode, i, e.assetId));
        const row = this.db.prepare('SELECT * FROM tasks WHERE id = ?').get(t.id) as Row;
        return { kind: 'created', task: toTask(row) };
      }),
    );
  }

  getTask(id: string, accountId?: string): Promise<TaskRecord | null> {
    const r = (
      accountId === undefined
        ? this.db.prepare('SELECT * FROM tasks WHERE id = ?').get(id)
        : this.db.prepare('SELECT * FROM tasks WHERE id = ? AND account_id = ?').get(id, accountId)
    ) as Row | undefined;
    return Promise.resolve(r ? toTask(r) : null);
  }

  listTasks(q: TaskListQuery): Promise<{ tasks: TaskRecord[]; nextCursor: string | null }> {
    const where = ['account_id = ?'];
    const params: unknown[] = [q.accountId];
    if (q.status) {
      where.push('status = ?');
      params.push(q.status);
    }
    const c = q.cursor ? decodeCursor(q.cursor) : null;
    if (c) {
      where.push('(created_at < ? OR (created_at = ? AND id < ?))');
      params.push(c.createdAt, c.createdAt, c.id);
    }
    const rows = this.db
      .prepare(`SELECT * FROM tasks WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT ?`)
      .all(...params, q.limit + 1) as Row[];
    const tasks = rows.slice(0, q.limit).map(toTask);
    const last = tasks[tasks.length - 1];
    return Promise.resolve({
      tasks,
      nextCursor: rows.length > q.limit && last ? encodeCursor(last.createdAt, last.id) : null,
    });
  }

  listJobs(taskId: string): Promise<JobRecord[]> {
    const rows = this.db
      .prepare("SELECT * FROM jobs WHERE task_id = ? ORDER BY kind = 'series', ep_order")
      .all(taskId);
    return Promise.resolve((rows as Row[]).map(toJob));
  }

  summariseJobs(taskIds: readonly string[]): Promise<Map<string, JobSummary>> {
    // json_each keeps the statement text fixed (one cached statement) whatever the list length.
    const rows = this.db
      .prepare(
        `SELECT ${JOB_SUMMARY_COLUMNS} FROM jobs WHERE task_id IN (SELECT value FROM json_each(?)) GROUP BY task_id`,
      )
      .all(JSON.stringify(taskIds)) as Row[];
    return Promise.resolve(toJobSummaries(taskIds, rows));
  }

  requestCancel(taskId: string, accountId: string) {
    return Promise.resolve(
      this.tx(() => {
        const at = this.now();
        const r = this.db
          .prepare(
            `UPDATE tasks SET status = 'cancelled', finished_at = ? WHERE id = ? AND account_id = ? AND status IN (${inList(taskSourcesFor('cancelled'))})`,
          )
          .run(at, taskId, accountId);
        if (r.changes > 0) {
          webhooks.enqueueTerminalDelivery(this.db, taskId, 'cancelled', at);
          this.db
            .prepare(
              "UPDATE jobs SET state = 'cancelled', finished_at = ?, lease_until = NULL WHERE task_id = ? AND state IN ('queued', 'running')",
            )
            .run(at, taskId);
        }
        const row = this.db
          .prepare('SELECT status FROM tasks WHERE id = ? AND account_id = ?')
          .get(taskId, accountId) as Row | undefined;
        return {
          cancelled: r.changes > 0,
          status: row ? (String(row.status) as TaskRecord['status']) : null,
        };
      }),
    );
  }

  claimNext(workerId: string, leaseMs: number): Promise<JobRecord | null> {
    return Promise.resolve(
      this.tx(() => {
        const now = this.now();
        const row = this.db
          .prepare(
            `SELECT j.* FROM jobs j JOIN tasks t ON t.id = j.task_id
             WHERE t.status IN ('pending', 'running')
               AND ((j.state = 'queued' AND j.run_after <= @now) OR (j.state = 'running' AND j.lease_until < @now))
               AND (j.kind = 'series' OR (SELECT COUNT(*) FROM jobs r WHERE r.task_id = j.task_id AND r.kind = 'episode'
                    AND r.state = 'running' AND r.lease_until >= @now) < t.concurrency)
             ORDER BY t.created_at, t.id, j.kind = 'series', j.ep_order LIMIT 1`,
          )
          .get({ now }) as Row | undefined;
        if (!row) return null;
        this.db
          .prepare(
            `UPDATE jobs SET state = 'running', worker_id = ?, lease_until = ?, attempts = attempts + 1,
               started_at = COALESCE(started_at, ?) WHERE id = ?`,
          )
          .run(workerId, now + leaseMs, now, row.id);
        this.db
          .prepare("UPDATE tasks SET status = 'running', started_at = ? WHERE id = ? AND status = 'pending'")
          .run(now, row.task_id);
        return toJob(this.db.prepare('SELECT * FROM jobs WHERE id = ?').get(row.id) as Row);
      }),
    );
  }

  heartbeat(jobId: number, workerId: string, leaseMs: number): Promise<boolean> {
    const r = this.db
      .prepare("UPDATE jobs SET lease_until = ? WHERE id = ? AND worker_id = ? AND state = 'running'")
      .run(this.now() + leaseMs, jobId, workerId);
    return Promise.resolve(r.changes > 0);
  }

  isJobActive(jobId: number, workerId: string): Promise<boolean> {
    const r = this.db
      .prepare("SELECT 1 FROM jobs WHERE id = ? AND worker_id = ? AND state = 'running'")
      .get(jobId, workerId);
    return Promise.resolve(r !== undefined);
  }

  setWebhook(accountId: string, url: string, secret: string): Promise<void> {
    webhooks.setWebhook(this.db, accountId, url, secret, this.now());
    return Promise.resolve();
  }

  getWebhook(accountId: string): Promise<WebhookConfig | null> {
    return Promise.resolve(webhooks.getWebhook(this.db, accountId));
  }

  claimDueDelivery(leaseMs: number): Promise<DeliveryRecord | null> {
    return Promise.resolve(this.tx(() => webhooks.claimDueDelivery(this.db, leaseMs, this.now())));
  }

  recordDeliveryAttempt(
    id: number,
    attempt: Omit<DeliveryAttempt, 'attempt'> & { ok: boolean; nextAttemptAt: number | null },
  ): Promise<void> {
    this.tx(() => webhooks.recordDeliveryAttempt(this.db, id, attempt));
    return Promise.resolve();
  }

  listDeliveries(accountId: string, limit: number): Promise<DeliveryRecord[]> {
    return Promise.resolve(webhooks.listDeliveries(this.db, accountId, limit));
  }

  listLeasedJobs(): Promise<JobRecord[]> {
    const rows = this.db
      .prepare("SELECT * FROM jobs WHERE state = 'running' AND lease_until >= ?")
      .all(this.now()) as Row[];
    return Promise.resolve(rows.map(toJob));
  }

  expireLease(jobId: number, workerId: string): Promise<boolean> {
    const r = this.db
      .prepare("UPDATE jobs SET lease_until = 0 WHERE id = ? AND worker_id = ? AND state = 'running'")
      .run(jobId, workerId);
    return Promise.resolve(r.changes > 0);
  }

  recordProgress(jobId: number, workerId: string, stage: string, progress: number): Promise<boolean> {
    const r = this.db
      .prepare("UPDATE jobs SET stage = ?, progress = ? WHERE id = ? AND worker_id = ? AND state = 'running'")
      .run(stage, Math.max(0, Math.min(1, progress)), jobId, workerId);
    return Promise.resolve(r.changes > 0);
  }

  completeJob(f: FinishJob): Promise<JobOutcome> {
    return Promise.resolve(
      this.tx((): JobOutcome => {
        const at = this.now();
        const r = this.db
          .prepare(
            "UPDATE jobs SET state = 'done', progress = 1, finished_at = ?, lease_until = NULL WHERE id = ? AND worker_id = ? AND state = 'running'",
          )
          .run(at, f.jobId, f.workerId);
        if (r.changes === 0) return { applied: false, taskStatus: null };
        const job = toJob(this.db.prepare('SELECT * FROM jobs WHERE id = ?').get(f.jobId) as Row);
        if (job.kind === 'series') {
          const done = this.db
            .prepare(
              "UPDATE tasks SET status = 'completed', finished_at = ? WHERE id = ? AND status = 'running'",
            )
            .run(at, job.taskId);
          if (done.changes > 0) webhooks.enqueueTerminalDelivery(this.db, job.taskId, 'completed', at);
          return { applied: true, taskStatus: this.taskStatus(job.taskId) };
        }
        return { applied: true, taskStatus: this.afterEpisodeTerminal(job.taskId, at) };
      }),
    );
  }

  failJob(
    f: FinishJob & {
      code: string;
      message: string;
      retryable: boolean;
      maxAttempts: number;
      backoffMs: number;
    },
  ): Promise<JobOutcome> {
    return Promise.resolve(
      this.tx((): JobOutcome => {
        const at = this.now();
        const cur = this.db
          .prepare("SELECT * FROM jobs WHERE id = ? AND worker_id = ? AND state = 'running'")
          .get(f.jobId, f.workerId) as Row | undefined;
        if (!cur) return { applied: false, taskStatus: null };
        const job = toJob(cur);
        if (f.retryable && job.attempts < f.maxAttempts) {
          this.db
            .prepare(
              "UPDATE jobs SET state = 'queued', worker_id = NULL, lease_until = NULL, run_after = ?, error_code = ?, error_message = ? WHERE id = ?",
            )
            .run(at + f.backoffMs, f.code, f.message, f.jobId);
          return { applied: true, taskStatus: this.taskStatus(job.taskId) };
        }
        this.db
          .prepare(
            "UPDATE jobs SET state = 'failed', finished_at = ?, lease_until = NULL, error_code = ?, error_message = ? WHERE id = ?",
          )
          .run(at, f.code, f.message, f.jobId);
        return { applied: true, taskStatus: this.afterEpisodeTerminal(job.taskId, at) };
      }),
    );
  }

  releaseJob(f: FinishJob): Promise<boolean> {
    const r = this.db
      .prepare(
        "UPDATE jobs SET state = 'queued', worker_id = NULL, lease_until = NULL, attempts = MAX(attempts - 1, 0) WHERE id = ? AND worker_id = ? AND state = 'running'",
      )
      .run(f.jobId, f.workerId);
    return Promise.resolve(r.changes > 0);
  }

  addTaskWarnings(taskId: string, warnings: string[]): Promise<void> {
    if (warnings.length === 0) return Promise.resolve();
    this.tx(() => {
      const row = this.db.prepare('SELECT warnings_json FROM tasks WHERE id = ?').get(taskId) as
        Row | undefined;
      if (!row) return;
      const merged = [...new Set([...(JSON.parse(String(row.warnings_json)) as string[]), ...warnings])];
      this.db.prepare('UPDATE tasks SET warnings_json = ? WHERE id = ?').run(JSON.stringify(merged), taskId);
    });
    return Promise.resolve();
  }

  private taskStatus(taskId: string): TaskRecord['status'] | null {
    const r = this.db.prepare('SELECT status FROM tasks WHERE id = ?').get(taskId) as Row | undefined;
    return r ? (String(r.status) as TaskRecord['status']) : null;
  }

  /** Once every job of the task is terminal: fail the task, or enqueue the series step. */
  private afterEpisodeTerminal(taskId: string, at: number): TaskRecord['status'] | null {
    const jobs = (
      this.db.prepare('SELECT * FROM jobs WHERE task_id = ? ORDER BY ep_order').all(taskId) as Row[]
    ).map(toJob);
    const episodes = jobs.filter((j) => j.kind === 'episode');
    if (episodes.some((j) => j.state === 'queued' || j.state === 'running')) return this.taskStatus(taskId);
    const failed = jobs.filter((j) => j.state === 'failed');
    if (failed.length > 0) {
      const { code, message } = summariseFailures(failed, episodes.length);
      const marked = this.db
        .prepare(
          "UPDATE tasks SET status = 'failed', error_code = ?, error_message = ?, finished_at = ? WHERE id = ? AND status IN ('pending', 'running')",
        )
        .run(code, message, at, taskId);
      if (marked.changes > 0) webhooks.enqueueTerminalDelivery(this.db, taskId, 'failed', at);
    } else if (episodes.every((j) => j.state === 'done')) {
      this.db
        .prepare(
          "INSERT OR IGNORE INTO jobs (task_id, kind, episode, ep_order, state, run_after) VALUES (?, 'series', '', ?, 'queued', 0)",
        )
        .run(taskId, episodes.length);
    }
    return this.taskStatus(taskId);
  }
}
