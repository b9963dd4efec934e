/**
 * Seeds a store for the API benchmark through the store ports (no HTTP, so seeding costs nothing
 * the benchmark measures): an account with a key, a dozen probed assets, and the planned tasks
 * driven to their states with the same claim/complete/fail/cancel calls the workers make.
 */
import { existsSync } from 'node:fs';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { TaskState } from '../../src/domain/task-state.js';
import { openDeps } from '../../src/main.js';
import { createKey, topUp } from '../../src/services/accounts.js';
import type { ServiceDeps } from '../../src/services/deps.js';
import { newAssetId, newTaskId } from '../../src/services/ids.js';
import { taskOutDir } from '../../src/services/storage.js';
import type { Asset } from '../../src/store/ports.js';
import { completedFiles, taskPlan, type PlannedTask } from './plan.js';

export interface Seeded {
  key: string;
  /** Task ids by the state they were driven to, in creation order. */
  byStatus: Record<TaskState, string[]>;
  jobs: number;
}

const WORKER = 'bench-seed:0:seed';
/** Seeded running jobs keep their lease for the whole run (the API-only server never reclaims). */
const LEASE_MS = 24 * 3600_000;
const SHOTS_PER_EPISODE = 30;
const CHARACTERS = 8;
const STATES: TaskState[] = ['completed', 'failed', 'cancelled', 'running', 'pending'];

async function seedAssets(deps: ServiceDeps, accountId: string, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = newAssetId(deps.now());
    const at = deps.now();
    const asset: Asset = {
      id,
      accountId,
      originalFilename: `episode-${i + 1}.mp4`,
      extension: 'mp4',
      fileSize: 40_000_000,
      path: join(deps.config.assetsDir, id, 'original.mp4'),
      uploadStatus: 'SUCCESS',
      failureCode: null,
      failureReason: null,
      kind: 'video',
      durationSeconds: 95.5,
      width: 1080,
      height: 1920,
      hasAudio: true,
      createdAt: at,
      modifiedAt: at,
    };
    await deps.store.insertAsset(asset);
    ids.push(id);
  }
  return ids;
}

/** Claim the next job, which must belong to `taskId` (nothing older is claimable by then). */
async function claim(deps: ServiceDeps, taskId: string) {
  const job = await deps.store.claimNext(WORKER, LEASE_MS);
  if (job && job.taskId !== taskId)
    throw new Error(`seed: claimed a job of ${job.taskId}, expected ${taskId}`);
  return job;
}

/**
 * Finish every claimable job the way workers would: the first job of each task in `failing` fails
 * permanently, every other one completes (the series step is enqueued by the last episode and
 * claimed in turn). Several claimers run at once, as several workers would.
 */
async function finishAll(deps: ServiceDeps, failing: Set<string>, claimers: number): Promise<void> {
  const failed = new Set<string>();
  const loop = async (n: number): Promise<void> => {
    const worker = `${WORKER}:${n}`;
    for (
      let job = await deps.store.claimNext(worker, LEASE_MS);
      job;
      job = await deps.store.claimNext(worker, LEASE_MS)
    ) {
      if (failing.has(job.taskId) && !failed.has(job.taskId)) {
        failed.add(job.taskId);
        await deps.store.failJob({
          jobId: job.id,
          workerId: worker,
          code: 'MEDIA_UNREADABLE',
          message: 'the video stream could not be decoded past 00:41',
          retryable: false,
          maxAttempts: 3,
          backoffMs: 0,
        });
      } else await deps.store.completeJob({ jobId: job.id, workerId: worker });
    }
  };
  await Promise.all(Array.from({ length: claimers }, (_, n) => loop(n)));
}

/** A live task: running ones have some episodes done and two in progress; cancelled ones one started. */
async function startLive(deps: ServiceDeps, taskId: string, p: PlannedTask): Promise<void> {
  const done = p.target === 'running' ? p.doneEpisodes : 0;
  for (let i = 0; i < done; i++) {
    const job = await claim(deps, taskId);
    if (job) await deps.store.completeJob({ jobId: job.id, workerId: WORKER });
  }
  const started = p.target === 'running' ? 2 : p.target === 'cancelled' ? 1 : 0;
  for (let i = 0; i < started; i++) {
    const job = await claim(deps, taskId);
    if (job) await deps.store.recordProgress(job.id, WORKER, i === 0 ? 'dialogue' : 'shots', 0.4 + i / 10);
  }
}

