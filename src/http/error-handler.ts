/** The one place errors become HTTP responses (STYLE §8). */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { AppError, toError } from '../domain/errors.js';
import { errorEnvelope } from './envelope.js';

const FASTIFY_CODES: Record<string, () => AppError> = {
  FST_ERR_CTP_BODY_TOO_LARGE: () => new AppError('PAYLOAD_TOO_LARGE'),
  FST_REQ_FILE_TOO_LARGE: () => new AppError('PAYLOAD_TOO_LARGE', 'The uploaded file is too large.'),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: () =>
    new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      'Unsupported Content-Type: send application/json (or multipart/form-data for uploads).',
    ),
  FST_INVALID_MULTIPART_CONTENT_TYPE: () =>
    new AppError('UNSUPPORTED_MEDIA_TYPE', 'Uploads must be multipart/form-data with a part named "file".'),
  FST_ERR_CTP_EMPTY_JSON_BODY: () =>
    new AppError('INVALID_JSON', 'The request body is empty; a JSON object is required.'),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () =>
    new AppError('INVALID_REQUEST', 'Content-Length does not match the body.'),
  FST_PARTS_LIMIT: () => new AppError('INVALID_REQUEST', 'Too many multipart parts.'),
  FST_FILES_LIMIT: () => new AppError('INVALID_REQUEST', 'Upload one file per request.'),
};

export function normaliseError(raw: unknown): AppError {
  if (raw instanceof AppError) return raw;
  if (raw instanceof ZodError) return zodToAppError(raw);
  const err = toError(raw) as FastifyError;
  const mapped = err.code ? FASTIFY_CODES[err.code] : undefined;
  if (mapped) return mapped();
  if (err instanceof SyntaxError || err.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return new AppError('INVALID_JSON', `The request body is not valid JSON: ${err.message}`);
  }
  if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
    return new AppError('INVALID_REQUEST', err.message);
  }
  return new AppError('INTERNAL', undefined, undefined, { cause: err });
}

export function zodToAppError(e: ZodError): AppError {
  const issue = e.issues[0];
  if (!issue) return new AppError('INVALID_REQUEST');
  const path = issue.path.map(String).join('.');
  let message: string;
  if (issue.code === 'unrecognized_keys') {
    message = `Unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.map((k) => (path ? `${path}.${k}` : k)).join(', ')}`;
  } else if (issue.code === 'invalid_type') {
    message = `${path || 'body'}: expected ${issue.expected}`;
  } else {
    message = `${path || 'body'}: ${issue.message}`;
  }
  const code = path.startsWith('config')
    ? 'INVALID_CONFIG'
    : path.startsWith('episodes')
      ? 'INVALID_EPISODES'
      : 'INVALID_REQUEST';
  return new AppError(code, `Invalid request parameters: ${message}`, { field: path || null });
}

export function handleError(raw: unknown, req: FastifyRequest, reply: FastifyReply): void {
  const err = normaliseError(raw);
  if (err.code === 'INTERNAL') req.log.error({ err: err.cause ?? raw }, 'unhandled error');
  const retryAfter = err.details?.retry_after_seconds;
  if (typeof retryAfter === 'number') void reply.header('Retry-After', String(retryAfter));
  void reply.status(err.status).type('application/json; charset=utf-8').send(errorEnvelope(err));
}
