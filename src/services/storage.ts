/** Where files live under the data directory (one place, so paths never drift). */
import { join, resolve, sep } from 'node:path';
import type { Config } from '../config/index.js';

export function assetDir(c: Config, assetId: string): string {
  return join(c.assetsDir, assetId);
}

export function assetFile(c: Config, assetId: string, extension: string): string {
  return join(assetDir(c, assetId), `original${extension ? `.${extension}` : ''}`);
}

export function taskOutDir(c: Config, taskId: string): string {
  return join(c.tasksDir, taskId, 'out');
}

export function taskWorkDir(c: Config, taskId: string): string {
  return join(c.tasksDir, taskId, 'work');
}

export function episodeWorkDir(c: Config, taskId: string, episode: string): string {
  return join(taskWorkDir(c, taskId), episode);
}

/**
 * Resolve a client-supplied relative path inside `root`; null when it escapes (.., absolute,
 * NUL, backslashes) so traversal can never reach outside a task's output.
 */
export function safeJoin(root: string, relative: string): string | null {
  if (relative.length === 0 || relative.length > 512 || relative.includes('\0') || relative.includes('\\'))
    return null;
  if (relative.startsWith('/') || relative.split('/').some((p) => p === '..' || p === '.' || p === ''))
    return null;
  const full = resolve(root, relative);
  const base = resolve(root);
  return full.startsWith(base + sep) ? full : null;
}
