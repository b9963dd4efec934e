/** Generated workbooks re-opened with exceljs: cells, embedded keyframes, sheets, layout. */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeExports } from '../../src/pipeline/export/index.js';
import { tempDir } from '../helpers/tmp.js';
import { exportInput, makeAssets } from './export-fixture.js';

const tmp = tempDir('reelscript-export-xlsx-');
const assets = join(tmp.dir, 'assets');
afterAll(() => tmp.cleanup());

async function open(file: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  return book;
}

function sheetOf(book: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = book.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

const rowValues = (sheet: ExcelJS.Worksheet, n: number): unknown[] =>
  (sheet.getRow(n).values as unknown[]).slice(1);

/** Images of a sheet as {row, col} (0-based) with their decoded size. */
async function images(book: ExcelJS.Workbook, sheet: ExcelJS.Worksheet) {
  return Promise.all(
    sheet.getImages().map(async (img) => {
      const buffer = book.getImage(Number(img.imageId)).buffer as unknown as Buffer;
      const meta = await sharp(buffer).metadata();
      return {
        row: img.range.tl.nativeRow,
        col: img.range.tl.nativeCol,
        format: meta.format,
        width: meta.width,
        height: meta.height,
      };
    }),
  );
}

describe('Chinese task workbooks', () => {
  let out = '';
  beforeAll(async () => {
    const input = exportInput(assets);
    await makeAssets(assets, input);
    out = join(tmp.dir, 'zh');
    await writeExports(input, out);
  });

  it('E.xlsx holds one row per shot under Chinese headers with translated enumerations', async () => {
    const book = await open(join(out, '1.xlsx'));
    expect(book.worksheets.map((w) => w.name)).toEqual(['分镜表']);
    const sheet = sheetOf(book, '分镜表');
    expect(rowValues(sheet, 1)).toEqual([
      '集数',
      '镜号',
      '场次',
      '时间码',
      '时长',
      '画面',
      '景别',
      '运镜',
      '画面内容',
      '人物',
      '台词',
      '字幕',
    ]);
    expect(sheet.rowCount).toBe(6);
    expect(rowValues(sheet, 2)).toEqual([
      '1',
      1,
      1,
      '00:00:00:00–00:00:03:08',
      3.267,
      '',
      '远景',
      '固定',
      '远景：空镜。',
      '',
      '',
      '三年后',
    ]);
    expect(rowValues(sheet, 4)).toEqual([
      '1',
      3,
      1,
      '00:00:06:03–00:00:09:00',
      2.9,
      '',
      '特写',
      '推',
      '特写：沈念、林婉在画面中。',
      '沈念、林婉',
      '沈念：我回来拿回属于我的东西。\n林婉：你说什么？\n我听不懂。',
      '',
    ]);
    // The unattributed line no shot referenced lands in the shot where it starts.
    expect(sheet.getRow(5).getCell(11).value).toBe('（门外有人敲门）\n秘书：林总，董事会已经开始了。');
    expect(sheet.getRow(6).getCell(7).value).toBe('');
    expect(sheet.getRow(2).getCell(5).numFmt).toBe('0.00"秒"');
  });

  it('embeds each keyframe as a thumbnail in its own row, with the row fitted and the header frozen', async () => {
    const book = await open(join(out, '1.xlsx'));
    const sheet = sheetOf(book, '分镜表');
    const pics = await images(book, sheet);
    expect(pics.map((p) => [p.row, p.col])).toEqual([1, 2, 3, 4, 5].map((r) => [r, 5]));
    for (const p of pics) expect(p).toMatchObject({ format: 'jpeg', width: 180, height: 320 });
    for (let r = 2; r <= 6; r++) expect(sheet.getRow(r).height).toBeGreaterThanOrEqual(160 * 0.75);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(6).width! * 7).toBeGreaterThanOrEqual(90);
    expect(sheet.getColumn(11).width).toBeGreaterThan(30);
    expect(sheet.getRow(4).getCell(11).alignment).toMatchObject({ wrapText: true });
  });

  it('uses the storyboard frame rate for timecodes and keeps model descriptions', async () => {
    const sheet = sheetOf(await open(join(out, '2.xlsx')), '分镜表');
    expect(rowValues(sheet, 2).slice(3, 9)).toEqual([
      '00:00:00:00–00:00:02:15',
      2.5,
      '',
      '全景',
      '固定',
      '沈念站在公司楼下，抬头望向大楼。',
    ]);
    expect(rowValues(sheet, 3).slice(6, 8)).toEqual(['大特写', '左摇']);
    expect(sheet.getRow(2).getCell(2).value).toBe(1);
  });

  it('merged.xlsx has a summary, a sheet per episode and the characters with their faces', async () => {
    const book = await open(join(out, 'merged.xlsx'));
    expect(book.worksheets.map((w) => w.name)).toEqual(['汇总', '第1集', '第2集', '人物']);
    expect(sheetOf(book, '第1集').rowCount).toBe(6);
    expect(sheetOf(book, '第2集').rowCount).toBe(3);
    expect((await images(book, sheetOf(book, '第2集'))).map((p) => p.row)).toEqual([1, 2]);

    const cast = sheetOf(book, '人物');
    expect(rowValues(cast, 1)).toEqual(['编号', '姓名', '头像', '出场集数', '出场时长', '镜头数', '台词数']);
    expect(rowValues(cast, 2)).toEqual(['C1', '林婉', '', '1、2', 10.2, 3, 3]);
    // C3 has no face image on disk: its cell names the missing file instead of a picture.
    expect(rowValues(cast, 4)).toEqual(['C3', '秘书', 'characters/C3.jpg', '1', 0, 0, 1]);
    const faces = await images(book, cast);
    expect(faces.map((p) => [p.row, p.col])).toEqual([
      [1, 2],
      [2, 2],
    ]);
    expect(faces[0]).toMatchObject({ format: 'jpeg', width: 160, height: 192 });

    const summary = sheetOf(book, '汇总');
    expect(rowValues(summary, 1)).toEqual(['标题', '重生之豪门千金']);
    expect(rowValues(summary, 2)).toEqual(['任务编号', 'task_0001']);
    expect(rowValues(summary, 7)).toEqual(['集数', '时长', '镜头数', '场景数', '台词数', '出场人物']);
    expect(rowValues(summary, 8)).toEqual(['1', 14.5, 5, 2, 5, 2]);
    expect(rowValues(summary, 10)).toEqual(['合计', 21.5, 7, 2, 7, '']);
  });
});

