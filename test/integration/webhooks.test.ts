import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { verifySignature } from '../../src/services/webhooks/sign.js';
import { makeVideo } from '../fixtures/make-video.js';
import { api, startTestServer, uploadFile, waitForTask, type TestServer } from '../helpers/server.js';
import { tempDir } from '../helpers/tmp.js';

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}

function receiver(
  handler: (body: string, res: ServerResponse) => void,
): Promise<{ server: Server; url: string; got: Received[] }> {
  const got: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      got.push({ headers: req.headers, body });
      handler(body, res);
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address();
      resolve({
        server,
        url: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/hook`,
        got,
      });
    }),
  );
}

const tmp = tempDir();
let srv: TestServer;
let video: string;
const servers: Server[] = [];

beforeAll(async () => {
  [srv, video] = await Promise.all([
    startTestServer({ allowPrivateWebhooks: true, webhookBaseDelayMs: 50, webhookTimeoutMs: 700 }),
    makeVideo({ path: join(tmp.dir, 'v.mp4'), segments: [1, 1] }).then((v) => v.path),
  ]);
});
afterAll(async () => {
  for (const s of servers) s.closeAllConnections();
  for (const s of servers) s.close();
  await srv.close();
  tmp.cleanup();
});

async function waitDeliveries(
  key: string,
  pred: (d: Array<Record<string, unknown>>) => boolean,
  timeoutMs = 20_000,
) {
  const t0 = Date.now();
  for (;;) {
    const r = await api<{ deliveries: Array<Record<string, unknown>> }>(
      srv.base,
      key,
      'GET',
      '/webhooks/deliveries',
    );
    if (pred(r.body.data.deliveries)) return r.body.data.deliveries;
    if (Date.now() - t0 > timeoutMs) throw new Error(`deliveries: ${JSON.stringify(r.body.data.deliveries)}`);
    await new Promise((res) => setTimeout(res, 50));
  }
}

describe('signed webhooks', () => {
  it('retries a receiver that is down, records every attempt, delivers once per terminal state, and a hanging receiver stalls nobody', async () => {
    // Account B's receiver never answers: its attempts time out while A's go through.
    const hang = await receiver(() => undefined);
    servers.push(hang.server);
    const b = await srv.newAccount(10);
    expect((await api(srv.base, b.key, 'PUT', '/webhooks', { url: hang.url })).status).toBe(200);
    const bAsset = (await uploadFile(srv.base, b.key, video)).body.data.asset_id;
    const bTask = await api(srv.base, b.key, 'POST', '/screenplay/tasks', {
      mode: 'short_drama',
      episodes: { '1': bAsset },
      config: {},
    });
    await api(srv.base, b.key, 'DELETE', `/screenplay/tasks/${String(bTask.body.data.task_id)}`);

    // Down for the first two attempts of every task, then up.
    const seen = new Map<string, number>();
    const down = await receiver((body, res) => {
      const task = (JSON.parse(body) as { task_id: string }).task_id;
      seen.set(task, (seen.get(task) ?? 0) + 1);
      res.statusCode = seen.get(task)! <= 2 ? 503 : 200;
      res.end();
    });
    servers.push(down.server);
    const put = await api<{ secret: string; url: string }>(srv.base, srv.key, 'PUT', '/webhooks', {
      url: down.url,
    });
    expect(put.status).toBe(200);
    const secret = put.body.data.secret;
    expect((await api(srv.base, srv.key, 'GET', '/webhooks')).body.data).toMatchObject({
      url: down.url,
      secret_set: true,
    });

    const a = (await uploadFile(srv.base, srv.key, video)).body.data.asset_id;
    const t1 = await api(srv.base, srv.key, 'POST', '/screenplay/tasks', {
      mode: 'short_drama',
      episodes: { '1': a },
      config: {},
    });
    const id1 = String(t1.body.data.task_id);
    expect((await waitForTask(srv.base, srv.key, id1)).status).toBe('completed');
    const t2 = await api(srv.base, srv.key, 'POST', '/screenplay/tasks', {
      mode: 'short_drama',
      episodes: { '1': a },
      config: { concurrency: 1 },
    });
    const id2 = String(t2.body.data.task_id);
    await api(srv.base, srv.key, 'DELETE', `/screenplay/tasks/${id2}`);

    const deliveries = await waitDeliveries(
      srv.key,
      (d) => d.length === 2 && d.every((x) => x.state === 'delivered'),
    );
    const byTask = new Map(deliveries.map((d) => [d.task_id, d]));
    const completed = byTask.get(id1)!;
    expect(completed.event).toBe('task.completed');
    expect((completed.history as Array<{ status: number }>).map((h) => h.status)).toEqual([503, 503, 200]);
    expect(byTask.get(id2)).toMatchObject({ event: 'task.cancelled', state: 'delivered', attempts: 3 });

    // Exactly one successful POST per terminal state, each signed over timestamp + body.
    expect(down.got.length).toBe(6);
    const bodies = down.got.map(
      (g) =>
        JSON.parse(g.body) as { code: number; message: string; task_id: string; data: { status: string } },
    );
    const okBodies = bodies.filter(
      (b, i) => bodies.slice(0, i).filter((x) => x.task_id === b.task_id).length === 2,
    );
    expect(okBodies.map((b) => [b.task_id, b.code, b.message, b.data.status]).sort()).toEqual(
      [
        [id1, 200, 'SUCCESS', 'completed'],
        [id2, 499, 'CANCELLED', 'cancelled'],
      ].sort(),
    );
    for (const g of down.got) {
      expect(
        verifySignature(
          secret,
          String(g.headers['x-reelscript-timestamp']),
          g.body,
          String(g.headers['x-reelscript-signature']),
        ),
      ).toBe(true);
    }
    // B's deliveries kept failing by timeout meanwhile, and are scheduled for retry.
    const bDeliveries = await waitDeliveries(b.key, (d) => d.length === 1 && Number(d[0]!.attempts) >= 1);
    expect(bDeliveries[0]).toMatchObject({ state: 'pending', event: 'task.cancelled' });
    expect(String((bDeliveries[0]!.history as Array<{ error: string }>)[0]!.error)).toContain('timed out');
    // The task itself never depends on its webhook.
    expect((await api(srv.base, srv.key, 'GET', `/screenplay/tasks/${id1}`)).body.data.status).toBe(
      'completed',
    );
  });

  it('refuses invalid webhook URLs', async () => {
    const r = await api(srv.base, srv.key, 'PUT', '/webhooks', { url: 'ftp://example.com/x' });
    expect([r.status, (r.body.data as { error_code: string }).error_code]).toEqual([400, 'INVALID_REQUEST']);
  });
});
