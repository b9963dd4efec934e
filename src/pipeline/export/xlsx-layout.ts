/**
 * Sheet geometry shared by the workbook writers. Excel measures columns in character widths and
 * rows in points while pictures are placed in pixels and EMUs, so the conversions live here.
 */
import type { Image, Workbook, Worksheet } from 'exceljs';
import type { Thumb } from './thumbs.js';

/** Keyframe thumbnails fit this box; portrait (9:16) dramas come out 90 × 160. */
export const KEYFRAME_BOX = { width: 160, height: 160 };
export const FACE_BOX = { width: 96, height: 96 };

const EMU_PER_PX = 9525;
/** Gap between a picture and its cell's top-left corner. */
const PAD_PX = 4;
/** Excel's row height limit. */
const MAX_ROW_PT = 409;
const LINE_PT = 15;

/** Column width (characters of the default 11-pt font, ~7 px each) that holds `px` plus padding. */
export function widthForPixels(px: number): number {
  return Math.ceil((px + 2 * PAD_PX + 5) / 7);
}

/** Row height in points that fits a picture of `px` pixels and `lines` lines of wrapped text. */
export function rowHeight(px: number, lines: number): number {
  const picture = px > 0 ? (px + 2 * PAD_PX) * 0.75 : 0;
  return Math.min(MAX_ROW_PT, Math.max(picture, lines * LINE_PT + 4, LINE_PT + 5));
}

/** Embeds a thumbnail at the top-left of a cell (0-based column and row), moving with the cell. */
export function placeImage(book: Workbook, sheet: Worksheet, thumb: Thumb, col0: number, row0: number): void {
  // exceljs declares its own Buffer type that Node's Buffer does not structurally match.
  const imageId = book.addImage({ buffer: thumb.buffer as unknown as Image['buffer'], extension: 'jpeg' });
  // exceljs turns fractional cell positions into offsets with a rough width model; native EMU
  // offsets put the padding exactly where it belongs. Its typings only name the {col,row} form.
  const tl = {
    nativeCol: col0,
    nativeColOff: PAD_PX * EMU_PER_PX,
    nativeRow: row0,
    nativeRowOff: PAD_PX * EMU_PER_PX,
  };
  sheet.addImage(imageId, {
    tl: tl as unknown as { col: number; row: number },
    ext: { width: thumb.width, height: thumb.height },
    editAs: 'oneCell',
  });
}

/** The workbook font: LibreOffice substitutes a serif for a bold cell that names no font. */
export const FONT = { name: 'Calibri', size: 11 } as const;
export const BOLD = { ...FONT, bold: true } as const;

/** Printed (or rendered to PDF) a sheet is one page wide, landscape A4, header row on every page. */
export function fitToPageWidth(sheet: Worksheet, repeatHeader: boolean): void {
  sheet.pageSetup = {
    orientation: 'landscape',
    paperSize: 9,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
  };
  if (repeatHeader) sheet.pageSetup.printTitlesRow = '1:1';
}

/** Bold header on a grey band, frozen so it stays visible while scrolling, with a filter. */
export function styleHeader(sheet: Worksheet, columns: number): void {
  const row = sheet.getRow(1);
  row.font = BOLD;
  row.height = 22;
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  for (let c = 1; c <= columns; c++) {
    row.getCell(c).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
    row.getCell(c).border = { bottom: { style: 'thin', color: { argb: 'FF808080' } } };
  }
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: 1 }];
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns } };
  fitToPageWidth(sheet, true);
}

/**
 * A legal sheet name not yet used in the book: at most 31 characters, none of : \ / ? * [ ],
 * unique ignoring case (an episode key may equal "Summary", or two long keys share a prefix).
 */
export function sheetName(book: Workbook, name: string): string {
  const base = name.replace(/[:\\/?*[\]]/g, '_').trim() || 'Sheet';
  const taken = new Set(book.worksheets.map((w) => w.name.toLowerCase()));
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : ` (${n})`;
    const candidate = base.slice(0, 31 - suffix.length) + suffix;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}
