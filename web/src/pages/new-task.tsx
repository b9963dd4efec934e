/** Upload a series and submit it: files upload as soon as they are added (three at a time). */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useApp } from '../context.js';
import { errorText } from '../lib/actions.js';
import { assignEpisodes, episodeKeyProblems, estimateCost } from '../lib/episodes.js';
import { money } from '../lib/format.js';
import { DropZone, UploadRows, type UploadItem } from './upload-list.js';
import { OptionsForm, defaultOptions, type TaskOptions } from './task-options.js';

const PARALLEL_UPLOADS = 3;
let nextId = 1;

function problemsOf(items: UploadItem[]): Map<number, string> {
  const out = new Map<number, string>();
  const count = new Map<string, number>();
  for (const it of items) count.set(it.episode.trim(), (count.get(it.episode.trim()) ?? 0) + 1);
  for (const it of items) {
    const [p] = episodeKeyProblems([it.episode]);
    if (p) out.set(it.id, p);
    else if ((count.get(it.episode.trim()) ?? 0) > 1)
      out.set(it.id, `Episode ${it.episode.trim()} is used twice.`);
  }
  return out;
}

export function NewTaskPage() {
  const { api, navigate, refreshAccount, balance } = useApp();
  const [items, setItems] = useState<UploadItem[]>([]);
  const [options, setOptions] = useState<TaskOptions>(defaultOptions);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const aborts = useRef(new Map<number, () => void>());
  const idempotency = useRef(crypto.randomUUID());

  const update = (id: number, patch: Partial<UploadItem>) =>
    setItems((old) => old.map((it) => (it.id === id ? { ...it, ...patch } : it)));

  // Start queued uploads while fewer than PARALLEL_UPLOADS are running.
  useEffect(() => {
    const running = items.filter((i) => i.status === 'uploading').length;
    const start = items
      .filter((i) => i.status === 'queued')
      .slice(0, Math.max(0, PARALLEL_UPLOADS - running));
    for (const it of start) {
      update(it.id, { status: 'uploading', progress: 0 });
      const up = api.upload(it.file, (f) => update(it.id, { progress: f }));
      aborts.current.set(it.id, up.abort);
      up.done
        .then(
          (r) =>
            update(it.id, {
              status: 'ready',
              progress: 1,
              assetId: r.asset_id,
              duration: r.duration_seconds,
            }),
          (err: unknown) => update(it.id, { status: 'failed', error: errorText(err) }),
        )
        .finally(() => aborts.current.delete(it.id));
    }
  }, [items, api]);
  useEffect(() => () => aborts.current.forEach((abort) => abort()), []);

  const addFiles = (files: File[]) => {
    setItems((old) => {
      const keys = assignEpisodes(
        files.map((f) => f.name),
        old.map((o) => o.episode.trim()),
      );
      const added = files.map((file, i): UploadItem => ({
        id: nextId++,
        file,
        episode: keys[i] ?? '',
        status: 'queued',
        progress: 0,
      }));
      return [...old, ...added].sort((a, b) => Number(a.episode) - Number(b.episode));
    });
    idempotency.current = crypto.randomUUID();
  };
  const remove = (id: number) => {
    aborts.current.get(id)?.();
    setItems((old) => old.filter((it) => it.id !== id));
    idempotency.current = crypto.randomUUID();
  };

  const problems = useMemo(() => problemsOf(items), [items]);
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
        'Idempotency-Key': idempotency.current,
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
          <UploadRows
            items={items}
            problems={problems}
            onRemove={remove}
            onEpisode={(id, episode) => {
              update(id, { episode });
              idempotency.current = crypto.randomUUID();
            }}
          />
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
