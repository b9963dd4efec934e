/**
 * Download: only completed tasks; charged per GB of original file sizes before streaming; the zip
 * is produced by streaming files from disk (yazl), never held whole in memory.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import yazl from 'yazl';
import { AppError } from '../domain/errors.js';
import { downloadCostMicro } from '../domain/pricing.js';
import type { ServiceDeps } from './deps.js';
import { safeJoin, taskOutDir } from './storage.js';
import { listFiles } from './output-files.js';
import { requireTask } from './task-view.js';

export async function openTaskZip(
  deps: ServiceDeps,
  accountId: string,
  taskId: string,
): Promise<{ filename: string; stream: Readable }> {
  const task = await requireTask(deps, accountId, taskId);
  if (task.status !== 'completed') {
    throw new AppError('TASK_NOT_COMPLETED', `Task is not completed yet, current status: ${task.status}`, {
      status: task.status,
    });
  }
  const root = taskOutDir(deps.config, taskId);
  const files = await listFiles(root);
  if (files.length === 0) throw new AppError('NO_RESULT_DATA', 'No downloadable files found for this task.');
  const sizes = await Promise.all(files.map(async (f) => (await stat(join(root, f))).size));
  const total = sizes.reduce((a, b) => a + b, 0);
  const cost = downloadCostMicro(total);
  if (cost > 0) {
    const charged = await deps.store.appendLedger(
      accountId,
      -cost,
      'download',
      taskId,
      `download ${total} bytes`,
    );
    if (!charged.ok)
      throw new AppError(
        'INSUFFICIENT_BALANCE',
        'Insufficient balance to download the resource. Please recharge and try again.',
      );
  }
  const zip = new yazl.ZipFile();
  for (const f of files)
    zip.addReadStream(createReadStream(join(root, f)), f, {
      compress: !/\.(jpg|jpeg|png|xlsx|zip)$/i.test(f),
    });
  zip.end();
  return { filename: `${taskId}.zip`, stream: zip.outputStream as Readable };
}

export async function openTaskFile(deps: ServiceDeps, accountId: string, taskId: string, path: string) {
  await requireTask(deps, accountId, taskId);
  const full = safeJoin(taskOutDir(deps.config, taskId), path);
  if (!full) throw new AppError('INVALID_PATH', `Invalid file path: ${path}`);
  const st = await stat(full).catch(() => null);
  if (!st?.isFile()) throw new AppError('FILE_NOT_FOUND', `File not found: ${path}`);
  return { path: full, size: st.size, stream: createReadStream(full) };
}
