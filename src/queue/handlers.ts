/**
 * Job handlers: map a claimed job to the pipeline. The pipeline (and any model it loads) is
 * imported lazily on first use, so a process that never runs a job never loads it.
 */
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { asrEngineOf } from '../config/asr.js';
import { AppError } from '../domain/errors.js';
import type { TaskConfig } from '../domain/task-config.js';
import type { ServiceDeps } from '../services/deps.js';
import { episodeWorkDir, taskOutDir, taskWorkDir } from '../services/storage.js';
import type { TaskRecord } from '../store/ports.js';
import type { JobContext, JobHandlers } from './job-types.js';

async function exists(p: string): Promise<boolean> {
  return access(p).then(
    () => true,
    () => false,
  );
}

/** The pinned copy of the episode's file, or the asset's own file when no pin was made. */
async function inputFile(
  deps: ServiceDeps,
  task: TaskRecord,
  episode: string,
): Promise<{ file: string; label: string }> {
  const assetId = task.episodes[episode];
  if (!assetId) throw new AppError('INVALID_EPISODES', `episode ${episode} is not part of task ${task.id}`);
  const asset = await deps.store.getAssetById(assetId);
  const ext = asset?.extension ?? '';
  const pinned = join(taskWorkDir(deps.config, task.id), 'inputs', `${episode}${ext ? `.${ext}` : ''}`);
  const label = asset ? `${asset.id} (${asset.originalFilename})` : assetId;
  if (await exists(pinned)) return { file: pinned, label };
  if (asset && (await exists(asset.path))) return { file: asset.path, label };
  throw new AppError('ASSET_NOT_FOUND', `the file of episode ${episode} (${assetId}) no longer exists`);
}

async function requireTaskRecord(deps: ServiceDeps, taskId: string): Promise<TaskRecord> {
  const task = await deps.store.getTask(taskId);
  if (!task) throw new AppError('TASK_NOT_FOUND', `Task not found for id: ${taskId}`);
  return task;
}

/** Reference photos of the task's cast, as files (the task names them by asset id). */
async function castPhotos(
  deps: ServiceDeps,
  task: TaskRecord,
): Promise<Array<{ name: string; images: string[] }>> {
  const cast = (task.config as unknown as TaskConfig).characters ?? [];
  const out = [];
  for (const member of cast) {
    const images: string[] = [];
    for (const id of member.images) {
      const asset = await deps.store.getAsset(id, task.accountId);
      if (asset && (await exists(asset.path))) images.push(asset.path);
    }
    out.push({ name: member.name, images });
  }
  return out;
}

export function createHandlers(deps: ServiceDeps, version: string): JobHandlers {
  const runOne = async (ctx: JobContext, task: TaskRecord, episode: string) => {
    const { runEpisode } = await import('../pipeline/run-episode.js');
    const { file, label } = await inputFile(deps, task, episode);
    const result = await runEpisode({
      episode,
      file,
      workDir: episodeWorkDir(deps.config, task.id, episode),
      config: task.config as unknown as TaskConfig,
      asr: asrEngineOf(deps.config),
      signal: ctx.signal,
      onProgress: (stage, f) => ctx.reportProgress(stage, f),
      log: ctx.log,
    });
    return { result, source: label, file };
  };
  return {
    episode: async (ctx) => {
      const task = await requireTaskRecord(deps, ctx.job.taskId);
      await runOne(ctx, task, ctx.job.episode);
    },
    series: async (ctx) => {
      const { runSeries } = await import('../pipeline/run-series.js');
      const task = await requireTaskRecord(deps, ctx.job.taskId);
      const jobs = await deps.store.listJobs(task.id);
      const quiet: JobContext = { ...ctx, reportProgress: () => undefined };
      const episodes = [];
      // Every episode stage is checkpointed, so this reloads results without decoding again.
      for (const j of jobs.filter((x) => x.kind === 'episode'))
        episodes.push(await runOne(quiet, task, j.episode));
      await runSeries({
        taskId: task.id,
        config: task.config as unknown as TaskConfig,
        episodes,
        cast: await castPhotos(deps, task),
        outDir: taskOutDir(deps.config, task.id),
        docsFile: join(taskWorkDir(deps.config, task.id), 'docs.json'),
        signal: ctx.signal,
        warnings: task.warnings,
        version,
        onProgress: (stage, f) => ctx.reportProgress(stage, f),
      });
    },
  };
}
