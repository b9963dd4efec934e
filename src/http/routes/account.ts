/** GET /account — balance and recent ledger of the caller. */
import type { FastifyInstance } from 'fastify';
import { accountSummary } from '../../services/accounts.js';
import type { ServiceDeps } from '../../services/deps.js';
import { accountOf } from '../context.js';
import { ok } from '../envelope.js';

export function accountRoute(app: FastifyInstance, deps: ServiceDeps): void {
  app.get('/account', async (req, reply) => {
    const account = await accountOf(deps, req);
    return reply.send(ok(await accountSummary(deps, account.id)));
  });
}
