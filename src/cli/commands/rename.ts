/** `reelscript rename CID NAME --out DIR | --task ID`: rename a character; exports regenerate. */
import { Command } from 'commander';
import { resolve } from 'node:path';
import { openDeps } from '../../main.js';
import { docsFromResultFolder, reexport, renameInDocs } from '../../pipeline/reexport.js';
import { renameCharacter } from '../../services/rename-character.js';
import { printJson, storeOverrides, withStoreOptions } from '../options.js';

type O = { out?: string; task?: string; data?: string; database?: string };

export function renameCommand(): Command {
  return withStoreOptions(new Command('rename'))
    .description(
      'Rename a character in a result folder (--out) or a task (--task); every export is rewritten',
    )
    .argument('<character-id>', 'character id, e.g. C1')
    .argument('<name>', 'new name')
    .option('--out <dir>', 'a folder written by reelscript extract')
    .option('--task <id>', 'a completed task in the data directory')
    .action(async (id: string, name: string, o: O) => {
      if (Boolean(o.out) === Boolean(o.task)) throw new Error('give exactly one of --out DIR or --task ID');
      if (o.out) {
        const dir = resolve(o.out);
        const docs = await docsFromResultFolder(dir);
        if (!renameInDocs(docs, id, name.trim())) throw new Error(`no character ${id} in ${dir}`);
        printJson({ renamed: id, name: name.trim(), regenerated: (await reexport(docs, dir)).sort() });
        return;
      }
      const deps = await openDeps(storeOverrides(o));
      try {
        const task = await deps.store.getTask(o.task!);
        if (!task) throw new Error(`no task ${o.task!}`);
        printJson(await renameCharacter(deps, task.accountId, task.id, id, name));
      } finally {
        await deps.store.close();
      }
    });
}
