/**
 * The API client: every request carries the key in the Authorization header, answers are
 * unwrapped from the envelope, failures become ApiError with the stable error code.
 */
import { SseParser } from './lib/sse.js';
import type { TaskView, UploadResult } from './types.js';

export const API_BASE = '/serve/api/v2';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface Envelope<T> {
  code: number;
  msg: string;
  data: T;
  success: boolean;
}

async function errorOf(res: Response): Promise<ApiError> {
  const text = await res.text().catch(() => '');
  try {
    const env = JSON.parse(text) as Envelope<{ error_code?: string } | null>;
    return new ApiError(env.msg, res.status, env.data?.error_code ?? null);
  } catch {
    return new ApiError(text.slice(0, 200) || res.statusText, res.status, null);
  }
}

export class Api {
  constructor(
    readonly key: string,
    private readonly onUnauthorized: () => void = () => undefined,
  ) {}

  private async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set('Authorization', this.key);
    const res = await fetch(`${API_BASE}${path}`, { ...init, headers });
    if (!res.ok) {
      const err = await errorOf(res);
      if (res.status === 401) this.onUnauthorized();
      throw err;
    }
    return res;
  }

  async json<T>(
    method: string,
    path: string,
    body?: unknown,
    signal?: AbortSignal,
    headers: Record<string, string> = {},
  ): Promise<T> {
    const init: RequestInit = { method, signal: signal ?? null, headers };
    if (body !== undefined) {
      init.body = JSON.stringify(body);
      init.headers = { ...headers, 'Content-Type': 'application/json' };
    }
    const res = await this.fetch(path, init);
    return ((await res.json()) as Envelope<T>).data;
  }

  get<T>(path: string, signal?: AbortSignal): Promise<T> {
    return this.json<T>('GET', path, undefined, signal);
  }

  /** `fresh` skips the HTTP cache: output files are cached a minute, but a rename rewrites them. */
  async blob(path: string, signal?: AbortSignal, fresh = false): Promise<Blob> {
    return (await this.fetch(path, { signal: signal ?? null, cache: fresh ? 'no-store' : 'default' })).blob();
  }

  fileUrl(taskId: string, path: string): string {
    return `/screenplay/tasks/${encodeURIComponent(taskId)}/files/${path.split('/').map(encodeURIComponent).join('/')}`;
  }

  /** POST /upload with XMLHttpRequest, the only browser API that reports upload progress. */
  upload(
    file: File,
    onProgress: (fraction: number) => void,
  ): { done: Promise<UploadResult>; abort: () => void } {
    const xhr = new XMLHttpRequest();
    const done = new Promise<UploadResult>((resolve, reject) => {
      xhr.open('POST', `${API_BASE}/upload`);
      xhr.setRequestHeader('Authorization', this.key);
      xhr.responseType = 'text';
      xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
      xhr.onerror = () => reject(new ApiError('The upload was interrupted (network error).', 0, null));
      xhr.onabort = () => reject(new ApiError('Upload cancelled.', 0, 'CANCELLED'));
      xhr.onload = () => {
        try {
          const env = JSON.parse(String(xhr.response)) as Envelope<UploadResult & { error_code?: string }>;
          if (xhr.status === 200 && env.success) resolve(env.data);
          else {
            if (xhr.status === 401) this.onUnauthorized();
            reject(new ApiError(env.msg, xhr.status, env.data?.error_code ?? null));
          }
        } catch {
          reject(new ApiError(`Upload failed (HTTP ${xhr.status}).`, xhr.status, null));
        }
      };
      const form = new FormData();
      form.append('file', file, file.name);
      xhr.send(form);
    });
    return { done, abort: () => xhr.abort() };
  }

  /**
   * Follows GET …/events until the stream ends or `signal` aborts. EventSource cannot send an
   * Authorization header, so this reads the stream with fetch.
   */
  async events(taskId: string, onStatus: (t: TaskView) => void, signal: AbortSignal): Promise<void> {
    const res = await this.fetch(`/screenplay/tasks/${encodeURIComponent(taskId)}/events`, {
      signal,
      headers: { Accept: 'text/event-stream' },
    });
    if (!res.body) return;
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    const parser = new SseParser();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      for (const ev of parser.feed(value)) {
        if (ev.event === 'status') onStatus(JSON.parse(ev.data) as TaskView);
        if (ev.event === 'end') return void reader.cancel().catch(() => undefined);
      }
    }
  }
}

const KEY = 'reelscript.apiKey';

/** The key lives in sessionStorage only: it is gone when the tab closes. */
export const session = {
  load: (): string | null => sessionStorage.getItem(KEY),
  save: (key: string): void => sessionStorage.setItem(KEY, key),
  clear: (): void => sessionStorage.removeItem(KEY),
};
