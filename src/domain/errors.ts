/**
 * The closed set of error codes: HTTP status, whether a retry can help, and the public message.
 * Every error leaving the service is an AppError with one of these codes; one handler turns it
 * into the upstream envelope (http/error-handler.ts). The compiler checks the table is complete.
 */
export const ERROR_CODES = [
  'INVALID_JSON',
  'INVALID_REQUEST',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'UNAUTHORIZED',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'RATE_LIMITED',
  'ASSET_NOT_FOUND',
  'ASSET_NOT_READY',
  'EMPTY_FILE',
  'NOT_A_VIDEO',
  'MEDIA_UNREADABLE',
  'DURATION_EXCEEDED',
  'INVALID_ASSETS',
  'INVALID_MODE',
  'MODE_NOT_AVAILABLE',
  'INVALID_EPISODES',
  'INVALID_CONFIG',
  'NO_OUTPUT_REQUESTED',
  'INVALID_LANGUAGE',
  'INVALID_CONCURRENCY',
  'ASR_UNAVAILABLE',
  'INSUFFICIENT_BALANCE',
  'IDEMPOTENCY_CONFLICT',
  'TASK_NOT_FOUND',
  'TASK_NOT_CANCELLABLE',
  'TASK_NOT_COMPLETED',
  'NO_RESULT_DATA',
  'FILE_NOT_FOUND',
  'INVALID_PATH',
  'CHARACTER_NOT_FOUND',
  'SIGNED_URL_INVALID',
  'STORAGE_UNAVAILABLE',
  'EPISODE_FAILED',
  'CANCELLED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorSpec {
  readonly status: number;
  readonly retryable: boolean;
  readonly message: string;
}

export const ERROR_TABLE = {
  INVALID_JSON: { status: 400, retryable: false, message: 'The request body is not valid JSON.' },
  INVALID_REQUEST: { status: 400, retryable: false, message: 'Invalid request parameters.' },
  PAYLOAD_TOO_LARGE: { status: 413, retryable: false, message: 'The request body is too large.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, retryable: false, message: 'Unsupported media type.' },
  UNAUTHORIZED: { status: 401, retryable: false, message: 'Unauthorized' },
  NOT_FOUND: { status: 404, retryable: false, message: 'Not found.' },
  METHOD_NOT_ALLOWED: { status: 405, retryable: false, message: 'Method not allowed.' },
  RATE_LIMITED: { status: 429, retryable: true, message: 'Request has exceeded the limit.' },
  ASSET_NOT_FOUND: { status: 400, retryable: false, message: 'Asset not found' },
  ASSET_NOT_READY: { status: 400, retryable: true, message: 'Asset upload has not succeeded.' },
  EMPTY_FILE: { status: 400, retryable: false, message: 'The uploaded file is empty.' },
  NOT_A_VIDEO: { status: 415, retryable: false, message: 'The file has no video stream.' },
  MEDIA_UNREADABLE: { status: 415, retryable: false, message: 'The file is not readable media.' },
  DURATION_EXCEEDED: { status: 400, retryable: false, message: 'Video must be shorter than 5 minutes.' },
  INVALID_ASSETS: { status: 400, retryable: false, message: 'Some assets are invalid.' },
  INVALID_MODE: { status: 400, retryable: false, message: 'Unknown mode.' },
  MODE_NOT_AVAILABLE: { status: 400, retryable: false, message: 'This mode is coming soon.' },
  INVALID_EPISODES: { status: 400, retryable: false, message: 'Invalid episodes.' },
  INVALID_CONFIG: { status: 400, retryable: false, message: 'Invalid config.' },
  NO_OUTPUT_REQUESTED: {
    status: 400,
    retryable: false,
    message: 'At least one of require_json, require_xlsx, or require_merge_xlsx must be true.',
  },
  INVALID_LANGUAGE: { status: 400, retryable: false, message: 'Unsupported language.' },
  INVALID_CONCURRENCY: {
    status: 400,
    retryable: false,
    message: 'concurrency must be an integer from 1 to 100.',
  },
  ASR_UNAVAILABLE: { status: 400, retryable: false, message: 'No speech recognition engine is configured.' },
  INSUFFICIENT_BALANCE: { status: 402, retryable: false, message: 'Insufficient balance.' },
  IDEMPOTENCY_CONFLICT: {
    status: 409,
    retryable: false,
    message: 'Idempotency-Key was already used with a different request body.',
  },
  TASK_NOT_FOUND: { status: 404, retryable: false, message: 'Task not found.' },
  TASK_NOT_CANCELLABLE: { status: 409, retryable: false, message: 'Task cannot be cancelled.' },
  TASK_NOT_COMPLETED: { status: 409, retryable: true, message: 'Task is not completed yet.' },
  NO_RESULT_DATA: { status: 404, retryable: false, message: 'No result data available for this task.' },
  FILE_NOT_FOUND: { status: 404, retryable: false, message: 'File not found.' },
  INVALID_PATH: { status: 400, retryable: false, message: 'Invalid file path.' },
  CHARACTER_NOT_FOUND: { status: 404, retryable: false, message: 'Character not found.' },
  SIGNED_URL_INVALID: { status: 403, retryable: false, message: 'The signed URL is invalid or has expired.' },
  STORAGE_UNAVAILABLE: { status: 507, retryable: true, message: 'Storage is full or not writable.' },
  EPISODE_FAILED: { status: 500, retryable: true, message: 'Episode processing failed.' },
  CANCELLED: { status: 409, retryable: false, message: 'Cancelled.' },
  INTERNAL: { status: 500, retryable: true, message: 'Internal server error.' },
} as const satisfies Record<ErrorCode, ErrorSpec>;

/** The one error type of the service. `details` become `data` fields in the envelope. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;
  constructor(
    code: ErrorCode,
    message?: string,
    details?: Record<string, unknown>,
    options?: { cause?: unknown },
  ) {
    super(message ?? ERROR_TABLE[code].message, options);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
  get status(): number {
    return ERROR_TABLE[this.code].status;
  }
}

/** Normalise anything thrown into an Error (STYLE §8: every catch normalises unknown values). */
export function toError(value: unknown): Error {
  if (value instanceof Error) return value;
  return new Error(typeof value === 'string' ? value : JSON.stringify(value));
}

export function isAbortError(value: unknown): boolean {
  return (
    value instanceof Error &&
    (value.name === 'AbortError' || (value as { code?: unknown }).code === 'ABORT_ERR')
  );
}
