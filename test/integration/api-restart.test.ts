import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { makeVideo, type MadeVideo } from '../fixtures/make-video.js';
import { freePort, runCli, startCli, waitHttp } from '../helpers/cli.js';
import { api, uploadFile, waitForTask } from '../helpers/server.js';
import { tempDir } from '../helpers/tmp.js';
import { unzip } from '../helpers/zip.js';

const tmp = tempDir();
let video: MadeVideo;
const children: ChildProcess[] = [];

beforeAll(async () => {
  video = await makeVideo({
    path: join(tmp.dir, 'ep.mp4'),
    width: 640,
    height: 360,
    segments: [3, 3, 3],
  });
});
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  tmp.cleanup();
});

const exited = (c: ChildProcess): Promise<number | null> =>
  new Promise((r) => (c.exitCode !== null ? r(c.exitCode) : c.once('exit', (code) => r(code))));

describe('restart safety', () => {
  it('resumes and completes a task after the server is SIGKILLed mid-episode; SIGTERM drains', async () => {
    const data = join(tmp.dir, 'data');
    const created = await runCli(['keys', 'create', '--data', data, '--name', 'restart']);
    expect(created.code).toBe(0);
    const { key, account_id } = JSON.parse(created.stdout) as { key: string; account_id: string };
    expect((await runCli(['account', 'topup', account_id, '20', '--data', data])).code).toBe(0);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}/serve/api/v2`;
    const serve = (): ChildProcess => {
      const c = startCli(['serve', '--data', data, '--port', String(port), '--workers', '2'], {
        REELSCRIPT_LOG_LEVEL: 'silent',
        REELSCRIPT_HEARTBEAT_MS: '200',
      });
      children.push(c);
      return c;
    };
    const first = serve();
    await waitHttp(`${base}/healthz`);
    const a = (await uploadFile(base, key, video.path)).body.data.asset_id;
    const sub = await api(base, key, 'POST', '/screenplay/tasks', {
      mode: 'short_drama',
      episodes: { '1': a, '2': a, '3': a },
      config: { concurrency: 2 },
    });
    const id = String(sub.body.data.task_id);
    await waitForTask(base, key, id, (d) =>
      (d.episodes as Array<{ state: string; stage: string | null }>).some(
        (e) => e.state === 'running' && e.stage !== null,
      ),
    );
    first.kill('SIGKILL');
    await exited(first);

    const second = serve();
    await waitHttp(`${base}/healthz`);
    const done = await waitForTask(base, key, id, undefined, 300_000);
    expect(done.status).toBe('completed');
    const res = await fetch(`${base}/screenplay/tasks/${id}/download`, { headers: { Authorization: key } });
    const files = await unzip(Buffer.from(await res.arrayBuffer()));
    for (const ep of ['1', '2', '3']) {
      const sb = JSON.parse(files.get(`${ep}_storyboard.json`)!.toString()) as {
        shots: Array<{ start: number }>;
      };
      expect(sb.shots.map((s) => Math.round(s.start))).toEqual([0, ...video.cutTimes]);
    }
    // Nothing was lost or charged twice.
    const account = await api<{ ledger: Array<{ reason: string }> }>(base, key, 'GET', '/account');
    expect(account.body.data.ledger.filter((e) => e.reason === 'task').length).toBe(1);

    second.kill('SIGTERM');
    expect(await exited(second)).toBe(0);
  }, 400_000);
});
