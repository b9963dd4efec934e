/**
 * Every JSON document checked against the committed schemas: the export stage's own output, the
 * output of a real task (probe + shot stage + series step on a generated clip), and broken
 * documents that must be refused.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storyboard } from '../../src/domain/documents.js';
import { DEFAULT_TASK_CONFIG } from '../../src/domain/task-config.js';
import { writeExports } from '../../src/pipeline/export/index.js';
import { validateDocument, type DocumentKind } from '../../src/pipeline/export/schemas.js';
import { runEpisode } from '../../src/pipeline/run-episode.js';
import { runSeries } from '../../src/pipeline/run-series.js';
import { makeVideo } from '../fixtures/make-video.js';
import { tempDir } from '../helpers/tmp.js';
import { episodeOne, exportInput, makeAssets, namelist } from './export-fixture.js';

const tmp = tempDir('reelscript-export-schemas-');
afterAll(() => tmp.cleanup());

const readJson = async (file: string): Promise<unknown> =>
  JSON.parse(await readFile(file, 'utf8')) as unknown;

function expectValid(kind: DocumentKind, value: unknown): void {
  expect(validateDocument(kind, value).errors).toEqual([]);
}

describe('documents written by the export stage', () => {
  it('validate against their schemas', async () => {
    const input = exportInput(join(tmp.dir, 'assets'));
    await makeAssets(input.assetRoot, input);
    const out = join(tmp.dir, 'zh');
    const files = await writeExports(input, out);
    const kinds: Array<[RegExp, DocumentKind]> = [
      [/_storyboard\.json$/, 'storyboard'],
      [/_transcript\.json$/, 'transcript'],
      [/^namelist\.json$/, 'namelist'],
    ];
    let checked = 0;
    for (const rel of files.filter((f) => f.endsWith('.json'))) {
      const kind = kinds.find(([re]) => re.test(rel))?.[1];
      expect(kind, rel).toBeDefined();
      expectValid(kind!, await readJson(join(out, rel)));
      checked++;
    }
    expect(checked).toBe(5);
  });
});

describe('documents of a real task', () => {
  let out = '';
  beforeAll(async () => {
    const made = await makeVideo({
      path: join(tmp.dir, 'ep.mp4'),
      width: 320,
      height: 180,
      segments: [1.2, 1.5, 1.0],
      audio: 'none',
    });
    const signal = new AbortController().signal;
    const config = { ...DEFAULT_TASK_CONFIG, require_xlsx: true };
    const result = await runEpisode({
      episode: '1',
      file: made.path,
      workDir: join(tmp.dir, 'work'),
      config,
      signal,
    });
    out = join(tmp.dir, 'task');
    await runSeries({
      taskId: 't1',
      config,
      episodes: [{ result, source: 'ep.mp4', file: made.path }],
      cast: [],
      outDir: out,
      signal,
      warnings: [],
      version: '0.0.0-test',
    });
  });

  it('has a manifest and storyboard that match the schemas', async () => {
    expectValid('manifest', await readJson(join(out, 'manifest.json')));
    expectValid('storyboard', await readJson(join(out, '1_storyboard.json')));
  });

  it('exports from its storyboard and keyframes, one embedded picture per detected shot', async () => {
    const storyboard = (await readJson(join(out, '1_storyboard.json'))) as Storyboard;
    expect(storyboard.shots.length).toBe(3);
    const exports = join(tmp.dir, 'task-exports');
    const input = { taskId: 't1', language: 'zh-CN', title: '', namelist: null, assetRoot: out };
    await writeExports(
      {
        ...input,
        episodes: [{ episode: '1', storyboard, transcript: null }],
        options: { json: false, xlsx: true, mergeXlsx: false },
      },
      exports,
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(exports, '1.xlsx'));
    const sheet = book.getWorksheet('分镜表')!;
    expect(sheet.getImages().map((i) => i.range.tl.nativeRow)).toEqual([1, 2, 3]);
    // 320×180 keyframes fit the 160-pixel box as 160×90, so rows need no more than a line or two.
    expect(sheet.getRow(2).height).toBeCloseTo((90 + 8) * 0.75, 0);
  });
});

describe('broken documents', () => {
  const board = (): Storyboard => episodeOne().storyboard;
  const cases: Array<[string, DocumentKind, () => unknown, RegExp]> = [
    [
      'a wrong schema version',
      'storyboard',
      () => ({ ...board(), schema: 'reelscript.storyboard/2' }),
      /^\/schema /,
    ],
    [
      'an unknown shot size',
      'storyboard',
      () => {
        const b = board();
        (b.shots[0] as { shot_size: string }).shot_size = 'huge';
        return b;
      },
      /^\/shots\/0\/shot_size /,
    ],
    [
      'a negative time',
      'storyboard',
      () => {
        const b = board();
        b.shots[1]!.start = -0.5;
        return b;
      },
      /^\/shots\/1\/start /,
    ],
    [
      'a missing field',
      'storyboard',
      () => {
        const b: Partial<Storyboard> = board();
        delete b.fps;
        return b;
      },
      /must have required property 'fps'/,
    ],
    [
      'a bad keyframe path',
      'storyboard',
      () => {
        const b = board();
        b.shots[0]!.keyframe = '/etc/passwd';
        return b;
      },
      /keyframe/,
    ],
    [
      'an unknown line source',
      'transcript',
      () => ({
        ...episodeOne().transcript,
        lines: [{ ...episodeOne().transcript.lines[0], source: 'guess' }],
      }),
      /source/,
    ],
    [
      'a confidence above one',
      'transcript',
      () => ({
        ...episodeOne().transcript,
        lines: [{ ...episodeOne().transcript.lines[0], confidence: 1.5 }],
      }),
      /confidence/,
    ],
    [
      'a fractional line count',
      'namelist',
      () => {
        const n = namelist();
        n.characters[0]!.lines = 2.5;
        return n;
      },
      /lines/,
    ],
    [
      'a manifest without files',
      'manifest',
      () => ({ schema: 'reelscript.manifest/1' }),
      /required property 'files'/,
    ],
  ];
  it.each(cases)('refuses %s', (_name, kind, make, message) => {
    const { valid, errors } = validateDocument(kind, make());
    expect(valid).toBe(false);
    expect(errors.join('\n')).toMatch(message);
  });

  it('accepts the same documents unbroken', () => {
    expectValid('storyboard', board());
    expectValid('transcript', episodeOne().transcript);
    expectValid('namelist', namelist());
  });
});
