/**
 * Retries one store call across a short outage. Recording a finished episode is the call that
 * matters most: if PostgreSQL drops the connection just then, the episode's work is done and
 * checkpointed, and failing the attempt would make another worker redo it (and a few such cuts
 * could use up its attempts). Store mutations are guarded UPDATEs, so a retry after a commit
 * whose answer was lost is a clean no-op, never a second completion.
 */
import { setTimeout as sleep } from 'node:timers/promises';

export interface RetryOptions {
  /** Waits between attempts, in ms; one more attempt than waits. */
  delaysMs: readonly number[];
  /** Stop waiting when this aborts (cancel, lease lost): the last error is thrown. */
  signal?: AbortSignal | undefined;
  onRetry?: (err: unknown, attempt: number) => void;
}

export async function withStoreRetry<T>(fn: () => Promise<T>, o: RetryOptions): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      const wait = o.delaysMs[attempt];
      if (wait === undefined || o.signal?.aborted) throw err;
      o.onRetry?.(err, attempt + 1);
      const stopped = await sleep(wait, false, { signal: o.signal }).catch(() => true);
      if (stopped) throw err;
    }
  }
}
