import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { makeAudioOnly, makeVideo } from '../fixtures/make-video.js';
import { api, startTestServer, uploadFile, waitForTask, type TestServer } from '../helpers/server.js';
import { tempDir } from '../helpers/tmp.js';

const tmp = tempDir();
let srv: TestServer;
let video: string;
let long: string;
let audio: string;

const submitBody = (episodes: Record<string, string>, config: Record<string, unknown> = {}) => ({
  mode: 'short_drama',
  episodes,
  config,
});
const code = (r: { body: { data: unknown } }) => (r.body.data as { error_code?: string }).error_code;

beforeAll(async () => {
  srv = await startTestServer({ maxJsonBytes: 4096 });
  const v = await makeVideo({ path: join(tmp.dir, 'ok.mp4'), segments: [1, 1] });
  video = v.path;
  long = join(tmp.dir, 'long.mp4');
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-f',
    'lavfi',
    '-i',
    'testsrc2=s=64x36:r=1:d=301',
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    long,
  ]);
  audio = await makeAudioOnly(join(tmp.dir, 'a.m4a'));
});
afterAll(async () => {
  await srv.close();
  tmp.cleanup();
});

describe('authentication and isolation', () => {
  it('refuses missing, invalid and revoked keys with 401', async () => {
    expect((await api(srv.base, null, 'GET', '/account')).status).toBe(401);
    const bad = await api(srv.base, 'sk-rs-nope-nope-nope', 'GET', '/account');
    expect(bad.status).toBe(401);
    expect(bad.body).toMatchObject({ code: 401, success: false, failed: true });
    const other = await srv.newAccount(1);
    expect((await api(srv.base, `Bearer ${other.key}`, 'GET', '/account')).status).toBe(200);
    const keys = await srv.server.deps.store.listApiKeys(other.accountId);
    await srv.server.deps.store.revokeApiKey(keys[0]!.id);
    const revoked = await api(srv.base, other.key, 'GET', '/account');
    expect([revoked.status, code(revoked)]).toEqual([401, 'UNAUTHORIZED']);
  });

  it("answers another account's assets and tasks as not found", async () => {
    const mine = await uploadFile(srv.base, srv.key, video);
    const other = await srv.newAccount(10);
    const meta = await api(srv.base, other.key, 'GET', `/${mine.body.data.asset_id}/metadata`);
    expect([meta.status, code(meta), meta.body.msg]).toEqual([
      400,
      'ASSET_NOT_FOUND',
      `Asset not found: ${mine.body.data.asset_id}`,
    ]);
    const sub = await api(
      srv.base,
      other.key,
      'POST',
      '/screenplay/tasks',
      submitBody({ '1': mine.body.data.asset_id }),
    );
    expect([sub.status, code(sub)]).toEqual([400, 'ASSET_NOT_FOUND']);
    const t = await api(
      srv.base,
      srv.key,
      'POST',
      '/screenplay/tasks',
      submitBody({ '1': mine.body.data.asset_id }),
    );
    const id = String(t.body.data.task_id);
    for (const [m, p] of [
      ['GET', `/screenplay/tasks/${id}`],
      ['DELETE', `/screenplay/tasks/${id}`],
      ['GET', `/screenplay/tasks/${id}/download`],
      ['GET', `/screenplay/tasks/${id}/files/manifest.json`],
    ] as const) {
      const r = await api(srv.base, other.key, m, p);
      expect([r.status, code(r), r.body.msg]).toEqual([
        404,
        'TASK_NOT_FOUND',
        `Task not found for id: ${id}`,
      ]);
    }
    expect(
      (await api<{ tasks: unknown[] }>(srv.base, other.key, 'GET', '/screenplay/tasks')).body.data.tasks,
    ).toEqual([]);
    await waitForTask(srv.base, srv.key, id);
  });
});

