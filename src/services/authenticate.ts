/** Resolve the `Authorization` header (bare key as upstream, or `Bearer <key>`) to an account. */
import { AppError } from '../domain/errors.js';
import type { Account } from '../store/ports.js';
import type { ServiceDeps } from './deps.js';
import { hashApiKey } from './ids.js';

export async function authenticate(deps: ServiceDeps, header: string | undefined): Promise<Account> {
  const raw = (header ?? '').trim();
  if (!raw) throw new AppError('UNAUTHORIZED', 'Unauthorized: missing Authorization header');
  const key = raw.replace(/^Bearer\s+/i, '').trim();
  if (key.length < 8 || key.length > 256) throw new AppError('UNAUTHORIZED', 'Unauthorized: invalid API key');
  const found = await deps.store.findAccountByKeyHash(hashApiKey(key));
  if (!found) throw new AppError('UNAUTHORIZED', 'Unauthorized: invalid or revoked API key');
  return found.account;
}
