/**
 * List the caller's tasks, newest first, optionally by status, with an opaque cursor. Each item is
 * the task status object with episode counts in place of the `episodes` array and no `files`.
 */
import { AppError } from '../domain/errors.js';
import { TASK_STATES, type TaskState } from '../domain/task-state.js';
import type { ServiceDeps } from './deps.js';
import { taskListItem } from './task-view.js';

export async function listTasks(
  deps: ServiceDeps,
  accountId: string,
  q: { status?: string | undefined; cursor?: string | undefined; limit?: number | undefined },
) {
  if (q.status !== undefined && !(TASK_STATES as readonly string[]).includes(q.status)) {
    throw new AppError('INVALID_REQUEST', `status must be one of ${TASK_STATES.join(', ')}`);
  }
  const limit = q.limit ?? 20;
  if (!Number.isInteger(limit) || limit < 1 || limit > 100)
    throw new AppError('INVALID_REQUEST', 'limit must be an integer from 1 to 100');
  if (q.cursor !== undefined && !/^[A-Za-z0-9_-]{1,200}$/.test(q.cursor))
    throw new AppError('INVALID_REQUEST', 'cursor is not valid');
  const page = await deps.store.listTasks({
    accountId,
    status: q.status as TaskState | undefined,
    cursor: q.cursor,
    limit,
  });
  // One aggregate query for every listed task's jobs (GET the task for episodes and files).
  const jobs = await deps.store.summariseJobs(page.tasks.map((t) => t.id));
  return {
    tasks: page.tasks.map((t) => taskListItem(t, jobs.get(t.id))),
    next_cursor: page.nextCursor,
  };
}
