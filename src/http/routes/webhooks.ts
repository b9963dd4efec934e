/** GET/PUT /webhooks and GET /webhooks/deliveries. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServiceDeps } from '../../services/deps.js';
import { getWebhook, listDeliveries, setWebhook } from '../../services/webhooks/configure.js';
import { accountOf } from '../context.js';
import { ok } from '../envelope.js';
import { parse } from '../validate.js';

export const putWebhookSchema = z.strictObject({
  url: z.string().min(1).max(2000),
  secret: z.string().min(16).max(200).optional(),
});

export function webhookRoutes(app: FastifyInstance, deps: ServiceDeps): void {
  app.put('/webhooks', async (req, reply) => {
    const account = await accountOf(deps, req);
    return reply.send(ok(await setWebhook(deps, account.id, parse(putWebhookSchema, req.body))));
  });
  app.get('/webhooks', async (req, reply) => {
    const account = await accountOf(deps, req);
    return reply.send(ok(await getWebhook(deps, account.id)));
  });
  app.get('/webhooks/deliveries', async (req, reply) => {
    const account = await accountOf(deps, req);
    return reply.send(ok(await listDeliveries(deps, account.id)));
  });
}
