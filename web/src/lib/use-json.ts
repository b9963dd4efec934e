/** Load a JSON output file of a task; `missing` when the file does not exist (e.g. no faces run). */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, type Api } from '../api.js';
import { errorText } from './actions.js';

export type Loaded<T> =
  { state: 'loading' } | { state: 'ok'; value: T } | { state: 'missing' } | { state: 'error'; error: string };

export function useTaskJson<T>(api: Api, taskId: string, path: string | null, version = 0): Loaded<T> {
  const [v, setV] = useState<Loaded<T>>({ state: 'loading' });
  const lastPath = useRef<string | null>(null);
  useEffect(() => {
    if (!path) return setV({ state: 'missing' });
    const ctl = new AbortController();
    // A reload of the same file (after a rename) keeps showing the old content until it arrives.
    if (lastPath.current !== path) setV({ state: 'loading' });
    lastPath.current = path;
    api
      .blob(api.fileUrl(taskId, path), ctl.signal, true)
      .then(async (b) => setV({ state: 'ok', value: JSON.parse(await b.text()) as T }))
      .catch((err: unknown) => {
        if (ctl.signal.aborted) return;
        if (err instanceof ApiError && err.code === 'FILE_NOT_FOUND') setV({ state: 'missing' });
        else setV({ state: 'error', error: errorText(err) });
      });
    return () => ctl.abort();
  }, [api, taskId, path, version]);
  return v;
}
