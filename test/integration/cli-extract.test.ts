import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { buildProgram } from '../../src/cli/main.js';
import { listFiles } from '../../src/services/output-files.js';
import { makeVideo, type MadeVideo } from '../fixtures/make-video.js';
import { runCli } from '../helpers/cli.js';
import { api, startTestServer, uploadFile, waitForTask, type TestServer } from '../helpers/server.js';
import { tempDir } from '../helpers/tmp.js';
import { unzip } from '../helpers/zip.js';

const tmp = tempDir();
let a: MadeVideo;
let b: MadeVideo;
let srv: TestServer;

beforeAll(async () => {
  [a, b, srv] = await Promise.all([
    makeVideo({ path: join(tmp.dir, 'a.mp4'), segments: [1, 1.2, 0.8], audio: 'tone' }),
    makeVideo({ path: join(tmp.dir, 'b.mp4'), segments: [2], sourceOffset: 3 }),
    startTestServer(),
  ]);
});
afterAll(async () => {
  await srv.close();
  tmp.cleanup();
});

describe('reelscript extract', () => {
  it('writes the same files as the task zip, episodes keyed by argument order', async () => {
    const out = join(tmp.dir, 'out');
    const r = await runCli(['extract', a.path, b.path, '--out', out, '--language', 'en']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^wrote \d+ files to /);
    const local = await listFiles(out);
    const sb1 = JSON.parse(readFileSync(join(out, '1_storyboard.json'), 'utf8')) as { shots: unknown[] };
    const sb2 = JSON.parse(readFileSync(join(out, '2_storyboard.json'), 'utf8')) as { shots: unknown[] };
    expect([sb1.shots.length, sb2.shots.length]).toEqual([3, 1]);

    const ua = (await uploadFile(srv.base, srv.key, a.path)).body.data.asset_id;
    const ub = (await uploadFile(srv.base, srv.key, b.path)).body.data.asset_id;
    const sub = await api(srv.base, srv.key, 'POST', '/screenplay/tasks', {
      mode: 'short_drama',
      episodes: { '1': ua, '2': ub },
      config: { language: 'en' },
    });
    const id = String(sub.body.data.task_id);
    expect((await waitForTask(srv.base, srv.key, id)).status).toBe('completed');
    const res = await fetch(`${srv.base}/screenplay/tasks/${id}/download`, {
      headers: { Authorization: srv.key },
    });
    const zip = await unzip(Buffer.from(await res.arrayBuffer()));
    expect([...zip.keys()].sort()).toEqual(local);
  });

  it('fails with a one-line reason and a non-zero exit code', async () => {
    const text = join(tmp.dir, 'x.mp4');
    writeFileSync(text, 'not video');
    const bad = await runCli(['extract', text, '--out', join(tmp.dir, 'o2')]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('x.mp4');
    const missing = await runCli(['extract', join(tmp.dir, 'nope.mp4'), '--out', join(tmp.dir, 'o3')]);
    expect([missing.code, missing.stderr.trim()]).toEqual([
      1,
      `reelscript: ${join(tmp.dir, 'nope.mp4')}: no such file`,
    ]);
    const busy = join(tmp.dir, 'busy');
    mkdirSync(busy);
    writeFileSync(join(busy, 'keep.txt'), 'mine');
    const refused = await runCli(['extract', a.path, '--out', busy]);
    expect(refused.code).toBe(1);
    expect(readFileSync(join(busy, 'keep.txt'), 'utf8')).toBe('mine');
    const lang = await runCli([
      'extract',
      a.path,
      '--out',
      join(tmp.dir, 'o4'),
      '--language',
      'xx-YY-ZZ1234567',
    ]);
    expect(lang.code).toBe(1);
  });

  it('has --help on every command', async () => {
    const r = await runCli(['extract', '--help']);
    expect([r.code, r.stdout.split('\n')[0]]).toEqual([0, 'Usage: reelscript extract [options] <files...>']);
    const walk = (cmd: Command, path: string[]): string[][] => [
      path,
      ...cmd.commands.flatMap((c) => walk(c, [...path, c.name()])),
    ];
    const all = walk(buildProgram(), []);
    expect(all.length).toBeGreaterThanOrEqual(13);
    for (const path of all) {
      const cmd = path.reduce<Command>(
        (c, name) => c.commands.find((x) => x.name() === name)!,
        buildProgram(),
      );
      expect(cmd.helpInformation(), path.join(' ')).toContain(
        `Usage: reelscript${path.length ? ` ${path.join(' ')}` : ''}`,
      );
      expect(cmd.description().length, path.join(' ')).toBeGreaterThan(5);
    }
  });
});
