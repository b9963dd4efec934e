/** Row ↔ record mapping shared by the SQL adapters (column names are identical in both dialects). */
import type { EpisodeState, TaskState } from '../domain/task-state.js';
import type { ErrorCode } from '../domain/errors.js';
import type {
  Account,
  ApiKeyRecord,
  Asset,
  AssetKind,
  DeliveryAttempt,
  DeliveryRecord,
  JobKind,
  JobRecord,
  JobSummary,
  LedgerEntry,
  TaskRecord,
  UploadStatus,
} from './ports.js';

export type Row = Record<string, unknown>;

const str = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'bigint' ? String(v) : '';
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : str(v));
const n = (v: unknown): number => Number(v ?? 0);
const nOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

export function toAccount(r: Row): Account {
  return { id: str(r.id), name: str(r.name), balanceMicro: n(r.balance_micro), createdAt: n(r.created_at) };
}

export function toApiKey(r: Row): ApiKeyRecord {
  return {
    id: str(r.id),
    accountId: str(r.account_id),
    prefix: str(r.prefix),
    label: str(r.label),
    createdAt: n(r.created_at),
    revokedAt: nOrNull(r.revoked_at),
  };
}

export function toLedger(r: Row): LedgerEntry {
  return {
    id: n(r.id),
    accountId: str(r.account_id),
    amountMicro: n(r.amount_micro),
    balanceAfterMicro: n(r.balance_after_micro),
    reason: str(r.reason) as LedgerEntry['reason'],
    taskId: strOrNull(r.task_id),
    note: str(r.note),
    createdAt: n(r.created_at),
  };
}

export function toAsset(r: Row): Asset {
  return {
    id: str(r.id),
    accountId: str(r.account_id),
    originalFilename: str(r.original_filename),
    extension: str(r.extension),
    fileSize: n(r.file_size),
    path: str(r.path),
    uploadStatus: str(r.upload_status) as UploadStatus,
    failureCode: strOrNull(r.failure_code) as ErrorCode | null,
    failureReason: strOrNull(r.failure_reason),
    kind: str(r.kind) as AssetKind,
    durationSeconds: nOrNull(r.duration_seconds),
    width: nOrNull(r.width),
    height: nOrNull(r.height),
    hasAudio: Boolean(n(r.has_audio)),
    createdAt: n(r.created_at),
    modifiedAt: n(r.modified_at),
  };
}

export const ASSET_COLUMNS: Record<keyof Omit<Asset, 'id' | 'accountId'>, string> = {
  originalFilename: 'original_filename',
  extension: 'extension',
  fileSize: 'file_size',
  path: 'path',
  uploadStatus: 'upload_status',
  failureCode: 'failure_code',
  failureReason: 'failure_reason',
  kind: 'kind',
  durationSeconds: 'duration_seconds',
  width: 'width',
  height: 'height',
  hasAudio: 'has_audio',
  createdAt: 'created_at',
  modifiedAt: 'modified_at',
};

export function toTask(r: Row): TaskRecord {
  return {
    id: str(r.id),
    accountId: str(r.account_id),
    mode: str(r.mode),
    config: JSON.parse(str(r.config_json) || '{}') as Record<string, unknown>,
    episodes: JSON.parse(str(r.episodes_json) || '{}') as Record<string, string>,
    status: str(r.status) as TaskState,
    errorCode: strOrNull(r.error_code),
    errorMessage: strOrNull(r.error_message),
    warnings: JSON.parse(str(r.warnings_json) || '[]') as string[],
    costMicro: n(r.cost_micro),
    totalDurationSeconds: n(r.total_duration),
    concurrency: n(r.concurrency),
    idempotencyKey: strOrNull(r.idempotency_key),
    requestHash: strOrNull(r.request_hash),
    createdAt: n(r.created_at),
    startedAt: nOrNull(r.started_at),
    finishedAt: nOrNull(r.finished_at),
  };
}

export function toJob(r: Row): JobRecord {
  return {
    id: n(r.id),
    taskId: str(r.task_id),
    kind: str(r.kind) as JobKind,
    episode: str(r.episode),
    assetId: strOrNull(r.asset_id),
    state: str(r.state) as EpisodeState,
    stage: strOrNull(r.stage),
    progress: n(r.progress),
    attempts: n(r.attempts),
    workerId: strOrNull(r.worker_id),
    leaseUntil: nOrNull(r.lease_until),
    runAfter: n(r.run_after),
    errorCode: strOrNull(r.error_code),
    errorMessage: strOrNull(r.error_message),
    startedAt: nOrNull(r.started_at),
    finishedAt: nOrNull(r.finished_at),
  };
}

