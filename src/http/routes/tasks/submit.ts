/** POST /screenplay/tasks — validate, charge, enqueue. Honours Idempotency-Key. */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../../domain/errors.js';
import type { ServiceDeps } from '../../../services/deps.js';
import { submitTask } from '../../../services/submit-task.js';
import { submitTaskSchema } from '../../../services/submit-task.schema.js';
import { accountOf } from '../../context.js';
import { ok } from '../../envelope.js';
import { parse } from '../../validate.js';

export function submitTaskRoute(app: FastifyInstance, deps: ServiceDeps): void {
  app.post('/screenplay/tasks', async (req, reply) => {
    const account = await accountOf(deps, req);
    const body = parse(submitTaskSchema, req.body);
    const rawKey = req.headers['idempotency-key'];
    const key = Array.isArray(rawKey) ? rawKey[0] : rawKey;
    if (key !== undefined && (key.length < 1 || key.length > 200))
      throw new AppError('INVALID_REQUEST', 'Idempotency-Key must be 1 to 200 characters');
    const { task, replayed } = await submitTask(deps, account.id, body, key ?? null);
    if (replayed) void reply.header('Idempotent-Replayed', 'true');
    return reply.send(
      ok({
        task_id: task.id,
        status: task.status,
        mode: task.mode,
        created_at: new Date(task.createdAt).toISOString(),
        total_duration_seconds: task.totalDurationSeconds,
        cost: task.costMicro / 1e6,
        warnings: task.warnings,
      }),
    );
  });
}
