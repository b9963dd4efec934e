/** Per-request helpers shared by routes: the authenticated account. */
import type { FastifyRequest } from 'fastify';
import type { Account } from '../store/ports.js';
import { authenticate } from '../services/authenticate.js';
import type { ServiceDeps } from '../services/deps.js';

export async function accountOf(deps: ServiceDeps, req: FastifyRequest): Promise<Account> {
  const header: unknown = req.headers.authorization;
  const account = await authenticate(deps, typeof header === 'string' ? header : undefined);
  deps.limiter?.take(account.id);
  return account;
}
