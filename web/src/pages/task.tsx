/** One task: live progress per episode and stage, errors in plain words, cancel, downloads. */
import { useState } from 'preact/hooks';
import { Link } from '../components/link.js';
import { useApp } from '../context.js';
import { cancelTask } from '../lib/actions.js';
import { plainError } from '../lib/format.js';
import { useTask } from '../lib/use-task.js';
import { isActive } from '../types.js';
import { Downloads } from './downloads.js';
import { Summary, TaskProgress } from './task-progress.js';

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
      <TaskProgress task={task} />
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
