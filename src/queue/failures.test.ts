import { describe, expect, it } from 'vitest';
import { AppError } from '../domain/errors.js';
import { classifyFailure } from './failures.js';

describe('classifyFailure', () => {
  it('maps storage errors by errno or message to a final STORAGE_UNAVAILABLE', () => {
    const errno = Object.assign(new Error('write failed'), { code: 'ENOSPC' });
    expect(classifyFailure(errno)).toMatchObject({ code: 'STORAGE_UNAVAILABLE', retryable: false });
    expect(classifyFailure(new Error('ffmpeg exited with 1: No space left on device'))).toMatchObject({
      code: 'STORAGE_UNAVAILABLE',
      retryable: false,
    });
  });
  it('keeps AppError codes, makes unreadable media final, and retries the rest', () => {
    expect(classifyFailure(new AppError('ASSET_NOT_FOUND'))).toMatchObject({
      code: 'ASSET_NOT_FOUND',
      retryable: false,
    });
    expect(classifyFailure(Object.assign(new Error('bad'), { name: 'ProbeError' }))).toMatchObject({
      code: 'MEDIA_UNREADABLE',
      retryable: false,
    });
    expect(classifyFailure('weird')).toMatchObject({ code: 'EPISODE_FAILED', retryable: true });
  });
});
