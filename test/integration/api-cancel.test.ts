import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { liveChildPids } from '../../src/process/spawn.js';
import { taskOutDir } from '../../src/services/storage.js';
import { makeVideo } from '../fixtures/make-video.js';
import { api, startTestServer, uploadFile, waitForTask, type TestServer } from '../helpers/server.js';
import { tempDir } from '../helpers/tmp.js';

const tmp = tempDir();
let srv: TestServer;
let heavy: string;

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

beforeAll(async () => {
  srv = await startTestServer();
  // Large enough that decoding takes a few seconds, so the cancel lands while ffmpeg runs.
  heavy = (
    await makeVideo({
      path: join(tmp.dir, 'heavy.mp4'),
      width: 1920,
      height: 1080,
      fps: 25,
      segments: [6, 6, 6],
    })
  ).path;
});
afterAll(async () => {
  await srv.close();
  tmp.cleanup();
});

describe('cancel while running', () => {
  it('stops every child process within 2 s and writes nothing more', async () => {
    const a = (await uploadFile(srv.base, srv.key, heavy)).body.data.asset_id;
    const balance = (await srv.server.deps.store.getAccount(srv.accountId))!.balanceMicro;
    const sub = await api(srv.base, srv.key, 'POST', '/screenplay/tasks', {
      mode: 'short_drama',
      episodes: { '1': a, '2': a },
      config: {},
    });
    const id = String(sub.body.data.task_id);
    const t0 = Date.now();
    while (liveChildPids().length === 0) {
      if (Date.now() - t0 > 60_000) throw new Error('no child process started');
      await new Promise((r) => setTimeout(r, 10));
    }
    const pids = liveChildPids();
    const running = await api(srv.base, srv.key, 'GET', `/screenplay/tasks/${id}`);
    expect(running.body.data.status).toBe('running');
    expect(running.body.data.progress).toMatchObject({ total_episodes: 2 });
    const cancelledAt = Date.now();
    const c = await api(srv.base, srv.key, 'DELETE', `/screenplay/tasks/${id}`);
    expect(c.body).toMatchObject({ code: 200, data: { task_id: id, status: 'cancelled' } });
    while (liveChildPids().length > 0 || pids.some(alive)) {
      expect(Date.now() - cancelledAt).toBeLessThan(2000);
      await new Promise((r) => setTimeout(r, 20));
    }
    const after = await waitForTask(srv.base, srv.key, id);
    expect(after.status).toBe('cancelled');
    await new Promise((r) => setTimeout(r, 500));
    expect(existsSync(taskOutDir(srv.server.deps.config, id))).toBe(false);
    const jobs = await srv.server.deps.store.listJobs(id);
    expect(jobs.map((j) => j.state)).toEqual(['cancelled', 'cancelled']);
    // Cancel is irreversible and not refunded.
    expect((await srv.server.deps.store.getAccount(srv.accountId))!.balanceMicro).toBe(balance - 2_000_000);
    const again = await api(srv.base, srv.key, 'DELETE', `/screenplay/tasks/${id}`);
    expect(again.status).toBe(409);
    const dl = await api(srv.base, srv.key, 'GET', `/screenplay/tasks/${id}/download`);
    expect([dl.status, dl.body.msg]).toEqual([409, 'Task is not completed yet, current status: cancelled']);
  });
});