describe('English task workbooks', () => {
  it('uses English headers, labels and sheet names', async () => {
    const input = exportInput(assets, {
      language: 'en',
      options: { json: false, xlsx: true, mergeXlsx: true },
    });
    for (const c of input.namelist!.characters)
      c.name = { C1: 'Lin Wan', C2: 'Shen Nian', C3: 'Secretary' }[c.id]!;
    const out = join(tmp.dir, 'en');
    await writeExports(input, out);
    const book = await open(join(out, 'merged.xlsx'));
    expect(book.worksheets.map((w) => w.name)).toEqual(['Summary', 'Episode 1', 'Episode 2', 'Characters']);
    const sheet = sheetOf(await open(join(out, '1.xlsx')), 'Storyboard');
    expect(rowValues(sheet, 1)).toEqual([
      'Episode',
      'Shot',
      'Scene',
      'Timecode',
      'Duration',
      'Keyframe',
      'Shot size',
      'Camera movement',
      'Visual description',
      'Characters',
      'Dialogue',
      'On-screen text',
    ]);
    expect(rowValues(sheet, 4).slice(6, 11)).toEqual([
      'Close-up',
      'Zoom in',
      'Close-up: Shen Nian, Lin Wan on screen.',
      'Shen Nian, Lin Wan',
      'Shen Nian: 我回来拿回属于我的东西。\nLin Wan: 你说什么？\n我听不懂。',
    ]);
  });
});
