import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { rowHeight, sheetName, widthForPixels } from './xlsx-layout.js';

describe('sheetName', () => {
  it('makes legal, unique names whatever the episode keys are', () => {
    const book = new ExcelJS.Workbook();
    const add = (name: string): string => book.addWorksheet(sheetName(book, name)).name;
    expect(add('Summary')).toBe('Summary');
    expect(add('summary')).toBe('summary (2)');
    expect(add('a/b:c?[d]*')).toBe('a_b_c__d__');
    const long = 'x'.repeat(40);
    expect(add(long)).toBe('x'.repeat(31));
    expect(add(long)).toBe(`${'x'.repeat(27)} (2)`);
    expect(add('  ')).toBe('Sheet');
  });
});

describe('geometry', () => {
  it('fits pictures and wrapped text, within Excel limits', () => {
    expect(rowHeight(160, 1)).toBe(126);
    expect(rowHeight(0, 3)).toBe(49);
    expect(rowHeight(0, 0)).toBe(20);
    expect(rowHeight(2000, 1)).toBe(409);
    expect(widthForPixels(90) * 7).toBeGreaterThanOrEqual(90 + 8);
  });
});
