/**
 * Rename a character of a completed task: update the stored documents and regenerate every
 * export without decoding video. Renames of one task are serialised in this process.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../domain/errors.js';
import { reexport, renameInDocs, saveDocs } from '../pipeline/reexport.js';
import type { SeriesDocs } from '../pipeline/run-series.js';
import type { ServiceDeps } from './deps.js';
import { taskOutDir, taskWorkDir } from './storage.js';
import { requireTask } from './task-view.js';

const locks = new Map<string, Promise<unknown>>();

export async function renameCharacter(
  deps: ServiceDeps,
  accountId: string,
  taskId: string,
  characterId: string,
  rawName: string,
) {
  const task = await requireTask(deps, accountId, taskId);
  if (task.status !== 'completed')
    throw new AppError('TASK_NOT_COMPLETED', `Task is not completed yet, current status: ${task.status}`);
  const name = rawName.trim();
  if (name.length === 0 || name.length > 100 || /[\r\n\t]/.test(name)) {
    throw new AppError('INVALID_REQUEST', 'name must be 1 to 100 characters on one line', { field: 'name' });
  }
  const prior = locks.get(taskId) ?? Promise.resolve();
  const run = prior
    .catch(() => undefined)
    .then(async () => {
      const docsFile = join(taskWorkDir(deps.config, taskId), 'docs.json');
      let docs: SeriesDocs;
      try {
        docs = JSON.parse(await readFile(docsFile, 'utf8')) as SeriesDocs;
      } catch {
        throw new AppError('NO_RESULT_DATA', 'No result data available for this task.');
      }
      if (!renameInDocs(docs, characterId, name))
        throw new AppError('CHARACTER_NOT_FOUND', `Character not found: ${characterId}`);
      await saveDocs(docsFile, docs);
      const files = await reexport(docs, taskOutDir(deps.config, taskId));
      const character = docs.namelist!.characters.find((c) => c.id === characterId)!;
      return { task_id: taskId, character, regenerated: files.sort() };
    });
  locks.set(taskId, run);
  try {
    return await run;
  } finally {
    if (locks.get(taskId) === run) locks.delete(taskId);
  }
}
