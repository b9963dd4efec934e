/** Cancel: pending/running → cancelled, irreversible, no refund; running work is aborted. */
import { AppError } from '../domain/errors.js';
import { TASK_EVENTS, type ServiceDeps } from './deps.js';
import { requireTask } from './task-view.js';

export async function cancelTask(deps: ServiceDeps, accountId: string, taskId: string) {
  await requireTask(deps, accountId, taskId);
  const r = await deps.store.requestCancel(taskId, accountId);
  if (!r.cancelled) {
    throw new AppError(
      'TASK_NOT_CANCELLABLE',
      `Task cannot be cancelled, current status: ${r.status ?? 'unknown'}`,
      { status: r.status },
    );
  }
  deps.events.emit(TASK_EVENTS.cancelled, taskId);
  return { task_id: taskId, status: 'cancelled' as const };
}
