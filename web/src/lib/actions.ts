/** Actions shared by pages: cancel with confirmation, download a file through an object URL. */
import { ApiError, type Api } from '../api.js';
import { plainError } from './format.js';

export async function cancelTask(api: Api, taskId: string): Promise<string | null> {
  if (!confirm(`Cancel task ${taskId}? Work stops now and the charge is not refunded.`)) return null;
  try {
    await api.json('DELETE', `/screenplay/tasks/${encodeURIComponent(taskId)}`);
    return null;
  } catch (err) {
    return err instanceof ApiError ? plainError(err.code, err.message) : String(err);
  }
}

/** Fetch with the key, then let the browser save the blob under `filename`. */
export async function download(api: Api, path: string, filename: string): Promise<void> {
  const blob = await api.blob(path, undefined, true);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function errorText(err: unknown): string {
  return err instanceof ApiError
    ? plainError(err.code, err.message)
    : err instanceof Error
      ? err.message
      : String(err);
}
