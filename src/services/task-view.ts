/** The task status object: the upstream fields, plus our extras (episodes, stages, cost, files). */
import { AppError } from '../domain/errors.js';
import { MICRO } from '../domain/pricing.js';
import type { JobRecord, JobSummary, TaskRecord } from '../store/ports.js';
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

/** The task's own fields, shared by the status object and the list item. */
function taskFields(task: TaskRecord, episodes: number, completed: number) {
  return {
    task_id: task.id,
    status: task.status,
    mode: task.mode,
    created_at: iso(task.createdAt),
    ...(task.status === 'running'
      ? { progress: { total_episodes: episodes, completed_episodes: completed } }
      : {}),
    ...(task.status === 'failed' ? { error_code: task.errorCode, error_message: task.errorMessage } : {}),
    total_duration_seconds: task.totalDurationSeconds,
    cost: task.costMicro / MICRO,
    started_at: iso(task.startedAt),
    finished_at: iso(task.finishedAt),
    config: task.config,
    warnings: task.warnings,
  };
}

/** The full status object (status endpoint, SSE, webhooks). */
export async function taskView(deps: ServiceDeps, task: TaskRecord) {
  const jobs = await deps.store.listJobs(task.id);
  const episodes = jobs.filter((j) => j.kind === 'episode');
  const series = jobs.find((j) => j.kind === 'series');
  const completed = episodes.filter((j) => j.state === 'done').length;
  const progressSum = episodes.reduce(
    (s, j) => s + (j.state === 'done' ? 1 : j.state === 'running' ? j.progress : 0),
    0,
  );
  return {
    ...taskFields(task, episodes.length, completed),
    episodes: episodes.map(episodeView),
    finishing: series ? { state: series.state, stage: series.stage, progress: series.progress } : null,
    overall_progress: overallProgress(episodes.length, progressSum, series?.state, series?.progress),
    ...(task.status === 'completed' ? { files: await outputFiles(taskOutDir(deps.config, task.id)) } : {}),
  };
}

/** A listing's item: the status object with episode counts instead of episodes, and no files. */
export function taskListItem(task: TaskRecord, s: JobSummary | undefined) {
  const sum = s ?? { episodes: 0, done: 0, failed: 0, running: 0, progressSum: 0, series: null };
  return {
    ...taskFields(task, sum.episodes, sum.done),
    episode_counts: { total: sum.episodes, done: sum.done, running: sum.running, failed: sum.failed },
    finishing: sum.series,
    overall_progress: overallProgress(sum.episodes, sum.progressSum, sum.series?.state, sum.series?.progress),
  };
}

/** Episodes weigh 90 %, the series step 10 %. */
function overallProgress(
  episodes: number,
  progressSum: number,
  seriesState: string | undefined,
  seriesProgress: number | undefined,
): number {
  if (episodes === 0) return 0;
  const se = seriesState === 'done' ? 1 : (seriesProgress ?? 0);
  return Math.round(((progressSum / episodes) * 0.9 + se * 0.1) * 1000) / 1000;
}
