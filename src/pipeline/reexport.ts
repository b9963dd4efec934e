/**
 * Regenerate every export of a finished result from its documents (no video decoding): used by
 * character renames. The new result is built in a sibling folder from hard links of the old one
 * and swapped in with renames, so readers never see a half-written folder.
 */
import { link, mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Manifest, Namelist, Storyboard, Transcript } from '../domain/documents.js';
import { writeJsonAtomic } from './checkpoint.js';
import { writeExports } from './export/index.js';
import type { SeriesDocs } from './run-series.js';

async function linkTree(src: string, dst: string): Promise<void> {
  await mkdir(dst, { recursive: true });
  for (const e of await readdir(src, { withFileTypes: true })) {
    if (e.isDirectory()) await linkTree(join(src, e.name), join(dst, e.name));
    else if (e.isFile()) await link(join(src, e.name), join(dst, e.name));
  }
}

/** Rewrite the exports of `outDir` from `docs`; returns the files written. */
export async function reexport(docs: SeriesDocs, outDir: string): Promise<string[]> {
  const staging = `${outDir}.reexport`;
  const old = `${outDir}.old`;
  await rm(staging, { recursive: true, force: true });
  await rm(old, { recursive: true, force: true });
  await linkTree(outDir, staging);
  const exportNames = new Set(
    docs.episodes.flatMap((e) => [
      `${e.episode}.xlsx`,
      `${e.episode}.fountain`,
      `${e.episode}.srt`,
      `${e.episode}.vtt`,
      `${e.episode}_storyboard.json`,
      `${e.episode}_transcript.json`,
    ]),
  );
  for (const name of [...exportNames, 'namelist.json', 'merged.xlsx', 'screenplay.fountain']) {
    // Unlink first: the staged copies are hard links to the live files.
    await rm(join(staging, name), { force: true });
  }
  const written = await writeExports({ ...docs, assetRoot: staging }, staging);
  await rename(outDir, old);
  await rename(staging, outDir);
  await rm(old, { recursive: true, force: true });
  return written;
}

/** Rebuild the documents of a local result folder (from its JSON files) for `reelscript rename`. */
export async function docsFromResultFolder(dir: string): Promise<SeriesDocs> {
  const read = async <T>(name: string): Promise<T | null> => {
    try {
      return JSON.parse(await readFile(join(dir, name), 'utf8')) as T;
    } catch {
      return null;
    }
  };
  const manifest = await read<Manifest>('manifest.json');
  if (!manifest) throw new Error(`${dir} holds no reelscript result (manifest.json missing)`);
  const episodes: SeriesDocs['episodes'] = [];
  for (const e of manifest.episodes) {
    const storyboard = await read<Storyboard>(`${e.episode}_storyboard.json`);
    if (!storyboard)
      throw new Error(
        `${dir} has no ${e.episode}_storyboard.json: renames need the JSON documents (do not use --no-json)`,
      );
    episodes.push({
      episode: e.episode,
      storyboard,
      transcript: await read<Transcript>(`${e.episode}_transcript.json`),
    });
  }
  const c = manifest.config;
  return {
    taskId: manifest.task_id,
    language: typeof c.language === 'string' ? c.language : 'en',
    title:
      manifest.task_id ??
      manifest.episodes[0]?.source
        .split('/')
        .pop()
        ?.replace(/\.[^.]+$/, '') ??
      'Screenplay',
    options: {
      json: c.require_json !== false,
      xlsx: c.require_xlsx === true,
      mergeXlsx: c.require_merge_xlsx === true,
    },
    episodes,
    namelist: await read<Namelist>('namelist.json'),
  };
}

/** Apply a rename to the documents; false when the character does not exist. */
export function renameInDocs(docs: SeriesDocs, id: string, name: string): boolean {
  const c = docs.namelist?.characters.find((x) => x.id === id);
  if (!c) return false;
  c.name = name;
  return true;
}

export async function saveDocs(file: string, docs: SeriesDocs): Promise<void> {
  await writeJsonAtomic(file, docs);
}
