/** Turn whatever a stage threw into a stable error code and whether a retry can help. */
import { AppError, toError } from '../domain/errors.js';

export interface Failure {
  code: string;
  message: string;
  retryable: boolean;
}

const STORAGE_ERRNOS = new Set(['ENOSPC', 'EROFS', 'EACCES', 'EPERM', 'EDQUOT']);

export function classifyFailure(raw: unknown): Failure {
  const err = toError(raw);
  if (err instanceof AppError) return { code: err.code, message: err.message, retryable: false };
  const errno = (err as { code?: unknown }).code;
  if (typeof errno === 'string' && STORAGE_ERRNOS.has(errno)) {
    return {
      code: 'STORAGE_UNAVAILABLE',
      message: `storage is full or not writable (${errno}): ${err.message}`,
      retryable: false,
    };
  }
  // Child processes and native modules report a full disk only in their message.
  if (/ENOSPC|No space left on device|Disk quota exceeded|Read-only file system/i.test(err.message)) {
    return {
      code: 'STORAGE_UNAVAILABLE',
      message: `storage is full or not writable: ${err.message.slice(0, 300)}`,
      retryable: false,
    };
  }
  if (err.name === 'ProbeError') return { code: 'MEDIA_UNREADABLE', message: err.message, retryable: false };
  return { code: 'EPISODE_FAILED', message: err.message.slice(0, 500), retryable: true };
}
