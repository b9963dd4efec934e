/** The Characters and Summary sheets of `merged.xlsx`. */
import type { Workbook } from 'exceljs';
import type { Namelist } from '../../domain/documents.js';
import { WORDS, type Lang } from './labels.js';
import type { EpisodeStats } from './rows.js';
import type { ThumbCache } from './thumbs.js';
import {
  BOLD,
  FACE_BOX,
  fitToPageWidth,
  placeImage,
  rowHeight,
  sheetName,
  styleHeader,
  widthForPixels,
} from './xlsx-layout.js';

const CHARACTER_HEADERS: Record<Lang, string[]> = {
  zh: ['编号', '姓名', '头像', '出场集数', '出场时长', '镜头数', '台词数'],
  en: ['ID', 'Name', 'Face', 'Episodes', 'Screen time', 'Shots', 'Lines'],
};

export async function addCharactersSheet(
  book: Workbook,
  namelist: Namelist,
  lang: Lang,
  thumbs: ThumbCache,
): Promise<void> {
  const sheet = book.addWorksheet(sheetName(book, WORDS[lang].charactersSheet));
  const widths = [8, 18, widthForPixels(FACE_BOX.width), 18, 12, 10, 10];
  sheet.columns = CHARACTER_HEADERS[lang].map((h, i) => ({ header: h, width: widths[i] ?? 10 }));
  styleHeader(sheet, widths.length);
  const sep = WORDS[lang].listSep;
  for (const c of namelist.characters) {
    const face = c.image ? await thumbs.get(c.image, FACE_BOX) : null;
    const row = sheet.addRow([
      c.id,
      c.name,
      face ? '' : (c.image ?? ''),
      c.episodes.join(sep),
      c.screen_time,
      c.shots,
      c.lines,
    ]);
    row.height = rowHeight(face?.height ?? 0, 1);
    row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    row.getCell(5).numFmt = lang === 'zh' ? '0.0"秒"' : '0.0"s"';
    if (face) placeImage(book, sheet, face, 2, row.number - 1);
  }
}

const SUMMARY: Record<Lang, { fields: string[]; table: string[]; total: string }> = {
  zh: {
    fields: ['标题', '任务编号', '语言', '总集数', '人物数'],
    table: ['集数', '时长', '镜头数', '场景数', '台词数', '出场人物'],
    total: '合计',
  },
  en: {
    fields: ['Title', 'Task ID', 'Language', 'Episode count', 'Characters'],
    table: ['Episode', 'Duration', 'Shots', 'Scenes', 'Lines', 'Characters on screen'],
    total: 'Total',
  },
};

export interface SummaryInput {
  title: string;
  taskId: string | null;
  language: string;
  characters: number | null;
  episodes: EpisodeStats[];
}

export function addSummarySheet(book: Workbook, input: SummaryInput, lang: Lang): void {
  const words = SUMMARY[lang];
  const sheet = book.addWorksheet(sheetName(book, WORDS[lang].summarySheet));
  sheet.columns = words.table.map((_, i) => ({ width: i === 0 ? 14 : 16 }));
  const facts = [
    input.title,
    input.taskId ?? '',
    input.language,
    input.episodes.length,
    input.characters ?? '',
  ];
  for (const [i, field] of words.fields.entries()) {
    const row = sheet.addRow([field, facts[i] ?? '']);
    row.getCell(1).font = BOLD;
    row.getCell(2).alignment = { horizontal: 'left' };
  }
  sheet.addRow([]);
  const head = sheet.addRow(words.table);
  head.font = BOLD;
  head.alignment = { horizontal: 'center' };
  const sum = (f: (e: EpisodeStats) => number): number => input.episodes.reduce((n, e) => n + f(e), 0);
  const rows = input.episodes.map((e) => [e.episode, e.duration, e.shots, e.scenes, e.lines, e.characters]);
  const total = [
    words.total,
    sum((e) => e.duration),
    sum((e) => e.shots),
    sum((e) => e.scenes),
    sum((e) => e.lines),
    '',
  ];
  for (const values of [...rows, total]) {
    const row = sheet.addRow(values);
    row.alignment = { horizontal: 'center' };
    row.getCell(2).numFmt = lang === 'zh' ? '0.0"秒"' : '0.0"s"';
  }
  sheet.lastRow?.eachCell((cell) => (cell.font = BOLD));
  fitToPageWidth(sheet, false);
}
