import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeVideo } from '../fixtures/make-video.js';
import { api, startTestServer, uploadFile, type TestServer } from '../helpers/server.js';
import { tempDir } from '../helpers/tmp.js';

const tmp = tempDir();
let srv: TestServer;
let video: string;

beforeAll(async () => {
  [srv, video] = await Promise.all([
    startTestServer(),
    makeVideo({ path: join(tmp.dir, 'v.mp4'), segments: [1, 1] }).then((v) => v.path),
  ]);
});
afterAll(async () => {
  await srv.close();
  tmp.cleanup();
});

describe('assets', () => {
  it('uploads through a signed URL (POST multipart or PUT raw), once, and refuses tampered URLs', async () => {
    const signed = await api<{ asset_id: string; signed_url: string; expires_in: number }>(
      srv.base,
      srv.key,
      'POST',
      '/upload/signed-url',
      { original_filename: 'episode 7.mp4' },
    );
    expect(signed.status).toBe(200);
    expect(signed.body.data.expires_in).toBe(93_600);
    const meta0 = await api<{ resource: Array<{ upload_status: string }> }>(
      srv.base,
      srv.key,
      'GET',
      `/${signed.body.data.asset_id}/metadata`,
    );
    expect(meta0.body.data.resource[0]!.upload_status).toBe('WAITING');
    const tampered = signed.body.data.signed_url.replace(
      /sig=([^&])/,
      (_m, c: string) => `sig=${c === 'A' ? 'B' : 'A'}`,
    );
    expect((await fetch(tampered, { method: 'PUT', body: readFileSync(video) })).status).toBe(403);
    const form = new FormData();
    form.append('file', new Blob([readFileSync(video)]), 'x.mp4');
    const up = await fetch(signed.body.data.signed_url, { method: 'POST', body: form });
    expect(up.status, await up.clone().text()).toBe(200);
    const meta = await api<{ resource: Array<Record<string, unknown>> }>(
      srv.base,
      srv.key,
      'GET',
      `/${signed.body.data.asset_id}/metadata`,
    );
    expect(meta.body.data.resource[0]).toMatchObject({
      upload_status: 'SUCCESS',
      original_filename: 'episode 7.mp4',
      extension: 'mp4',
      kind: 'video',
    });
    expect(
      (await fetch(signed.body.data.signed_url, { method: 'PUT', body: readFileSync(video) })).status,
    ).toBe(403);

    const second = await api<{ signed_url: string; asset_id: string }>(
      srv.base,
      srv.key,
      'POST',
      '/upload/signed-url',
      { original_filename: 'raw.mp4' },
    );
    const put = await fetch(second.body.data.signed_url, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/octet-stream' },
      body: readFileSync(video),
    });
    expect(put.status, await put.clone().text()).toBe(200);
    const meta2 = await api<{ resource: Array<{ upload_status: string; file_size: string }> }>(
      srv.base,
      srv.key,
      'GET',
      `/${second.body.data.asset_id}/metadata`,
    );
    expect(meta2.body.data.resource[0]).toMatchObject({
      upload_status: 'SUCCESS',
      file_size: String(readFileSync(video).length),
    });
  });

  it('downloads the original bytes (charged per GB) and deletes an asset', async () => {
    const id = (await uploadFile(srv.base, srv.key, video, 'mine.mp4')).body.data.asset_id;
    const res = await fetch(`${srv.base}/${id}/download`, { headers: { Authorization: srv.key } });
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(readFileSync(video));
    expect(res.headers.get('content-disposition')).toContain('mine.mp4');
    const ledger = await srv.server.deps.store.listLedger(srv.accountId, 1);
    expect(ledger[0]).toMatchObject({
      reason: 'download',
      amountMicro: -Math.ceil((readFileSync(video).length / 1e9) * 120_000),
    });
    const del = await api(srv.base, srv.key, 'DELETE', `/${id}`);
    expect(del.body).toMatchObject({ code: 200, success: true, data: null });
    expect((await api(srv.base, srv.key, 'GET', `/${id}/metadata`)).status).toBe(400);
    expect((await api(srv.base, srv.key, 'DELETE', `/${id}`)).status).toBe(400);
  });

  it('streams task progress as Server-Sent Events until the task ends', async () => {
    const id = (await uploadFile(srv.base, srv.key, video)).body.data.asset_id;
    const sub = await api(srv.base, srv.key, 'POST', '/screenplay/tasks', {
      mode: 'short_drama',
      episodes: { '1': id },
      config: {},
    });
    const res = await fetch(`${srv.base}/screenplay/tasks/${String(sub.body.data.task_id)}/events`, {
      headers: { Authorization: srv.key },
    });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const text = await res.text();
    const statuses = [...text.matchAll(/^event: status\ndata: (.*)$/gm)].map(
      (m) => JSON.parse(m[1]!) as { status: string; episodes: Array<{ stage: string | null }> },
    );
    expect(statuses.at(-1)?.status).toBe('completed');
    expect(statuses.length).toBeGreaterThan(1);
    expect(
      new Set(statuses.flatMap((s) => s.episodes.map((e) => e.stage)).filter(Boolean)).size,
    ).toBeGreaterThan(1);
    expect(text.trimEnd().endsWith('event: end\ndata: {}')).toBe(true);
  });
});

describe('upload size limit', () => {
  it('refuses files over the limit with 413 on both upload paths, keeping nothing', async () => {
    const small = await startTestServer({ maxUploadBytes: 10_000, workers: 0 });
    try {
      const r = await uploadFile(small.base, small.key, video);
      expect([r.status, r.body.data.error_code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
      const signed = await api<{ signed_url: string }>(small.base, small.key, 'POST', '/upload/signed-url', {
        original_filename: 'a.mp4',
      });
      const put = await fetch(signed.body.data.signed_url, { method: 'PUT', body: readFileSync(video) });
      expect(put.status, await put.clone().text()).toBe(413);
    } finally {
      await small.close();
    }
  });
});
