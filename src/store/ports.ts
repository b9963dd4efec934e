/**
 * The store contract: every persistent fact of the service goes through these ports, named by
 * intent. Adapters (sqlite/, later postgres/) implement it and run the same contract suite.
 * Nothing outside store/ imports an adapter; main.ts and the CLI pick one through openStore().
 */
import type { EpisodeState, TaskState } from '../domain/task-state.js';
import type { ErrorCode } from '../domain/errors.js';

export type UploadStatus = 'WAITING' | 'UPLOADING' | 'SUCCESS' | 'FAILED';
export type AssetKind = 'video' | 'audio' | 'image' | 'unknown';

export interface Account {
  id: string;
  name: string;
  balanceMicro: number;
  createdAt: number;
}

export interface ApiKeyRecord {
  id: string;
  accountId: string;
  prefix: string;
  label: string;
  createdAt: number;
  revokedAt: number | null;
}

export interface LedgerEntry {
  id: number;
  accountId: string;
  amountMicro: number;
  balanceAfterMicro: number;
  reason: 'topup' | 'task' | 'download' | 'adjustment';
  taskId: string | null;
  note: string;
  createdAt: number;
}

export interface Asset {
  id: string;
  accountId: string;
  originalFilename: string;
  extension: string;
  fileSize: number;
  path: string;
  uploadStatus: UploadStatus;
  failureCode: ErrorCode | null;
  failureReason: string | null;
  kind: AssetKind;
  durationSeconds: number | null;
  width: number | null;
  height: number | null;
  hasAudio: boolean;
  createdAt: number;
  modifiedAt: number;
}

export interface TaskRecord {
  id: string;
  accountId: string;
  mode: string;
  config: Record<string, unknown>;
  episodes: Record<string, string>;
  status: TaskState;
  errorCode: string | null;
  errorMessage: string | null;
  warnings: string[];
  costMicro: number;
  totalDurationSeconds: number;
  concurrency: number;
  idempotencyKey: string | null;
  requestHash: string | null;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
}

export type JobKind = 'episode' | 'series';

/** A task's jobs reduced to what a listing shows. */
export interface JobSummary {
  episodes: number;
  done: number;
  failed: number;
  running: number;
  /** Σ over episodes of 1 when done, its progress when running, else 0. */
  progressSum: number;
  series: { state: EpisodeState; stage: string | null; progress: number } | null;
}

export interface JobRecord {
  id: number;
  taskId: string;
  kind: JobKind;
  /** Episode key for episode jobs, '' for the series job. */
  episode: string;
  assetId: string | null;
  state: EpisodeState;
  stage: string | null;
  progress: number;
  attempts: number;
  workerId: string | null;
  leaseUntil: number | null;
  runAfter: number;
  errorCode: string | null;
  errorMessage: string | null;
  startedAt: number | null;
  finishedAt: number | null;
}

export interface NewTask {
  id: string;
  accountId: string;
  mode: string;
  config: Record<string, unknown>;
  episodes: Array<{ episode: string; assetId: string }>;
  costMicro: number;
  totalDurationSeconds: number;
  concurrency: number;
  warnings: string[];
  idempotencyKey: string | null;
  requestHash: string | null;
}

export type CreateTaskResult =
  | { kind: 'created'; task: TaskRecord }
  | { kind: 'replayed'; task: TaskRecord }
  | { kind: 'idempotency_conflict' }
  | { kind: 'insufficient_balance'; balanceMicro: number };

export interface TaskListQuery {
  accountId: string;
  status?: TaskState | undefined;
  /** Opaque cursor from a previous page. */
  cursor?: string | undefined;
  limit: number;
}

export interface FinishJob {
  jobId: number;
  workerId: string;
}

/** What finishing a job did to its task, so the caller can react (e.g. webhooks). */
export interface JobOutcome {
  applied: boolean;
  taskStatus: TaskState | null;
}

export interface WebhookConfig {
  accountId: string;
  url: string;
  secret: string;
  updatedAt: number;
}

export type DeliveryState = 'pending' | 'delivered' | 'failed';

export interface DeliveryAttempt {
  attempt: number;
  at: number;
  url: string;
  status: number | null;
  error: string | null;
  durationMs: number;
}

export interface DeliveryRecord {
  id: number;
  accountId: string;
  taskId: string;
  /** The terminal task state this delivery announces. */
  event: 'completed' | 'failed' | 'cancelled';
  state: DeliveryState;
  attempts: number;
  nextAttemptAt: number;
  createdAt: number;
  deliveredAt: number | null;
  lastStatus: number | null;
  lastError: string | null;
  history: DeliveryAttempt[];
}

