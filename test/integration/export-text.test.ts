/**
 * Fountain read back with fountain-js and compared with the storyboard; SRT round-tripped through
 * srt-parser-2; which files appear for which documents; a rename regenerates every export.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { Fountain } from 'fountain-js';
import SrtParser from 'srt-parser-2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Namelist, Transcript } from '../../src/domain/documents.js';
import { writeExports, type ExportInput } from '../../src/pipeline/export/index.js';
import { tempDir } from '../helpers/tmp.js';
import { exportInput, makeAssets } from './export-fixture.js';

const tmp = tempDir('reelscript-export-text-');
const assets = join(tmp.dir, 'assets');
afterAll(() => tmp.cleanup());

const read = (dir: string, rel: string): Promise<string> => readFile(join(dir, rel), 'utf8');
const tokens = (text: string) => new Fountain().parse(text, true).tokens;

/** (cue, text line) pairs in the order a reader meets them. */
function spoken(text: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  let cue = '';
  for (const t of tokens(text)) {
    if (t.type === 'character') cue = t.text ?? '';
    if (t.type === 'dialogue') for (const l of (t.text ?? '').split('\n')) out.push([cue, l]);
  }
  return out;
}

/** The same pairs built independently from the transcript and the namelist. */
function expectedSpoken(
  transcript: Transcript,
  namelist: Namelist,
  unknown: string,
): Array<[string, string]> {
  const names = new Map(namelist.characters.map((c) => [c.id, c.name]));
  return [...transcript.lines]
    .sort((a, b) => a.start - b.start)
    .flatMap((l) =>
      l.text
        .split('\n')
        .map((t): [string, string] => [l.speaker ? (names.get(l.speaker) ?? l.speaker) : unknown, t]),
    );
}

describe('screenplays and subtitles of a Chinese task', () => {
  let input: ExportInput;
  let out = '';
  let files: string[] = [];
  beforeAll(async () => {
    input = exportInput(assets);
    await makeAssets(assets, input);
    out = join(tmp.dir, 'zh');
    files = await writeExports(input, out);
  });

  it('writes the zip-root files of DESIGN §4 and nothing else', () => {
    expect([...files].sort()).toEqual(
      [
        '1_storyboard.json',
        '1_transcript.json',
        '1.xlsx',
        '1.fountain',
        '1.srt',
        '1.vtt',
        '2_storyboard.json',
        '2_transcript.json',
        '2.xlsx',
        '2.fountain',
        '2.srt',
        '2.vtt',
        'namelist.json',
        'merged.xlsx',
        'screenplay.fountain',
      ].sort(),
    );
  });

  it('E.fountain reads back with its title, scenes, transitions and every line under its speaker', async () => {
    const text = await read(out, '1.fountain');
    const parsed = new Fountain().parse(text, true);
    expect(parsed.title).toBe('重生之豪门千金 第1集');
    const headings = parsed.tokens.filter((t) => t.type === 'scene_heading');
    const scenes = input.episodes[0]!.storyboard.scenes;
    expect(headings.map((h) => h.scene_number)).toEqual(scenes.map((s) => String(s.index)));
    expect(headings.map((h) => h.text)).toEqual(['场景1 · 地点L1 · 林婉、沈念', '场景2 · 地点L2 · 沈念']);
    expect(parsed.tokens.filter((t) => t.type === 'transition').map((t) => t.text)).toEqual([
      '淡入：',
      '切至：',
      '叠化：',
    ]);
    const actions = parsed.tokens.filter((t) => t.type === 'action').map((t) => t.text);
    expect(actions).toHaveLength(input.episodes[0]!.storyboard.shots.length);
    expect(actions[0]).toBe('远景：空镜。\n画面字幕：三年后');
    expect(spoken(text)).toEqual(expectedSpoken(input.episodes[0]!.transcript!, input.namelist!, '未知'));
  });

  it('screenplay.fountain holds every episode in order with model descriptions as action', async () => {
    const text = await read(out, 'screenplay.fountain');
    const all = tokens(text);
    expect(all.filter((t) => t.type === 'section').map((t) => t.text)).toEqual(['第1集', '第2集']);
    expect(all.filter((t) => t.type === 'page_break')).toHaveLength(1);
    expect(all.filter((t) => t.type === 'scene_heading').map((t) => t.scene_number ?? null)).toEqual([
      '1-1',
      '1-2',
      null,
    ]);
    expect(all.filter((t) => t.type === 'scene_heading')[2]?.text).toBe('第2集 · 沈念、林婉');
    expect(all.some((t) => t.type === 'action' && t.text === '沈念站在公司楼下，抬头望向大楼。')).toBe(true);
    const unknown = '未知';
    expect(spoken(text)).toEqual([
      ...expectedSpoken(input.episodes[0]!.transcript!, input.namelist!, unknown),
      ...expectedSpoken(input.episodes[1]!.transcript!, input.namelist!, unknown),
    ]);
  });

  it('E.srt round-trips through an SRT parser with speaker names; E.vtt carries voices', async () => {
    const cues = new SrtParser().fromSrt(await read(out, '1.srt'));
    const lines = input.episodes[0]!.transcript!.lines;
    expect(cues.map((c) => c.id)).toEqual(['1', '2', '3', '4', '5']);
    expect(cues.map((c) => [c.startSeconds, c.endSeconds])).toEqual(lines.map((l) => [l.start, l.end]));
    expect(cues.map((c) => c.text)).toEqual([
      '林婉：你终于回来了。',
      '沈念：我回来拿回属于我的东西。',
      '林婉：你说什么？\n我听不懂。',
      '（门外有人敲门）',
      '秘书：林总，董事会已经开始了。',
    ]);
    const vtt = await read(out, '1.vtt');
    expect(vtt.startsWith('WEBVTT\n\n')).toBe(true);
    expect(vtt.match(/^\d\d:\d\d:\d\d\.\d{3} --> \d\d:\d\d:\d\d\.\d{3}$/gm)).toHaveLength(5);
    expect(vtt).toContain('00:00:10.000 --> 00:00:11.500\n<v 秘书>林总，董事会已经开始了。\n');
  });
});

