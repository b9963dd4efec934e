/**
 * Submit: validate everything (mode, episodes, flags, language, concurrency, every asset), then
 * charge and create the task with its episode jobs in one store transaction. Nothing is written
 * when anything is invalid; all invalid assets are reported together.
 */
import { createHash } from 'node:crypto';
import { link, copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { hasAsrEngine } from '../config/index.js';
import { AppError, ERROR_TABLE, type ErrorCode } from '../domain/errors.js';
import { MAX_EPISODE_SECONDS, taskCostMicro } from '../domain/pricing.js';
import {
  ACTIVE_MODES,
  COMING_SOON_MODES,
  DEFAULT_TASK_CONFIG,
  compareEpisodeKeys,
  isEpisodeKey,
  isSupportedLanguage,
  type TaskConfig,
} from '../domain/task-config.js';
import type { Asset, TaskRecord } from '../store/ports.js';
import { TASK_EVENTS, type ServiceDeps } from './deps.js';
import { newTaskId } from './ids.js';
import { taskWorkDir } from './storage.js';
import type { SubmitTaskBody } from './submit-task.schema.js';

const MAX_EPISODES = 1000;

export interface InvalidAsset {
  episode: string;
  asset_id: string;
  code: ErrorCode;
  reason: string;
}

function checkAsset(episode: string, id: string, asset: Asset | null): InvalidAsset | null {
  const bad = (code: ErrorCode, reason: string): InvalidAsset => ({ episode, asset_id: id, code, reason });
  if (!asset) return bad('ASSET_NOT_FOUND', 'Asset not found');
  if (asset.uploadStatus === 'FAILED')
    return bad(asset.failureCode ?? 'MEDIA_UNREADABLE', asset.failureReason ?? 'upload failed');
  if (asset.uploadStatus !== 'SUCCESS')
    return bad('ASSET_NOT_READY', `upload_status is ${asset.uploadStatus}, not SUCCESS`);
  if (asset.kind !== 'video')
    return bad(
      'NOT_A_VIDEO',
      `the asset is ${asset.kind === 'unknown' ? 'not media' : `an ${asset.kind} file`}, not a video`,
    );
  const d = asset.durationSeconds ?? 0;
  if (d >= MAX_EPISODE_SECONDS)
    return bad(
      'DURATION_EXCEEDED',
      `the video is ${d.toFixed(1)} s long; episodes must be shorter than ${MAX_EPISODE_SECONDS} s`,
    );
  if (d <= 0) return bad('MEDIA_UNREADABLE', 'the video has no duration');
  return null;
}

export function resolveConfig(
  deps: ServiceDeps,
  body: SubmitTaskBody,
): { config: TaskConfig; warnings: string[] } {
  const c: TaskConfig = {
    ...DEFAULT_TASK_CONFIG,
    ...Object.fromEntries(Object.entries(body.config).filter(([, v]) => v !== undefined)),
  };
  if (!c.require_json && !c.require_xlsx && !c.require_merge_xlsx) throw new AppError('NO_OUTPUT_REQUESTED');
  if (!isSupportedLanguage(c.language))
    throw new AppError(
      'INVALID_LANGUAGE',
      `Unsupported language: ${c.language} (use a code such as zh-CN or en)`,
    );
  if (!Number.isInteger(c.concurrency) || c.concurrency < 1 || c.concurrency > 100) {
    throw new AppError(
      'INVALID_CONCURRENCY',
      `concurrency must be an integer from 1 to 100, got ${String(body.config.concurrency)}`,
    );
  }
  const warnings: string[] = [];
  if (!c.use_subtitle && !hasAsrEngine(deps.config)) {
    if (deps.config.requireAsr)
      throw new AppError(
        'ASR_UNAVAILABLE',
        'use_subtitle is false but no speech recognition engine is configured on this server',
      );
    warnings.push(
      'use_subtitle is false but no speech recognition engine is configured: dialogue comes from subtitles instead',
    );
  }
  return { config: c, warnings };
}

export async function submitTask(
  deps: ServiceDeps,
  accountId: string,
  body: SubmitTaskBody,
  idempotencyKey: string | null,
): Promise<{ task: TaskRecord; replayed: boolean }> {
  if ((COMING_SOON_MODES as readonly string[]).includes(body.mode)) {
    throw new AppError(
      'MODE_NOT_AVAILABLE',
      `Mode ${body.mode} is coming soon and not available yet; use short_drama`,
    );
  }
  if (!(ACTIVE_MODES as readonly string[]).includes(body.mode))
    throw new AppError('INVALID_MODE', `Unknown mode: ${body.mode} (supported: short_drama)`);
  const keys = Object.keys(body.episodes);
  if (keys.length === 0) throw new AppError('INVALID_EPISODES', 'episodes must contain at least one episode');
  if (keys.length > MAX_EPISODES)
    throw new AppError('INVALID_EPISODES', `at most ${MAX_EPISODES} episodes per task`);
  const badKeys = keys.filter((k) => !isEpisodeKey(k));
  if (badKeys.length > 0) {
    throw new AppError(
      'INVALID_EPISODES',
      `episode keys must be positive integers as strings: ${badKeys.map((k) => JSON.stringify(k)).join(', ')}`,
    );
  }
  const { config, warnings } = resolveConfig(deps, body);
  await checkActiveTaskQuota(deps, accountId);
  const ordered = keys.sort(compareEpisodeKeys);
  const invalid: InvalidAsset[] = [];
  const durations: number[] = [];
  const assets = new Map<string, Asset>();
  for (const episode of ordered) {
    const id = body.episodes[episode]!;
    const asset = await deps.store.getAsset(id, accountId);
    const problem = checkAsset(episode, id, asset);
    if (problem) invalid.push(problem);
    else if (asset) {
      durations.push(asset.durationSeconds ?? 0);
      assets.set(episode, asset);
    }
  }
  for (const member of config.characters) {
    for (const id of member.images) {
      const a = await deps.store.getAsset(id, accountId);
      if (!a || a.uploadStatus !== 'SUCCESS' || (a.kind !== 'image' && a.kind !== 'video')) {
        invalid.push({
          episode: `cast:${member.name}`,
          asset_id: id,
          code: a ? 'MEDIA_UNREADABLE' : 'ASSET_NOT_FOUND',
          reason: a ? 'reference photo is not a readable image' : 'Asset not found',
        });
      }
    }
  }
  if (invalid.length > 0) {
    const codes = new Set(invalid.map((i) => i.code));
    // One kind of problem keeps its own code (e.g. DURATION_EXCEEDED) when that code is a 400.
    const single = codes.size === 1 ? invalid[0]!.code : null;
    const code: ErrorCode = single && ERROR_TABLE[single].status === 400 ? single : 'INVALID_ASSETS';
    const summary = invalid.map((i) => `episode ${i.episode} (${i.asset_id}): ${i.reason}`).join('; ');
    throw new AppError(code, `Invalid assets: ${summary}`, { invalid_assets: invalid });
  }
  const taskId = newTaskId(deps.now());
  const result = await deps.store.createTask({
    id: taskId,
    accountId,
    mode: body.mode,
    config: { ...config },
    episodes: ordered.map((episode) => ({ episode, assetId: body.episodes[episode]! })),
    costMicro: taskCostMicro(durations),
    totalDurationSeconds: durations.reduce((a, b) => a + b, 0),
    concurrency: config.concurrency,
    warnings,
    idempotencyKey,
    requestHash: idempotencyKey
      ? createHash('sha256')
          .update(JSON.stringify(canonical(body)))
          .digest('hex')
      : null,
  });
  switch (result.kind) {
    case 'replayed':
      return { task: result.task, replayed: true };
    case 'idempotency_conflict':
      throw new AppError('IDEMPOTENCY_CONFLICT');
    case 'insufficient_balance':
      throw new AppError(
        'INSUFFICIENT_BALANCE',
        `Insufficient balance: the task costs $${(taskCostMicro(durations) / 1e6).toFixed(2)}, the balance is $${(result.balanceMicro / 1e6).toFixed(2)}. Please recharge and try again.`,
      );
    case 'created':
      break;
  }
  // Best effort: the episode job falls back to the asset's own file when a pin is missing.
  await pinInputs(deps, taskId, assets).catch(() => undefined);
  deps.events.emit(TASK_EVENTS.enqueued, taskId);
  return { task: result.task, replayed: false };
}

/** Quota: an account may hold at most maxActiveTasks pending or running tasks. */
async function checkActiveTaskQuota(deps: ServiceDeps, accountId: string): Promise<void> {
  const max = deps.config.maxActiveTasks;
  let active = 0;
  for (const status of ['pending', 'running'] as const) {
    active += (await deps.store.listTasks({ accountId, status, limit: max })).tasks.length;
  }
  if (active >= max) {
    throw new AppError(
      'RATE_LIMITED',
      `Quota exceeded: at most ${max} tasks may be pending or running at once`,
      { retry_after_seconds: 30 },
    );
  }
}

/** Hard-link each episode's file into the task so deleting the asset later cannot break the task. */
async function pinInputs(deps: ServiceDeps, taskId: string, assets: Map<string, Asset>): Promise<void> {
  const dir = join(taskWorkDir(deps.config, taskId), 'inputs');
  await mkdir(dir, { recursive: true });
  for (const [episode, asset] of assets) {
    const target = join(dir, `${episode}${asset.extension ? `.${asset.extension}` : ''}`);
    await link(asset.path, target).catch(async (err: unknown) => {
      if ((err as { code?: string }).code === 'EEXIST') return;
      await copyFile(asset.path, target);
    });
  }
}

/** Key-sorted JSON so the same body always hashes the same. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}