describe('request validation', () => {
  it('rejects malformed JSON, wrong types, unknown fields and oversized bodies', async () => {
    const raw = await fetch(`${srv.base}/screenplay/tasks`, {
      method: 'POST',
      headers: { Authorization: srv.key, 'Content-Type': 'application/json' },
      body: '{"mode": ',
    });
    const rawBody = (await raw.json()) as { data: { error_code: string } };
    expect([raw.status, rawBody.data.error_code]).toEqual([400, 'INVALID_JSON']);
    const types = await api(srv.base, srv.key, 'POST', '/screenplay/tasks', {
      mode: 'short_drama',
      episodes: { '1': 5 },
      config: {},
    });
    expect([types.status, code(types)]).toEqual([400, 'INVALID_EPISODES']);
    const cfgType = await api(
      srv.base,
      srv.key,
      'POST',
      '/screenplay/tasks',
      submitBody({ '1': 're_1' }, { use_subtitle: 'yes' }),
    );
    expect([cfgType.status, code(cfgType)]).toEqual([400, 'INVALID_CONFIG']);
    expect(cfgType.body.msg).toContain('config.use_subtitle');
    const unknown = await api(srv.base, srv.key, 'POST', '/screenplay/tasks', {
      ...submitBody({ '1': 're_1' }),
      priority: 1,
    });
    expect([unknown.status, unknown.body.msg]).toEqual([
      400,
      'Invalid request parameters: Unknown field: priority',
    ]);
    const unknownCfg = await api(
      srv.base,
      srv.key,
      'POST',
      '/screenplay/tasks',
      submitBody({ '1': 're_1' }, { speed: 2 }),
    );
    expect(unknownCfg.body.msg).toContain('config.speed');
    const big = await api(
      srv.base,
      srv.key,
      'POST',
      '/screenplay/tasks',
      submitBody({ '1': 'x'.repeat(5000) }),
    );
    expect([big.status, code(big)]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    const noBody = await api(srv.base, srv.key, 'POST', '/screenplay/tasks');
    expect(noBody.status).toBe(400);
  });

  it('checks mode, episode keys, outputs, language and concurrency', async () => {
    const up = await uploadFile(srv.base, srv.key, video);
    const a = up.body.data.asset_id;
    const cases: Array<[unknown, string]> = [
      [{ mode: 'korean_drama', episodes: { '1': a }, config: {} }, 'MODE_NOT_AVAILABLE'],
      [{ mode: 'movie', episodes: { '1': a }, config: {} }, 'INVALID_MODE'],
      [submitBody({ '0': a }), 'INVALID_EPISODES'],
      [submitBody({ ep1: a }), 'INVALID_EPISODES'],
      [submitBody({}), 'INVALID_EPISODES'],
      [submitBody({ '1': a }, { require_json: false }), 'NO_OUTPUT_REQUESTED'],
      [submitBody({ '1': a }, { language: 'klingon' }), 'INVALID_LANGUAGE'],
      [submitBody({ '1': a }, { concurrency: 0 }), 'INVALID_CONCURRENCY'],
      [submitBody({ '1': a }, { concurrency: 101 }), 'INVALID_CONCURRENCY'],
      [submitBody({ '1': a }, { concurrency: 1.5 }), 'INVALID_CONCURRENCY'],
    ];
    for (const [body, expected] of cases) {
      const r = await api(srv.base, srv.key, 'POST', '/screenplay/tasks', body);
      expect([r.status, code(r)], JSON.stringify(body)).toEqual([400, expected]);
    }
    const mode = await api(srv.base, srv.key, 'POST', '/screenplay/tasks', cases[0]![0]);
    expect(mode.body.msg).toContain('coming soon');
  });

  it('lists every invalid asset in one response and charges nothing', async () => {
    const before = (await srv.server.deps.store.getAccount(srv.accountId))!.balanceMicro;
    const okAsset = (await uploadFile(srv.base, srv.key, video)).body.data.asset_id;
    const longAsset = await uploadFile(srv.base, srv.key, long);
    expect(longAsset.body.data.upload_status).toBe('SUCCESS');
    const audioAsset = await uploadFile(srv.base, srv.key, audio);
    expect(audioAsset.body.data).toMatchObject({ upload_status: 'SUCCESS', kind: 'audio' });
    const r = await api<{ error_code: string; invalid_assets: Array<{ episode: string; code: string }> }>(
      srv.base,
      srv.key,
      'POST',
      '/screenplay/tasks',
      submitBody({
        '1': okAsset,
        '2': longAsset.body.data.asset_id,
        '3': audioAsset.body.data.asset_id,
        '4': 're_404',
      }),
    );
    expect(r.status).toBe(400);
    expect(r.body.data.error_code).toBe('INVALID_ASSETS');
    expect(r.body.data.invalid_assets.map((i) => [i.episode, i.code])).toEqual([
      ['2', 'DURATION_EXCEEDED'],
      ['3', 'NOT_A_VIDEO'],
      ['4', 'ASSET_NOT_FOUND'],
    ]);
    const only = await api(
      srv.base,
      srv.key,
      'POST',
      '/screenplay/tasks',
      submitBody({ '1': longAsset.body.data.asset_id }),
    );
    expect([only.status, code(only)]).toEqual([400, 'DURATION_EXCEEDED']);
    expect((await srv.server.deps.store.getAccount(srv.accountId))!.balanceMicro).toBe(before);
  });
});

describe('uploads of bad media', () => {
  it('refuses empty, non-media and truncated files with a reason, keeping the asset as FAILED', async () => {
    const empty = join(tmp.dir, 'empty.mp4');
    writeFileSync(empty, '');
    const text = join(tmp.dir, 'notes.mp4');
    writeFileSync(text, 'this is not a video at all\n'.repeat(100));
    const { readFileSync } = await import('node:fs');
    const cut = join(tmp.dir, 'cut.mp4');
    const full = readFileSync(video);
    writeFileSync(cut, full.subarray(0, Math.floor(full.length * 0.4)));
    const cases: Array<[string, number, string]> = [
      [empty, 400, 'EMPTY_FILE'],
      [text, 415, 'MEDIA_UNREADABLE'],
      [cut, 415, 'MEDIA_UNREADABLE'],
    ];
    for (const [path, status, errorCode] of cases) {
      const r = await uploadFile(srv.base, srv.key, path);
      expect([r.status, r.body.data.error_code], path).toEqual([status, errorCode]);
      const meta = await api<{ resource: Array<{ upload_status: string; failure_reason: string }> }>(
        srv.base,
        srv.key,
        'GET',
        `/${r.body.data.asset_id}/metadata`,
      );
      expect(meta.body.data.resource[0]!.upload_status).toBe('FAILED');
      expect(meta.body.data.resource[0]!.failure_reason.length).toBeGreaterThan(5);
      const sub = await api(
        srv.base,
        srv.key,
        'POST',
        '/screenplay/tasks',
        submitBody({ '1': r.body.data.asset_id }),
      );
      expect([sub.status, code(sub)]).toEqual([400, status === 400 ? errorCode : 'INVALID_ASSETS']);
    }
    const noFile = await api(srv.base, srv.key, 'POST', '/upload', JSON.stringify({ a: 1 }), {
      'Content-Type': 'application/json',
    });
    expect([noFile.status, code(noFile)]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
  });
});

describe('ledger, idempotency, states', () => {
  it('answers 402 when the balance is short and writes no task', async () => {
    const poor = await srv.newAccount(0.5);
    const a = (await uploadFile(srv.base, poor.key, video)).body.data.asset_id;
    const r = await api(srv.base, poor.key, 'POST', '/screenplay/tasks', submitBody({ '1': a }));
    expect([r.status, code(r)]).toEqual([402, 'INSUFFICIENT_BALANCE']);
    expect(
      (await api<{ tasks: unknown[] }>(srv.base, poor.key, 'GET', '/screenplay/tasks')).body.data.tasks,
    ).toEqual([]);
    expect((await srv.server.deps.store.listLedger(poor.accountId, 10)).length).toBe(1);
  });

  it('replays the same Idempotency-Key + body and refuses a different body', async () => {
    const a = (await uploadFile(srv.base, srv.key, video)).body.data.asset_id;
    const h = { 'Idempotency-Key': 'abc-123' };
    const one = await api(srv.base, srv.key, 'POST', '/screenplay/tasks', submitBody({ '1': a }), h);
    const two = await api(srv.base, srv.key, 'POST', '/screenplay/tasks', submitBody({ '1': a }), h);
    expect(two.body.data.task_id).toBe(one.body.data.task_id);
    const three = await api(
      srv.base,
      srv.key,
      'POST',
      '/screenplay/tasks',
      submitBody({ '1': a }, { language: 'en' }),
      h,
    );
    expect([three.status, code(three)]).toEqual([409, 'IDEMPOTENCY_CONFLICT']);
    const ledger = await srv.server.deps.store.listLedger(srv.accountId, 100);
    expect(ledger.filter((e) => e.taskId === one.body.data.task_id).length).toBe(1);
    const done = await waitForTask(srv.base, srv.key, String(one.body.data.task_id));
    expect(done.status).toBe('completed');
    const cancel = await api(
      srv.base,
      srv.key,
      'DELETE',
      `/screenplay/tasks/${String(one.body.data.task_id)}`,
    );
    expect([cancel.status, code(cancel), cancel.body.msg]).toEqual([
      409,
      'TASK_NOT_CANCELLABLE',
      'Task cannot be cancelled, current status: completed',
    ]);
    const files = await api<{ files: string[] }>(
      srv.base,
      srv.key,
      'GET',
      `/screenplay/tasks/${String(one.body.data.task_id)}`,
    );
    expect(files.body.data.files).toContain('manifest.json');
    const trav = await api(
      srv.base,
      srv.key,
      'GET',
      `/screenplay/tasks/${String(one.body.data.task_id)}/files/..%2F..%2Fsigning-secret`,
    );
    expect([trav.status, code(trav)]).toEqual([400, 'INVALID_PATH']);
    const missing = await api(
      srv.base,
      srv.key,
      'GET',
      `/screenplay/tasks/${String(one.body.data.task_id)}/files/nope.json`,
    );
    expect([missing.status, code(missing)]).toEqual([404, 'FILE_NOT_FOUND']);
  });

  it('serves openapi.json, healthz, and a JSON 404 for unknown routes', async () => {
    const doc = (await (await fetch(`${srv.base}/openapi.json`)).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(doc.paths)).toContain('/screenplay/tasks');
    expect((await fetch(`${srv.server.url}/healthz`)).status).toBe(200);
    const nf = await api(srv.base, srv.key, 'GET', '/nope/nope/nope');
    expect([nf.status, code(nf)]).toEqual([404, 'NOT_FOUND']);
    const bad = await api(srv.base, srv.key, 'GET', '/screenplay/tasks?status=weird');
    expect([bad.status, code(bad)]).toEqual([400, 'INVALID_REQUEST']);
  });
});

describe('rate limits and quotas', () => {
  it('answers 429 with Retry-After past the per-account rate, and caps active tasks', async () => {
    const limited = await startTestServer({
      rateLimitPerSecond: 1,
      rateLimitBurst: 3,
      maxActiveTasks: 1,
      workers: 0,
    });
    try {
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < 5; i++) {
        const r = await api(limited.base, limited.key, 'GET', '/account');
        statuses.push(r.status);
        if (r.status === 429) retryAfter = r.headers.get('retry-after');
      }
      expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
      expect(statuses).toContain(429);
      expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
      const other = await limited.newAccount(10);
      expect((await api(limited.base, other.key, 'GET', '/account')).status).toBe(200);
    } finally {
      await limited.close();
    }
    // The quota is checked on a server without a tight rate limit, so the two cannot mix.
    const quota = await startTestServer({ maxActiveTasks: 1, workers: 0 });
    try {
      const a = (await uploadFile(quota.base, quota.key, video)).body.data.asset_id;
      const first = await api(quota.base, quota.key, 'POST', '/screenplay/tasks', submitBody({ '1': a }));
      expect(first.status).toBe(200);
      const second = await api(quota.base, quota.key, 'POST', '/screenplay/tasks', submitBody({ '1': a }));
      expect([second.status, code(second)]).toEqual([429, 'RATE_LIMITED']);
      expect(second.body.msg).toContain('Quota exceeded');
    } finally {
      await quota.close();
    }
  });
});
