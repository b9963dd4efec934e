/** The upstream envelope: `{code, msg, data, success, failed}`, with HTTP status = code. */
import { ERROR_TABLE, type AppError } from '../domain/errors.js';

export interface Envelope<T> {
  code: number;
  msg: string;
  data: T;
  success: boolean;
  failed: boolean;
}

export function ok<T>(data: T): Envelope<T> {
  return { code: 200, msg: 'success', data, success: true, failed: false };
}

export function errorEnvelope(err: AppError): Envelope<Record<string, unknown>> {
  const status = ERROR_TABLE[err.code].status;
  return {
    code: status,
    msg: err.message,
    data: { error_code: err.code, ...(err.details ?? {}) },
    success: false,
    failed: true,
  };
}
