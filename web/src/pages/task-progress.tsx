/** A task's facts and its live progress table: one row per episode (state, stage) plus the series step. */
import { Progress, StatusBadge } from '../components/progress.js';
import { dateTime, duration, money, plainError, stageLabel } from '../lib/format.js';
import type { EpisodeView, TaskView } from '../types.js';

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

export function Summary(props: { task: TaskView }) {
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

export function TaskProgress(props: { task: TaskView }) {
  const task = props.task;
  const fin = task.finishing;
  return (
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
  );
}
