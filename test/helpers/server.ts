/**
 * Starts a real server on a loopback port with a fresh data dir, and an account with a key.
 * With REELSCRIPT_TEST_STORE=postgres (or an explicit `databaseUrl`), it runs on PostgreSQL: each
 * server gets a fresh database, dropped on close, so the same API tests cover both stores.
 */
import type { ConfigInput } from '../../src/config/index.js';
import { startServer, type Server } from '../../src/main.js';
import { createKey, topUp } from '../../src/services/accounts.js';
import { freshDatabase, type PgScratch } from './pg.js';
import { tempDir } from './tmp.js';

export interface TestServer {
  server: Server;
  base: string;
  key: string;
  accountId: string;
  dataDir: string;
  newAccount(dollars?: number): Promise<{ key: string; accountId: string }>;
  close(): Promise<void>;
}

export async function startTestServer(
  overrides: Partial<ConfigInput> = {},
  dollars = 100,
): Promise<TestServer> {
  const tmp = tempDir('reelscript-srv-');
  const db: PgScratch | null =
    overrides.databaseUrl === undefined && process.env.REELSCRIPT_TEST_STORE === 'postgres'
      ? await freshDatabase()
      : null;
  const server = await startServer(
    {
      dataDir: tmp.dir,
      port: 0,
      workers: 2,
      logLevel: 'silent',
      heartbeatMs: 200,
      pollMs: 50,
      ...(db ? { databaseUrl: db.url } : {}),
      ...overrides,
    },
    { log: () => undefined },
  );
  if (db && server.deps.store.dialect !== 'postgres') throw new Error('expected the PostgreSQL store');
  const newAccount = async (amount = dollars) => {
    const { key, account } = await createKey(server.deps, { name: 'test' });
    if (amount > 0) await topUp(server.deps, account.id, amount);
    return { key, accountId: account.id };
  };
  const first = await newAccount();
  return {
    server,
    base: `${server.url}/serve/api/v2`,
    key: first.key,
    accountId: first.accountId,
    dataDir: tmp.dir,
    newAccount,
    close: async () => {
      await server.close(0);
      await db?.drop();
      tmp.cleanup();
    },
  };
}

export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  body: { code: number; msg: string; data: T; success: boolean; failed: boolean };
  headers: Headers;
}

export async function api<T = Record<string, unknown>>(
  base: string,
  key: string | null,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<ApiResponse<T>> {
  const h: Record<string, string> = { ...headers };
  if (key) h.Authorization = key;
  let payload: FormData | string | undefined;
  if (body instanceof FormData || typeof body === 'string') payload = body;
  else if (body !== undefined) {
    payload = JSON.stringify(body);
    h['Content-Type'] = 'application/json';
  }
  const res = await fetch(`${base}${path}`, { method, headers: h, body: payload });
  const text = await res.text();
  let parsed: ApiResponse<T>['body'];
  try {
    parsed = JSON.parse(text) as ApiResponse<T>['body'];
  } catch {
    throw new Error(`non-JSON response ${res.status}: ${text.slice(0, 200)}`);
  }
  return { status: res.status, body: parsed, headers: res.headers };
}

export async function uploadFile(
  base: string,
  key: string,
  path: string,
  name?: string,
): Promise<ApiResponse<{ asset_id: string; upload_status: string; error_code?: string }>> {
  const { readFile } = await import('node:fs/promises');
  const form = new FormData();
  form.append('file', new Blob([await readFile(path)]), name ?? path.split('/').pop());
  return api(base, key, 'POST', '/upload', form);
}

/** Poll a task until it leaves pending/running (or the predicate holds). */
export async function waitForTask(
  base: string,
  key: string,
  taskId: string,
  until: (d: Record<string, unknown>) => boolean = (d) => !['pending', 'running'].includes(String(d.status)),
  timeoutMs = 240_000,
): Promise<Record<string, unknown>> {
  const t0 = Date.now();
  for (;;) {
    const r = await api(base, key, 'GET', `/screenplay/tasks/${taskId}`);
    if (until(r.body.data)) return r.body.data;
    if (Date.now() - t0 > timeoutMs)
      throw new Error(`task ${taskId} still ${String(r.body.data.status)} after ${timeoutMs} ms`);
    await new Promise((res) => setTimeout(res, 100));
  }
}
