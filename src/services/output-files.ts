/**
 * The file list of a task's output folder, cached per process. A status poll of a completed
 * task would otherwise walk hundreds to thousands of keyframes every time (bench:api measured the
 * walk as the largest cost of a poll). The cache is keyed by the folder's identity (inode and
 * mtime): outputs are written once into a staging folder that is renamed into place, and a
 * rename swaps in a new folder, so a changed folder is always a different key.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** Relative paths of every file under a directory, sorted (zip order, listings). */
export async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

const MAX_ENTRIES = 500;
const cache = new Map<string, { key: string; files: Promise<string[]> }>();

/** listFiles(root), reusing the last walk while the folder is the same folder. */
export async function outputFiles(root: string): Promise<string[]> {
  const st = await stat(root).catch(() => null);
  if (!st) return [];
  const key = `${st.ino}:${st.mtimeMs}:${st.ctimeMs}`;
  const hit = cache.get(root);
  if (hit && hit.key === key) {
    // Refresh recency: Map iteration order is insertion order, so the oldest entry goes first.
    cache.delete(root);
    cache.set(root, hit);
    return hit.files;
  }
  const files = listFiles(root);
  cache.set(root, { key, files });
  files.catch(() => cache.delete(root));
  while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return files;
}
