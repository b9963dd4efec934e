/** One task: live progress per episode and stage, errors in plain words, cancel, downloads. */
import { useState } from 'preact/hooks';
import { Link } from '../components/link.js';
import { Progress, StatusBadge } from '../components/progress.js';
import { useApp } from '../context.js';
import { cancelTask } from '../lib/actions.js';
import { dateTime, duration, money, plainError, stageLabel } from '../lib/format.js';
import { useTask } from '../lib/use-task.js';
import { isActive, type EpisodeView, type TaskView } from '../types.js';
import { Downloads } from './downloads.js';

function episodeText(e: EpisodeView): string {
  switch (e.state) {
    case 'queued':
      return 'Waiting for a worker';
    case 'running':
      return stageLabel(e.stage) || 'Starting';
    case 'done':
      return 'Done';
    case 'failed':
      return plainError(e.error_code, e.error_message);
    case 'cancelled':
      return 'Cancelled';
  }
}

function Summary(props: { task: TaskView }) {
  const t = props.task;
  return (
    <dl class="facts">
      <div>
        <dt>Status</dt>
        <dd>
          <StatusBadge status={t.status} />
        </dd>
      </div>
      <div>
        <dt>Created</dt>
        <dd>{dateTime(t.created_at)}</dd>
      </div>
      <div>
        <dt>Episodes</dt>
        <dd>
          {t.episodes.length} · {duration(t.total_duration_seconds)}
        </dd>
      </div>
      <div>
        <dt>Cost</dt>
        <dd>{money(t.cost)}</dd>
      </div>
      <div>
        <dt>Language</dt>
        <dd>{String(t.config.language ?? '—')}</dd>
      </div>
    </dl>
  );
}

export function TaskPage(props: { id: string }) {
  const { api, refreshAccount } = useApp();
  const { task, error } = useTask(api, props.id);
  const [notice, setNotice] = useState<string | null>(null);
  if (!task)
    return (
      <main id="main" class="page">
        <h1 class="mono" tabIndex={-1}>
          {props.id}
        </h1>
        {error ? (
          <p class="error" role="alert">
            {error}
          </p>
        ) : (
          <p class="muted">Loading…</p>
        )}
      </main>
    );
  const cancel = async () => {
    const err = await cancelTask(api, task.task_id);
    setNotice(err ?? 'Cancelled.');
    refreshAccount();
  };
  const fin = task.finishing;
  return (
    <main id="main" class="page">
      <nav class="crumbs" aria-label="Breadcrumb">
        <Link to={{ name: 'tasks' }}>Tasks</Link> / <span class="mono">{task.task_id}</span>
      </nav>
      <div class="page-head">
        <h1 tabIndex={-1}>Task</h1>
        {isActive(task.status) && (
          <button type="button" class="danger" onClick={() => void cancel()}>
            Cancel task
          </button>
        )}
      </div>
      <Summary task={task} />
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
      {task.status === 'failed' && (
        <p class="error" role="alert">
          This task failed: {plainError(task.error_code, task.error_message)}
        </p>
      )}
      {task.warnings.length > 0 && (
        <ul class="warnings" aria-label="Warnings">
          {task.warnings.map((w) => (
            <li>{w}</li>
          ))}
        </ul>
      )}
      <section aria-labelledby="progress-h">
        <h2 id="progress-h">Progress</h2>
        <div aria-live="polite" class="overall" data-testid="overall" data-status={task.status}>
          <Progress value={task.overall_progress} label="Overall progress" state={task.status} />
          <span class="sr-only">Status {task.status}</span>
        </div>
        <table class="episodes responsive">
          <thead>
            <tr>
              <th scope="col">Episode</th>
              <th scope="col">State</th>
              <th scope="col">Progress</th>
            </tr>
          </thead>
          <tbody>
            {task.episodes.map((e) => (
              <tr key={e.episode} data-episode={e.episode} data-state={e.state}>
                <th scope="row" data-label="Episode">
                  {e.episode}
                </th>
                <td data-label="State" class={e.state === 'failed' ? 'error' : undefined}>
                  {episodeText(e)}
                </td>
                <td data-label="Progress">
                  <Progress
                    value={e.state === 'done' ? 1 : e.progress}
                    label={`Episode ${e.episode}`}
                    state={e.state}
                  />
                </td>
              </tr>
            ))}
            {fin && (
              <tr data-episode="series">
                <th scope="row" data-label="Episode">
                  Series
                </th>
                <td data-label="State">
                  {fin.state === 'done' ? 'Done' : stageLabel(fin.stage) || 'Waiting for the episodes'}
                </td>
                <td data-label="Progress">
                  <Progress
                    value={fin.state === 'done' ? 1 : fin.progress}
                    label="Series step"
                    state={fin.state}
                  />
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </section>
      {task.status === 'completed' && (
        <>
          <section aria-labelledby="read-h" class="read-links">
            <h2 id="read-h">Results</h2>
            <Link to={{ name: 'storyboard', id: task.task_id, episode: null }} class="button primary">
              Open the storyboard
            </Link>
            <Link to={{ name: 'characters', id: task.task_id }} class="button secondary">
              Characters
            </Link>
          </section>
          <Downloads task={task} />
        </>
      )}
    </main>
  );
}
