/** The files of a new task: queued, uploaded three at a time, with episode keys and their problems. */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Api } from '../api.js';
import { errorText } from '../lib/actions.js';
import { assignEpisodes, episodeKeyProblems } from '../lib/episodes.js';
import type { UploadItem } from './upload-list.js';

const PARALLEL_UPLOADS = 3;
let nextId = 1;

/** Why a file's episode key would be refused (failed uploads are left out of the task). */
function problemsOf(all: UploadItem[]): Map<number, string> {
  const items = all.filter((i) => i.status !== 'failed');
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

export function useUploads(api: Api) {
  const [items, setItems] = useState<UploadItem[]>([]);
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

  const setEpisode = (id: number, episode: string) => {
    update(id, { episode });
    idempotency.current = crypto.randomUUID();
  };
  const problems = useMemo(() => problemsOf(items), [items]);
  /** A new key whenever the batch changes, so a double click never submits twice. */
  const idempotencyKey = () => idempotency.current;
  return { items, addFiles, remove, setEpisode, problems, idempotencyKey };
}
