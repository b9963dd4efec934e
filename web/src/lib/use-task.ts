/**
 * A task kept live: one GET, then the SSE stream while it is pending or running, reconnecting
 * after a dropped connection (a few tries, then a slow poll).
 */
import { useEffect, useState } from 'preact/hooks';
import type { Api } from '../api.js';
import { ApiError } from '../api.js';
import { isActive, type TaskView } from '../types.js';
import { errorText } from './actions.js';

export function useTask(api: Api, id: string, live = true): { task: TaskView | null; error: string | null } {
  const [task, setTask] = useState<TaskView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const ctl = new AbortController();
    const path = `/screenplay/tasks/${encodeURIComponent(id)}`;
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    setTask(null);
    setError(null);
    void (async () => {
      let failures = 0;
      while (!ctl.signal.aborted) {
        try {
          const t = await api.get<TaskView>(path, ctl.signal);
          setTask(t);
          setError(null);
          if (!live || !isActive(t.status)) return;
          await api.events(id, setTask, ctl.signal);
          failures = 0;
        } catch (err) {
          if (ctl.signal.aborted) return;
          if (err instanceof ApiError && err.status >= 400 && err.status < 500)
            return setError(errorText(err));
          failures++;
          if (failures > 3) setError('Lost the connection to the server; retrying…');
          await sleep(Math.min(10_000, 500 * 2 ** failures));
        }
      }
    })();
    return () => ctl.abort();
  }, [api, id, live]);
  return { task, error };
}
