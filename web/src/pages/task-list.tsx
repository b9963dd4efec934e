/** Your tasks, newest first: status, progress, created, cost; refreshed while any is active; cancel. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { Link } from '../components/link.js';
import { Progress, StatusBadge } from '../components/progress.js';
import { useApp } from '../context.js';
import { cancelTask, errorText } from '../lib/actions.js';
import { dateTime, money } from '../lib/format.js';
import { usePoll } from '../lib/use-poll.js';
import { isActive, type TaskListItem, type TaskStatus } from '../types.js';

const FILTERS: Array<TaskStatus | ''> = ['', 'pending', 'running', 'completed', 'failed', 'cancelled'];

export function TaskListPage() {
  const { api, navigate, refreshAccount } = useApp();
  const [status, setStatus] = useState<TaskStatus | ''>('');
  const [tasks, setTasks] = useState<TaskListItem[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const query = (cursor?: string) =>
    `/screenplay/tasks?limit=20${status ? `&status=${status}` : ''}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
  const load = useCallback(async () => {
    try {
      const page = await api.get<{ tasks: TaskListItem[]; next_cursor: string | null }>(query());
      // Refresh the first page in place; keep rows paged in beyond it.
      setTasks((old) => {
        const fresh = new Set(page.tasks.map((t) => t.task_id));
        const extra = (old ?? []).slice(20).filter((t) => !fresh.has(t.task_id));
        return [...page.tasks, ...extra];
      });
      setNext((n) => n ?? page.next_cursor);
      setError(null);
    } catch (err) {
      setError(errorText(err));
    }
  }, [api, status]);
  useEffect(() => {
    setTasks(null);
    setNext(null);
    void load();
  }, [load]);
  const anyActive = (tasks ?? []).some((t) => isActive(t.status));
  usePoll(load, 1500, anyActive, [load]);

  const more = async () => {
    if (!next) return;
    const page = await api.get<{ tasks: TaskListItem[]; next_cursor: string | null }>(query(next));
    setTasks((old) => [...(old ?? []), ...page.tasks]);
    setNext(page.next_cursor);
  };
  const cancel = async (id: string) => {
    const err = await cancelTask(api, id);
    setNotice(err ?? `Task ${id} cancelled.`);
    refreshAccount();
    await load();
  };

  return (
    <main id="main" class="page">
      <div class="page-head">
        <h1 tabIndex={-1}>Tasks</h1>
        <button type="button" class="primary" onClick={() => navigate({ name: 'new' })}>
          New task
        </button>
      </div>
      <div class="toolbar">
        <label for="status-filter">Show</label>
        <select
          id="status-filter"
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value as TaskStatus | '')}
        >
          {FILTERS.map((f) => (
            <option value={f}>{f || 'all tasks'}</option>
          ))}
        </select>
      </div>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {tasks === null ? (
        <p class="muted">Loading…</p>
      ) : tasks.length === 0 ? (
        <p class="empty">
          No tasks yet. <Link to={{ name: 'new' }}>Upload some episodes</Link> to start one.
        </p>
      ) : (
        <table class="tasks responsive">
          <caption class="sr-only">Tasks, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Task</th>
              <th scope="col">Status</th>
              <th scope="col">Progress</th>
              <th scope="col">Episodes</th>
              <th scope="col">Created</th>
              <th scope="col">Cost</th>
              <th scope="col">
                <span class="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tasks.map((t) => (
              <tr key={t.task_id} data-task={t.task_id}>
                <td data-label="Task">
                  <Link to={{ name: 'task', id: t.task_id }} class="mono">
                    {t.task_id}
                  </Link>
                </td>
                <td data-label="Status">
                  <StatusBadge status={t.status} />
                </td>
                <td data-label="Progress">
                  <Progress value={t.overall_progress} label={`Progress of ${t.task_id}`} state={t.status} />
                </td>
                <td data-label="Episodes">{t.episode_counts.total}</td>
                <td data-label="Created">{dateTime(t.created_at)}</td>
                <td data-label="Cost">{money(t.cost)}</td>
                <td class="actions">
                  {isActive(t.status) && (
                    <button type="button" class="danger small" onClick={() => void cancel(t.task_id)}>
                      Cancel<span class="sr-only"> task {t.task_id}</span>
                    </button>
                  )}
                  {t.status === 'completed' && (
                    <Link to={{ name: 'storyboard', id: t.task_id, episode: null }} class="button small">
                      Storyboard
                    </Link>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {next && (
        <button type="button" class="secondary" onClick={() => void more()}>
          Load more
        </button>
      )}
    </main>
  );
}
