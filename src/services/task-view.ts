/** The task status object: the upstream fields, plus our extras (episodes, stages, cost, files). */
import { AppError } from '../domain/errors.js';
import { MICRO } from '../domain/pricing.js';
import type { JobRecord, TaskRecord } from '../store/ports.js';
import type { ServiceDeps } from './deps.js';
import { outputFiles } from './output-files.js';
import { taskOutDir } from './storage.js';

export async function requireTask(deps: ServiceDeps, accountId: string, taskId: string): Promise<TaskRecord> {
  const task = await deps.store.getTask(taskId, accountId);
  if (!task) throw new AppError('TASK_NOT_FOUND', `Task not found for id: ${taskId}`);
  return task;
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export function episodeView(j: JobRecord) {
  return {
    episode: j.episode,
    asset_id: j.assetId,
    state: j.state,
    stage: j.stage,
    progress: Math.round(j.progress * 1000) / 1000,
    attempts: j.attempts,
    started_at: iso(j.startedAt),
    finished_at: iso(j.finishedAt),
    ...(j.state === 'failed' ? { error_code: j.errorCode, error_message: j.errorMessage } : {}),
  };
}

/** The full status object (status endpoint, SSE, webhooks): the summary plus the output files. */
export async function taskView(deps: ServiceDeps, task: TaskRecord) {
  const summary = taskSummary(task, await deps.store.listJobs(task.id));
  if (task.status !== 'completed') return summary;
  return { ...summary, files: await outputFiles(taskOutDir(deps.config, task.id)) };
}

/** Everything but the file list, from jobs the caller loaded (listings load them in one query). */
export function taskSummary(task: TaskRecord, jobs: readonly JobRecord[]) {
  const episodes = jobs.filter((j) => j.kind === 'episode');
  const series = jobs.find((j) => j.kind === 'series');
  const completed = episodes.filter((j) => j.state === 'done').length;
  return {
    task_id: task.id,
    status: task.status,
    mode: task.mode,
    created_at: iso(task.createdAt),
    ...(task.status === 'running'
      ? { progress: { total_episodes: episodes.length, completed_episodes: completed } }
      : {}),
    ...(task.status === 'failed' ? { error_code: task.errorCode, error_message: task.errorMessage } : {}),
    total_duration_seconds: task.totalDurationSeconds,
    cost: task.costMicro / MICRO,
    started_at: iso(task.startedAt),
    finished_at: iso(task.finishedAt),
    config: task.config,
    warnings: task.warnings,
    episodes: episodes.map(episodeView),
    finishing: series ? { state: series.state, stage: series.stage, progress: series.progress } : null,
    overall_progress: overallProgress(episodes, series),
  };
}

/** Episodes weigh 90 %, the series step 10 %. */
function overallProgress(episodes: JobRecord[], series: JobRecord | undefined): number {
  if (episodes.length === 0) return 0;
  const ep =
    episodes.reduce((s, j) => s + (j.state === 'done' ? 1 : j.state === 'running' ? j.progress : 0), 0) /
    episodes.length;
  const se = series ? (series.state === 'done' ? 1 : series.progress) : 0;
  return Math.round((ep * 0.9 + se * 0.1) * 1000) / 1000;
}
