/** The 分镜表 sheet: one row per shot with its keyframe in the picture column. */
import type { Workbook } from 'exceljs';
import { header, STORYBOARD_COLUMNS, type Lang, type StoryboardColumn } from './labels.js';
import { wrappedLines, type StoryboardRow } from './rows.js';
import type { ThumbCache } from './thumbs.js';
import {
  FONT,
  KEYFRAME_BOX,
  placeImage,
  rowHeight,
  sheetName,
  styleHeader,
  widthForPixels,
} from './xlsx-layout.js';

/** Column widths in characters; Chinese labels are shorter than English ones. */
const WIDTHS: Record<Lang, Record<Exclude<StoryboardColumn, 'keyframe'>, number>> = {
  zh: {
    episode: 6,
    shot: 6,
    scene: 6,
    timecode: 25,
    duration: 8,
    shot_size: 8,
    camera_movement: 8,
    description: 36,
    characters: 16,
    dialogue: 44,
    onscreen_text: 24,
  },
  en: {
    episode: 9,
    shot: 6,
    scene: 7,
    timecode: 25,
    duration: 10,
    shot_size: 16,
    camera_movement: 16,
    description: 40,
    characters: 20,
    dialogue: 48,
    onscreen_text: 28,
  },
};

const CENTERED: ReadonlySet<StoryboardColumn> = new Set(['episode', 'shot', 'scene', 'duration', 'keyframe']);

export async function addStoryboardSheet(
  book: Workbook,
  name: string,
  rows: StoryboardRow[],
  lang: Lang,
  thumbs: ThumbCache,
): Promise<void> {
  const sheet = book.addWorksheet(sheetName(book, name));
  const pictures = await Promise.all(rows.map((r) => thumbs.get(r.keyframe, KEYFRAME_BOX)));
  const pictureWidth = Math.max(60, ...pictures.map((p) => p?.width ?? 0));
  const widths = { ...WIDTHS[lang], keyframe: widthForPixels(pictureWidth) };
  sheet.columns = STORYBOARD_COLUMNS.map((key) => ({ header: header(lang, key), key, width: widths[key] }));
  styleHeader(sheet, STORYBOARD_COLUMNS.length);
  const keyframeCol = STORYBOARD_COLUMNS.indexOf('keyframe');
  for (const [i, row] of rows.entries()) {
    const picture = pictures[i] ?? null;
    const values = { ...row.cells, keyframe: picture ? '' : row.keyframe };
    const added = sheet.addRow(values);
    const lines = Math.max(
      ...STORYBOARD_COLUMNS.map((key) => wrappedLines(String(values[key]), widths[key])),
    );
    added.height = rowHeight(picture?.height ?? 0, lines);
    for (const [c, key] of STORYBOARD_COLUMNS.entries()) {
      const cell = added.getCell(c + 1);
      cell.alignment = { vertical: 'top', horizontal: CENTERED.has(key) ? 'center' : 'left', wrapText: true };
      cell.border = { bottom: { style: 'hair', color: { argb: 'FFBFBFBF' } } };
    }
    added.getCell('duration').numFmt = lang === 'zh' ? '0.00"秒"' : '0.00"s"';
    // Descriptions written from facts, not seen by a model, are greyed so readers can tell.
    if (row.generatedDescription)
      added.getCell('description').font = { ...FONT, color: { argb: 'FF7F7F7F' } };
    if (picture) placeImage(book, sheet, picture, keyframeCol, added.number - 1);
  }
}
