import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Namelist, Storyboard } from '../../src/domain/documents.js';
import { makeFaceClip, writePortrait } from '../fixtures/faces.js';
import { api, startTestServer, uploadFile, waitForTask, type TestServer } from '../helpers/server.js';
import { tempDir } from '../helpers/tmp.js';
import { unzip } from '../helpers/zip.js';

const tmp = tempDir();
let srv: TestServer;
let clip: string;
let photo: string;

beforeAll(async () => {
  [srv, clip, photo] = await Promise.all([
    startTestServer(),
    makeFaceClip({
      path: join(tmp.dir, 'faces.mp4'),
      shots: [
        { duration: 2, background: '0x304050', faces: [{ who: 'man', x: 220, y: 60, size: 200 }] },
        { duration: 2, background: '0x503020', faces: [{ who: 'woman_a', x: 200, y: 70, size: 190 }] },
        { duration: 2, background: '0x304050', faces: [{ who: 'man', x: 240, y: 50, size: 210 }] },
      ],
    }).then((c) => c.path),
    writePortrait(join(tmp.dir, 'ref'), 'man').then((p) => p.closed),
  ]);
});
afterAll(async () => {
  await srv.close();
  tmp.cleanup();
});

async function download(taskId: string): Promise<Map<string, Buffer>> {
  const res = await fetch(`${srv.base}/screenplay/tasks/${taskId}/download`, {
    headers: { Authorization: srv.key },
  });
  expect(res.status).toBe(200);
  return unzip(Buffer.from(await res.arrayBuffer()));
}

describe('characters through the API', () => {
  it('names a cluster from a reference photo, lists characters per shot, and renames with regenerated exports', async () => {
    const video = (await uploadFile(srv.base, srv.key, clip)).body.data.asset_id;
    const ref = await uploadFile(srv.base, srv.key, photo, 'man.png');
    expect(ref.body.data).toMatchObject({ upload_status: 'SUCCESS', kind: 'image' });
    const sub = await api(srv.base, srv.key, 'POST', '/screenplay/tasks', {
      mode: 'short_drama',
      episodes: { '1': video },
      config: {
        language: 'en',
        require_merge_xlsx: true,
        characters: [{ name: 'Walter', images: [ref.body.data.asset_id] }],
      },
    });
    expect(sub.status).toBe(200);
    const id = String(sub.body.data.task_id);
    const early = await api(srv.base, srv.key, 'PATCH', `/screenplay/tasks/${id}/characters/C1`, {
      name: 'x',
    });
    expect(early.status === 409 || early.status === 200).toBe(true);
    expect((await waitForTask(srv.base, srv.key, id)).status).toBe('completed');

    const files = await download(id);
    const namelist = JSON.parse(files.get('namelist.json')!.toString()) as Namelist;
    const walter = namelist.characters.find((c) => c.name === 'Walter');
    expect(walter, JSON.stringify(namelist)).toBeDefined();
    expect(walter!.shots).toBe(2);
    expect(files.get(walter!.image!)?.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    const other = namelist.characters.find((c) => c.id !== walter!.id);
    expect(other?.name).toMatch(/^Character \d+$/);
    const sb = JSON.parse(files.get('1_storyboard.json')!.toString()) as Storyboard;
    expect(sb.shots.map((s) => s.characters.map((c) => c.id))).toEqual([
      [walter!.id],
      [other!.id],
      [walter!.id],
    ]);
    expect(sb.shots.every((s) => s.shot_size !== null)).toBe(true);

    const bad = await api(srv.base, srv.key, 'PATCH', `/screenplay/tasks/${id}/characters/C99`, {
      name: 'Nobody',
    });
    expect([bad.status, (bad.body.data as { error_code: string }).error_code]).toEqual([
      404,
      'CHARACTER_NOT_FOUND',
    ]);
    const empty = await api(srv.base, srv.key, 'PATCH', `/screenplay/tasks/${id}/characters/${other!.id}`, {
      name: ' \n ',
    });
    expect(empty.status).toBe(400);

    const renamed = await api<{ character: { name: string }; regenerated: string[] }>(
      srv.base,
      srv.key,
      'PATCH',
      `/screenplay/tasks/${id}/characters/${other!.id}`,
      { name: '林婉' },
    );
    expect(renamed.status).toBe(200);
    expect(renamed.body.data.character.name).toBe('林婉');
    expect(renamed.body.data.regenerated).toEqual(
      expect.arrayContaining(['namelist.json', 'screenplay.fountain', 'merged.xlsx']),
    );
    const after = await download(id);
    expect(
      (JSON.parse(after.get('namelist.json')!.toString()) as Namelist).characters.find(
        (c) => c.id === other!.id,
      )?.name,
    ).toBe('林婉');
    expect(after.get('screenplay.fountain')!.toString()).toContain('林婉');
    expect([...after.keys()].sort()).toEqual([...files.keys()].sort());
    // Keyframes are untouched by a rename.
    expect(after.get('keyframes/1/0001.jpg')).toEqual(files.get('keyframes/1/0001.jpg'));
  });
});