export interface Store {
  readonly dialect: 'sqlite' | 'postgres';
  migrate(): Promise<void>;
  close(): Promise<void>;

  // accounts, keys, ledger
  createAccount(id: string, name: string): Promise<Account>;
  getAccount(id: string): Promise<Account | null>;
  listAccounts(): Promise<Account[]>;
  createApiKey(rec: ApiKeyRecord, hash: string): Promise<void>;
  findAccountByKeyHash(hash: string): Promise<{ account: Account; key: ApiKeyRecord } | null>;
  listApiKeys(accountId?: string): Promise<ApiKeyRecord[]>;
  revokeApiKey(idOrPrefix: string): Promise<boolean>;
  /** Adds (positive) or charges (negative) atomically; refuses to go below zero for charges. */
  appendLedger(
    accountId: string,
    amountMicro: number,
    reason: LedgerEntry['reason'],
    taskId: string | null,
    note: string,
  ): Promise<{ ok: true; entry: LedgerEntry } | { ok: false; balanceMicro: number }>;
  listLedger(accountId: string, limit: number): Promise<LedgerEntry[]>;

  // assets
  insertAsset(asset: Asset): Promise<void>;
  updateAsset(id: string, patch: Partial<Omit<Asset, 'id' | 'accountId'>>): Promise<void>;
  getAsset(id: string, accountId: string): Promise<Asset | null>;
  getAssetById(id: string): Promise<Asset | null>;
  deleteAsset(id: string, accountId: string): Promise<boolean>;

  // tasks and jobs
  /** Charge, create the task and enqueue its episode jobs in one transaction. */
  createTask(task: NewTask): Promise<CreateTaskResult>;
  getTask(id: string, accountId?: string): Promise<TaskRecord | null>;
  listTasks(q: TaskListQuery): Promise<{ tasks: TaskRecord[]; nextCursor: string | null }>;
  listJobs(taskId: string): Promise<JobRecord[]>;
  /** Per-task job counts in one query (task listings); every asked-for id is in the map. */
  summariseJobs(taskIds: readonly string[]): Promise<Map<string, JobSummary>>;
  /** pending/running → cancelled, and every unfinished job with it. */
  requestCancel(taskId: string, accountId: string): Promise<{ cancelled: boolean; status: TaskState | null }>;
  /** Claim the next runnable job, honouring each task's concurrency; reclaims expired leases. */
  claimNext(workerId: string, leaseMs: number): Promise<JobRecord | null>;
  /** Extends the lease; `false` means the job is no longer ours (lost lease, cancelled). */
  heartbeat(jobId: number, workerId: string, leaseMs: number): Promise<boolean>;
  /** Record the stage an episode is in, with its progress (0..1). */
  recordProgress(jobId: number, workerId: string, stage: string, progress: number): Promise<boolean>;
  completeJob(f: FinishJob): Promise<JobOutcome>;
  failJob(
    f: FinishJob & {
      code: string;
      message: string;
      retryable: boolean;
      maxAttempts: number;
      backoffMs: number;
    },
  ): Promise<JobOutcome>;
  /** Give a job back (shutdown): running → queued without counting the attempt. */
  releaseJob(f: FinishJob): Promise<boolean>;
  addTaskWarnings(taskId: string, warnings: string[]): Promise<void>;
  // webhooks: a delivery row is written in the same transaction that makes a task terminal
  setWebhook(accountId: string, url: string, secret: string): Promise<void>;
  getWebhook(accountId: string): Promise<WebhookConfig | null>;
  /** Lease the next due pending delivery (so concurrent deliverers never send one twice). */
  claimDueDelivery(leaseMs: number): Promise<DeliveryRecord | null>;
  /** Record an attempt: delivered, or pending again at `nextAttemptAt`, or failed (null). */
  recordDeliveryAttempt(
    id: number,
    attempt: Omit<DeliveryAttempt, 'attempt'> & { ok: boolean; nextAttemptAt: number | null },
  ): Promise<void>;
  listDeliveries(accountId: string, limit: number): Promise<DeliveryRecord[]>;

  /** Whether the job is still running under this worker (false after cancel or lease loss). */
  isJobActive(jobId: number, workerId: string): Promise<boolean>;
  /** Running jobs whose lease has not expired yet (to find ones held by crashed local workers). */
  listLeasedJobs(): Promise<JobRecord[]>;
  /** End a dead worker's lease now so the job can be claimed again at once. */
  expireLease(jobId: number, workerId: string): Promise<boolean>;
}
