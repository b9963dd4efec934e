/** DELETE /screenplay/tasks/{id} — cancel. */
import type { FastifyInstance } from 'fastify';
import { cancelTask } from '../../../services/cancel-task.js';
import type { ServiceDeps } from '../../../services/deps.js';
import { accountOf } from '../../context.js';
import { ok } from '../../envelope.js';

export function cancelTaskRoute(app: FastifyInstance, deps: ServiceDeps): void {
  app.delete<{ Params: { taskId: string } }>('/screenplay/tasks/:taskId', async (req, reply) => {
    const account = await accountOf(deps, req);
    return reply.send(ok(await cancelTask(deps, account.id, req.params.taskId)));
  });
}
