import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { makeVideo } from '../fixtures/make-video.js';
import { api, startTestServer, uploadFile, waitForTask, type TestServer } from '../helpers/server.js';
import { tempDir } from '../helpers/tmp.js';

// The task folders live on a 64 KB tmpfs: the first keyframes and checkpoints fill it (ENOSPC).
const tmp = tempDir();
let srv: TestServer;
let mountPoint: string;
let video: string;

beforeAll(async () => {
  srv = await startTestServer();
  mountPoint = srv.server.deps.config.tasksDir;
  mkdirSync(mountPoint, { recursive: true });
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mountPoint]);
  video = (await makeVideo({ path: join(tmp.dir, 'v.mp4'), width: 640, height: 360, segments: [1, 1, 1] }))
    .path;
});
afterAll(async () => {
  execFileSync('umount', ['-l', mountPoint]);
  await srv.close();
  tmp.cleanup();
});

describe('disk full', () => {
  it('fails the task with STORAGE_UNAVAILABLE and leaves the store consistent', async () => {
    const a = (await uploadFile(srv.base, srv.key, video)).body.data.asset_id;
    const sub = await api(srv.base, srv.key, 'POST', '/screenplay/tasks', {
      mode: 'short_drama',
      episodes: { '1': a },
      config: {},
    });
    expect(sub.status).toBe(200);
    const id = String(sub.body.data.task_id);
    const done = await waitForTask(srv.base, srv.key, id);
    expect(done.status).toBe('failed');
    expect(done.error_code).toBe('STORAGE_UNAVAILABLE');
    expect(String(done.error_message)).toMatch(/ENOSPC|storage/i);
    const episodes = done.episodes as Array<{ state: string; attempts: number }>;
    expect(episodes[0]).toMatchObject({ state: 'failed', attempts: 1 });
    // The store still answers and the charge was recorded exactly once.
    const ledger = await srv.server.deps.store.listLedger(srv.accountId, 10);
    expect(ledger.filter((e) => e.taskId === id).length).toBe(1);
    const list = await api<{ tasks: Array<{ task_id: string }> }>(
      srv.base,
      srv.key,
      'GET',
      '/screenplay/tasks?status=failed',
    );
    expect(list.body.data.tasks.map((t) => t.task_id)).toContain(id);
    const dl = await api(srv.base, srv.key, 'GET', `/screenplay/tasks/${id}/download`);
    expect(dl.status).toBe(409);
  });
});
