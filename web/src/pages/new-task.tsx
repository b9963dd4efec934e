/** Upload a series and submit it: files upload as soon as they are added (three at a time). */
import { useState } from 'preact/hooks';
import { useApp } from '../context.js';
import { errorText } from '../lib/actions.js';
import { estimateCost } from '../lib/episodes.js';
import { money } from '../lib/format.js';
import { DropZone, UploadRows } from './upload-list.js';
import { useUploads } from './use-uploads.js';
import { OptionsForm, defaultOptions, type TaskOptions } from './task-options.js';

export function NewTaskPage() {
  const { api, navigate, refreshAccount, balance } = useApp();
  const { items, addFiles, remove, setEpisode, problems, idempotencyKey } = useUploads(api);
  const [options, setOptions] = useState<TaskOptions>(defaultOptions);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ready = items.filter((i) => i.status === 'ready');
  const uploading = items.some((i) => i.status === 'uploading' || i.status === 'queued');
  const cost = estimateCost(ready.map((i) => i.duration ?? 0));
  const noOutput = !options.json && !options.xlsx && !options.mergedXlsx;
  const blocked = ready.length === 0 || uploading || problems.size > 0 || noOutput || busy;

  const submit = async (e: Event) => {
    e.preventDefault();
    if (blocked) return;
    setBusy(true);
    setError(null);
    try {
      const episodes = Object.fromEntries(ready.map((i) => [i.episode.trim(), i.assetId ?? '']));
      const body = {
        mode: 'short_drama',
        episodes,
        config: {
          language: options.language,
          use_subtitle: options.source === 'subtitles',
          use_face_recognition: options.faces,
          require_json: options.json,
          require_xlsx: options.xlsx,
          require_merge_xlsx: options.mergedXlsx,
        },
      };
      const r = await api.json<{ task_id: string }>('POST', '/screenplay/tasks', body, undefined, {
        'Idempotency-Key': idempotencyKey(),
      });
      refreshAccount();
      navigate({ name: 'task', id: r.task_id });
    } catch (err) {
      setError(errorText(err));
      setBusy(false);
    }
  };

  const failed = items.filter((i) => i.status === 'failed').length;
  return (
    <main id="main" class="page">
      <h1 tabIndex={-1}>New task</h1>
      <form onSubmit={(e) => void submit(e)} class="new-task">
        <section aria-labelledby="files-h">
          <h2 id="files-h">Episodes</h2>
          <DropZone onFiles={addFiles} />
          <UploadRows items={items} problems={problems} onRemove={remove} onEpisode={setEpisode} />
        </section>
        <OptionsForm value={options} onChange={setOptions} />
        <section class="summary" aria-live="polite">
          <p>
            <span data-testid="estimate">
              {ready.length} episode{ready.length === 1 ? '' : 's'} · estimated cost{' '}
              <strong>{money(cost)}</strong>
            </span>
            {balance !== null && <span class="muted"> (balance {money(balance)})</span>}
          </p>
          <p class="hint">
            $1.00 per started minute of each episode, charged when you submit; not refunded on cancel.
          </p>
          {failed > 0 && (
            <p class="error">
              {failed} file(s) failed to upload and will be left out; remove them or add them again.
            </p>
          )}
          {noOutput && <p class="error">Choose at least one output.</p>}
          {balance !== null && cost > balance && (
            <p class="error">Your balance is lower than the estimated cost.</p>
          )}
          {error && (
            <p class="error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" class="primary" disabled={blocked}>
            {busy ? 'Submitting…' : uploading ? 'Waiting for uploads…' : `Start task (${money(cost)})`}
          </button>
        </section>
      </form>
    </main>
  );
}
