/** Parse a request part with a zod schema; failures become INVALID_* AppErrors naming the field. */
import type { z } from 'zod';
import { AppError } from '../domain/errors.js';
import { zodToAppError } from './error-handler.js';

export function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  if (value === undefined || value === null)
    throw new AppError('INVALID_JSON', 'The request body is empty; a JSON object is required.');
  const r = schema.safeParse(value);
  if (!r.success) throw zodToAppError(r.error);
  return r.data;
}
