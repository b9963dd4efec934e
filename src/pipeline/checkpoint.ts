/**
 * Stage checkpoints (STYLE §7): a stage's result is stored as JSON in the episode's work dir,
 * named with the stage version; a retried episode skips stages whose checkpoint exists.
 * Writes go to a temporary file and are renamed, so a crash never leaves a half checkpoint.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export function checkpointPath(workDir: string, stage: string, version: number): string {
  return join(workDir, `${stage}.v${version}.json`);
}

export async function readCheckpoint<T>(workDir: string, stage: string, version: number): Promise<T | null> {
  try {
    return JSON.parse(await readFile(checkpointPath(workDir, stage, version), 'utf8')) as T;
  } catch {
    return null;
  }
}

export async function writeJsonAtomic(path: string, value: unknown): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(value));
  await rename(tmp, path);
}

/** Run `fn` unless its checkpoint exists; returns the result and whether it was reused. */
export async function withCheckpoint<T>(
  workDir: string,
  stage: string,
  version: number,
  fn: () => Promise<T>,
): Promise<{ value: T; reused: boolean; seconds: number }> {
  const prior = await readCheckpoint<{ value: T; seconds: number }>(workDir, stage, version);
  if (prior) return { value: prior.value, reused: true, seconds: prior.seconds };
  await mkdir(workDir, { recursive: true });
  const t0 = performance.now();
  const value = await fn();
  const seconds = Math.round((performance.now() - t0) / 10) / 100;
  await writeJsonAtomic(checkpointPath(workDir, stage, version), { value, seconds });
  return { value, reused: false, seconds };
}
