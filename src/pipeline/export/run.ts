/**
 * I/O shell of the export stage: builds each file with the pure writers and puts it at the zip
 * root layout of DESIGN §4. A document that does not exist gets no file (no placeholders).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { AppError } from '../../domain/errors.js';
import { namesOf } from './dialogue.js';
import { episodeFountain, screenplayFountain, type EpisodeDocs } from './fountain.js';
import type { ExportInput } from './index.js';
import { langOf, WORDS, type Lang } from './labels.js';
import { episodeStats, storyboardRows } from './rows.js';
import { hasCues, toSrt, toVtt } from './subtitles.js';
import { ThumbCache } from './thumbs.js';
import { addCharactersSheet, addSummarySheet } from './xlsx-merged.js';
import { addStoryboardSheet } from './xlsx-storyboard.js';

/** Episode keys become file names: refuse anything that could leave the output folder. */
function checkEpisodeKeys(episodes: EpisodeDocs[]): void {
  const seen = new Set<string>();
  for (const { episode } of episodes) {
    if (!episode || /[/\\\0]/.test(episode) || episode === '.' || episode === '..' || seen.has(episode)) {
      throw new AppError(
        'INVALID_EPISODES',
        `Episode key "${episode}" is empty, repeated or not a file name.`,
      );
    }
    seen.add(episode);
  }
}

function newBook(title: string): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  book.creator = 'reelscript';
  book.title = title;
  return book;
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

export async function writeExports(input: ExportInput, outDir: string): Promise<string[]> {
  checkEpisodeKeys(input.episodes);
  await mkdir(outDir, { recursive: true });
  const lang: Lang = langOf(input.language);
  const names = namesOf(input.namelist);
  const thumbs = new ThumbCache(input.assetRoot);
  const written: string[] = [];
  const put = async (rel: string, data: string | Buffer | ArrayBuffer): Promise<void> => {
    await writeFile(join(outDir, rel), data instanceof ArrayBuffer ? Buffer.from(data) : data);
    written.push(rel);
  };
  const { options } = input;
  for (const doc of input.episodes) {
    const e = doc.episode;
    if (options.json) {
      await put(`${e}_storyboard.json`, json(doc.storyboard));
      if (doc.transcript) await put(`${e}_transcript.json`, json(doc.transcript));
    }
    if (options.xlsx) {
      const book = newBook(`${input.title} ${WORDS[lang].episode(e)}`.trim());
      await addStoryboardSheet(
        book,
        WORDS[lang].storyboardSheet,
        storyboardRows(doc, names, lang),
        lang,
        thumbs,
      );
      await put(`${e}.xlsx`, await book.xlsx.writeBuffer());
    }
    await put(`${e}.fountain`, episodeFountain(doc, names, lang, input.title));
    if (hasCues(doc.transcript)) {
      await put(`${e}.srt`, toSrt(doc.transcript, names, lang));
      await put(`${e}.vtt`, toVtt(doc.transcript, names));
    }
  }
  if (options.json && input.namelist) await put('namelist.json', json(input.namelist));
  if (options.mergeXlsx && input.episodes.length > 0) {
    const book = newBook(input.title);
    addSummarySheet(
      book,
      {
        title: input.title,
        taskId: input.taskId,
        language: input.language,
        characters: input.namelist?.characters.length ?? null,
        episodes: input.episodes.map(episodeStats),
      },
      lang,
    );
    for (const doc of input.episodes) {
      const rows = storyboardRows(doc, names, lang);
      await addStoryboardSheet(book, WORDS[lang].episode(doc.episode), rows, lang, thumbs);
    }
    if (input.namelist) await addCharactersSheet(book, input.namelist, lang, thumbs);
    await put('merged.xlsx', await book.xlsx.writeBuffer());
  }
  if (input.episodes.length > 0)
    await put('screenplay.fountain', screenplayFountain(input.episodes, names, lang, input.title));
  return written;
}
