import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { makeVideo, type MadeVideo } from '../fixtures/make-video.js';
import { api, startTestServer, uploadFile, waitForTask, type TestServer } from '../helpers/server.js';
import { tempDir } from '../helpers/tmp.js';
import { unzip } from '../helpers/zip.js';

describe('full flow: upload → submit → poll → download', () => {
  let srv: TestServer;
  const tmp = tempDir();
  let landscape: MadeVideo;
  let portrait: MadeVideo;
  beforeAll(async () => {
    [srv, landscape, portrait] = await Promise.all([
      startTestServer(),
      makeVideo({ path: join(tmp.dir, 'ep1.mp4'), segments: [1.2, 0.8, 1.6, 1.0], audio: 'tone' }),
      makeVideo({
        path: join(tmp.dir, 'ep2.mp4'),
        width: 320,
        height: 180,
        segments: [1.0, 1.4],
        rotate: 90,
        sourceOffset: 2,
      }),
    ]);
  });
  afterAll(async () => {
    await srv.close();
    tmp.cleanup();
  });

  it('runs on the store its vitest project names', ({ task }) => {
    // vitest.config.ts runs this file in the "sqlite" and the "postgres" projects.
    expect(srv.server.deps.store.dialect).toBe(task.file.projectName === 'postgres' ? 'postgres' : 'sqlite');
  });

  it('produces a zip whose storyboards match the generated cuts', async () => {
    const u1 = await uploadFile(srv.base, srv.key, landscape.path);
    const u2 = await uploadFile(srv.base, srv.key, portrait.path);
    expect(u1.status).toBe(200);
    expect(u1.body).toMatchObject({ code: 200, msg: 'success', success: true, failed: false });
    expect(u1.body.data.asset_id).toMatch(/^re_\d+$/);
    const meta = await api<{ resource: Array<Record<string, unknown>> }>(
      srv.base,
      srv.key,
      'GET',
      `/${u2.body.data.asset_id}/metadata`,
    );
    expect(meta.body.data.resource[0]).toMatchObject({
      upload_status: 'SUCCESS',
      width: 180,
      height: 320,
      kind: 'video',
      has_audio: false,
    });

    const submit = await api(srv.base, srv.key, 'POST', '/screenplay/tasks', {
      mode: 'short_drama',
      episodes: { '1': u1.body.data.asset_id, '2': u2.body.data.asset_id },
      config: { language: 'en', use_subtitle: true, require_json: true },
    });
    expect(submit.status).toBe(200);
    expect(submit.body.data).toMatchObject({ status: 'pending', mode: 'short_drama', cost: 2 });
    const taskId = String(submit.body.data.task_id);
    expect(taskId).toMatch(/^ros-sd-\d{8}-[0-9a-f]{8}$/);

    const done = await waitForTask(srv.base, srv.key, taskId);
    expect(done.status).toBe('completed');
    expect(done.files).toContain('1_storyboard.json');

    // The listing shows the same task with episode counts in place of episodes and files.
    const listed = await api<{ tasks: Array<Record<string, unknown>>; next_cursor: string | null }>(
      srv.base,
      srv.key,
      'GET',
      '/screenplay/tasks?status=completed&limit=5',
    );
    expect(listed.status).toBe(200);
    const { episodes: _e, files: _f, ...rest } = done;
    expect(listed.body.data.tasks).toEqual([
      { ...rest, episode_counts: { total: 2, done: 2, running: 0, failed: 0 } },
    ]);
    expect(listed.body.data.next_cursor).toBeNull();
    const none = await api<{ tasks: unknown[] }>(
      srv.base,
      srv.key,
      'GET',
      '/screenplay/tasks?status=running',
    );
    expect(none.body.data.tasks).toEqual([]);

    const res = await fetch(`${srv.base}/screenplay/tasks/${taskId}/download`, {
      headers: { Authorization: srv.key },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${taskId}.zip"`);
    const files = await unzip(Buffer.from(await res.arrayBuffer()));
    const sb1 = JSON.parse(files.get('1_storyboard.json')!.toString()) as {
      shots: Array<{ start: number; keyframe: string }>;
      width: number;
    };
    expect(sb1.shots.length).toBe(landscape.cutTimes.length + 1);
    sb1.shots
      .slice(1)
      .forEach((s, i) => expect(Math.abs(s.start - landscape.cutTimes[i]!)).toBeLessThanOrEqual(0.041));
    for (const s of sb1.shots)
      expect(files.get(s.keyframe)?.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    const sb2 = JSON.parse(files.get('2_storyboard.json')!.toString()) as {
      shots: unknown[];
      width: number;
      height: number;
    };
    expect([sb2.width, sb2.height]).toEqual([180, 320]);
    expect(sb2.shots.length).toBe(2);
    const manifest = JSON.parse(files.get('manifest.json')!.toString()) as {
      stages_run: string[];
      files: string[];
    };
    expect(manifest.stages_run).toContain('shots');
    expect([...files.keys()].sort()).toEqual(manifest.files);

    const account = await api<{ balance: number; ledger: Array<{ reason: string; amount: number }> }>(
      srv.base,
      srv.key,
      'GET',
      '/account',
    );
    expect(account.body.data.ledger.map((e) => e.reason)).toEqual(['download', 'task', 'topup']);
    expect(account.body.data.ledger[1]!.amount).toBe(-2);
  });
});