describe('which files a task gets', () => {
  it('writes no file for a document that does not exist', async () => {
    const input = exportInput(assets, {
      namelist: null,
      options: { json: true, xlsx: false, mergeXlsx: false },
    });
    input.episodes[0]!.transcript = null;
    input.episodes[1]!.transcript!.lines = [];
    const out = join(tmp.dir, 'sparse');
    const files = await writeExports(input, out);
    expect([...files].sort()).toEqual(
      [
        '1_storyboard.json',
        '1.fountain',
        '2_storyboard.json',
        '2_transcript.json',
        '2.fountain',
        'screenplay.fountain',
      ].sort(),
    );
    // Without a namelist, speakers and characters appear under their ids.
    expect(await read(out, '1.fountain')).toContain('.场景1 · 地点L1 · C1、C2 #1#');
  });

  it('refuses episode keys that are not plain file names', async () => {
    const input = exportInput(assets);
    input.episodes[1]!.episode = '../x';
    await expect(writeExports(input, join(tmp.dir, 'bad'))).rejects.toMatchObject({
      code: 'INVALID_EPISODES',
    });
  });
});

describe('renaming a character', () => {
  it('regenerates every export with the new name from the same documents', async () => {
    const input = exportInput(assets);
    const out = join(tmp.dir, 'rename');
    await writeExports(input, out);
    expect(await read(out, '1.srt')).toContain('林婉：');
    input.namelist!.characters.find((c) => c.id === 'C1')!.name = '林晚晴';
    const files = await writeExports(input, out);
    for (const rel of files.filter((f) => /\.(fountain|srt|vtt|json)$/.test(f) && !f.includes('_'))) {
      const text = await read(out, rel);
      expect(text, rel).not.toMatch(/林婉(?!晴)/);
    }
    expect(await read(out, 'screenplay.fountain')).toContain('@林晚晴\n你终于回来了。');
    expect(await read(out, '1.vtt')).toContain('<v 林晚晴>你终于回来了。');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(out, 'merged.xlsx'));
    expect(book.getWorksheet('人物')?.getRow(2).getCell(2).value).toBe('林晚晴');
    expect(book.getWorksheet('第1集')?.getRow(3).getCell(10).value).toBe('林晚晴');
  });
});