/**
 * The zip root of a completed task. Tasks with the same episode count share one template of real
 * (empty) files through a symlinked `out`: reading it costs the server the same directory walk,
 * while seeding writes a few thousand files instead of tens of thousands (file creation on a busy
 * disk was most of the seeding time).
 */
async function linkOutDir(
  deps: ServiceDeps,
  templates: string,
  taskId: string,
  episodes: number,
): Promise<void> {
  const template = join(templates, `e${episodes}`);
  if (!existsSync(template)) {
    const files = completedFiles(episodes, SHOTS_PER_EPISODE, CHARACTERS).map((f) => join(template, f));
    for (const d of new Set(files.map((f) => dirname(f)))) await mkdir(d, { recursive: true });
    await Promise.all(files.map((f) => writeFile(f, '')));
  }
  const out = taskOutDir(deps.config, taskId);
  await mkdir(dirname(out), { recursive: true });
  await symlink(template, out, 'dir');
}

export async function seed(
  store: { dataDir: string; databaseUrl?: string | undefined },
  taskCount: number,
  templates: string,
): Promise<Seeded> {
  const deps = await openDeps({ ...store, logLevel: 'silent' });
  try {
    const { key, account } = await createKey(deps, { name: 'bench' });
    await topUp(deps, account.id, 1_000_000);
    const assets = await seedAssets(deps, account.id, 12);
    const plan = taskPlan(taskCount);
    const byStatus = Object.fromEntries(STATES.map((s) => [s, [] as string[]])) as Seeded['byStatus'];
    const episodesOf = new Map<string, number>();
    const create = async (p: PlannedTask): Promise<string> => {
      const id = newTaskId(deps.now());
      const created = await deps.store.createTask({
        id,
        accountId: account.id,
        mode: 'short_drama',
        config: { language: 'zh', require_xlsx: true, require_merge_xlsx: true, concurrency: 2 },
        episodes: Array.from({ length: p.episodes }, (_, i) => ({
          episode: String(i + 1),
          assetId: assets[i % assets.length] ?? '',
        })),
        costMicro: p.episodes * 2_000_000,
        totalDurationSeconds: p.episodes * 95.5,
        // Finished tasks run all their episodes at once; live ones hold two.
        concurrency: p.target === 'completed' || p.target === 'failed' ? p.episodes + 1 : 2,
        warnings: [],
        idempotencyKey: null,
        requestHash: null,
      });
      if (created.kind !== 'created') throw new Error(`seed: createTask answered ${created.kind}`);
      byStatus[p.target].push(id);
      episodesOf.set(id, p.episodes);
      return id;
    };
    // Finished tasks first, all at once; then live ones one by one (claimNext serves the oldest
    // live task, so each is put in its state before the next exists); pending ones last.
    const finished = plan.filter((p) => p.target === 'completed' || p.target === 'failed');
    for (const p of finished) await create(p);
    await finishAll(deps, new Set(byStatus.failed), 8);
    for (const p of plan.filter((t) => t.target === 'cancelled' || t.target === 'running')) {
      const id = await create(p);
      await startLive(deps, id, p);
      if (p.target === 'cancelled') await deps.store.requestCancel(id, account.id);
    }
    for (const p of plan.filter((t) => t.target === 'pending')) await create(p);
    for (const [state, ids] of Object.entries(byStatus)) {
      for (const id of ids) {
        const status = (await deps.store.getTask(id))?.status;
        if (status !== state) throw new Error(`seed: task ${id} is ${String(status)}, expected ${state}`);
      }
    }
    for (const id of byStatus.completed) await linkOutDir(deps, templates, id, episodesOf.get(id) ?? 1);
    return { key, byStatus, jobs: plan.reduce((n, p) => n + p.episodes, 0) };
  } finally {
    await deps.store.close();
  }
}