/** The select list of summariseJobs: portable SQL, so both dialects share it and toJobSummaries. */
export const JOB_SUMMARY_COLUMNS = `task_id,
  sum(CASE WHEN kind = 'episode' THEN 1 ELSE 0 END) AS episodes,
  sum(CASE WHEN kind = 'episode' AND state = 'done' THEN 1 ELSE 0 END) AS done,
  sum(CASE WHEN kind = 'episode' AND state = 'failed' THEN 1 ELSE 0 END) AS failed,
  sum(CASE WHEN kind = 'episode' AND state = 'running' THEN 1 ELSE 0 END) AS running,
  sum(CASE WHEN kind <> 'episode' THEN 0 WHEN state = 'done' THEN 1 WHEN state = 'running' THEN progress ELSE 0 END)
    AS progress_sum,
  max(CASE WHEN kind = 'series' THEN state END) AS series_state,
  max(CASE WHEN kind = 'series' THEN stage END) AS series_stage,
  max(CASE WHEN kind = 'series' THEN progress END) AS series_progress`;

/** summariseJobs rows (same column names in both dialects) → a map with every asked-for id. */
export function toJobSummaries(taskIds: readonly string[], rows: readonly Row[]): Map<string, JobSummary> {
  const out = new Map<string, JobSummary>(
    taskIds.map((id) => [id, { episodes: 0, done: 0, failed: 0, running: 0, progressSum: 0, series: null }]),
  );
  for (const r of rows) {
    const state = strOrNull(r.series_state);
    out.set(str(r.task_id), {
      episodes: n(r.episodes),
      done: n(r.done),
      failed: n(r.failed),
      running: n(r.running),
      progressSum: n(r.progress_sum),
      series: state
        ? { state: state as EpisodeState, stage: strOrNull(r.series_stage), progress: n(r.series_progress) }
        : null,
    });
  }
  return out;
}

/** Cursor for (created_at DESC, id DESC) pagination. */
export function encodeCursor(createdAt: number, id: string): string {
  return Buffer.from(`${createdAt}:${id}`).toString('base64url');
}

export function decodeCursor(cursor: string): { createdAt: number; id: string } | null {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const i = text.indexOf(':');
  if (i <= 0) return null;
  const createdAt = Number(text.slice(0, i));
  if (!Number.isFinite(createdAt)) return null;
  return { createdAt, id: text.slice(i + 1) };
}

/** Why a task failed, from its failed episode jobs (in episode order). */
export function summariseFailures(
  failed: ReadonlyArray<{
    episode: string;
    kind: string;
    errorCode: string | null;
    errorMessage: string | null;
  }>,
  totalEpisodes: number,
): { code: string; message: string } {
  const first = failed[0];
  const code = first?.errorCode ?? 'EPISODE_FAILED';
  if (!first) return { code, message: 'Processing failed.' };
  if (first.kind === 'series') return { code, message: first.errorMessage ?? 'Series step failed.' };
  const episodeFailures = failed.filter((f) => f.kind === 'episode');
  if (episodeFailures.length === totalEpisodes) {
    return { code, message: `${first.errorMessage ?? 'failed'} (all ${totalEpisodes} episode(s) failed)` };
  }
  const parts = episodeFailures.map(
    (f) => `episode ${f.episode}: ${f.errorMessage ?? f.errorCode ?? 'failed'}`,
  );
  return {
    code,
    message: `${episodeFailures.length} of ${totalEpisodes} episodes failed: ${parts.join('; ')}`,
  };
}

export function toDeliveryAttempt(r: Row): DeliveryAttempt {
  return {
    attempt: n(r.attempt),
    at: n(r.at),
    url: str(r.url),
    status: nOrNull(r.status),
    error: strOrNull(r.error),
    durationMs: n(r.duration_ms),
  };
}

export function toDelivery(r: Row, history: DeliveryAttempt[] = []): DeliveryRecord {
  return {
    id: n(r.id),
    accountId: str(r.account_id),
    taskId: str(r.task_id),
    event: str(r.event) as DeliveryRecord['event'],
    state: str(r.state) as DeliveryRecord['state'],
    attempts: n(r.attempts),
    nextAttemptAt: n(r.next_attempt_at),
    createdAt: n(r.created_at),
    deliveredAt: nOrNull(r.delivered_at),
    lastStatus: nOrNull(r.last_status),
    lastError: strOrNull(r.last_error),
    history,
  };
}
