import { existsSync } from 'node:fs';
import { once } from 'node:events';
import { connect } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../../../../test/helpers/server.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ workers: 0 });
});
afterAll(async () => {
  await s.close();
});

type Meta = { resource: Array<{ upload_status: string; failure_code?: string }> };

async function waitForStatus(assetId: string, want: string): Promise<Meta['resource'][number]> {
  for (let i = 0; ; i++) {
    const r = await api<Meta>(s.base, s.key, 'GET', `/${assetId}/metadata`);
    const meta = r.body.data.resource[0];
    if (meta?.upload_status === want) return meta;
    if (i > 200) throw new Error(`asset ${assetId} stayed ${String(meta?.upload_status)}, expected ${want}`);
    await sleep(25);
  }
}

describe('signed raw PUT upload', () => {
  it('fails the asset and removes the partial file when the client disconnects mid-body', async () => {
    const r = await api<{ asset_id: string; signed_url: string }>(
      s.base,
      s.key,
      'POST',
      '/upload/signed-url',
      {
        original_filename: 'clip.mp4',
      },
    );
    const { asset_id: assetId, signed_url: signedUrl } = r.body.data;
    const url = new URL(signedUrl);
    const sock = connect(Number(url.port), url.hostname);
    await once(sock, 'connect');
    sock.write(
      `PUT ${url.pathname}${url.search} HTTP/1.1\r\nHost: ${url.host}\r\n` +
        'Content-Type: application/octet-stream\r\nContent-Length: 10000000\r\n\r\n',
    );
    sock.write(Buffer.alloc(1_000_000, 1));
    // The server is streaming the body to disk; now the client goes away with 9 MB still owed.
    await waitForStatus(assetId, 'UPLOADING');
    sock.destroy();
    const meta = await waitForStatus(assetId, 'FAILED');
    expect(meta.failure_code).toBe('INVALID_REQUEST');
    expect(existsSync(join(s.dataDir, 'assets', assetId, 'original.mp4'))).toBe(false);
    // The URL is spent: a retry must ask for a new one.
    const again = await fetch(signedUrl, { method: 'PUT', body: Buffer.alloc(10) });
    expect(again.status).toBe(403);
  });
});
