/** Task reads: status, list, one output file, the zip. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServiceDeps } from '../../../services/deps.js';
import { openTaskFile, openTaskZip } from '../../../services/download-task.js';
import { listTasks } from '../../../services/list-tasks.js';
import { requireTask, taskView } from '../../../services/task-view.js';
import { accountOf } from '../../context.js';
import { ok } from '../../envelope.js';
import { parse } from '../../validate.js';

type P = { Params: { taskId: string } };

export const listTasksQuerySchema = z.strictObject({
  status: z.string().optional(),
  cursor: z.string().optional(),
  limit: z.coerce.number().optional(),
});

const CONTENT_TYPES: Record<string, string> = {
  json: 'application/json; charset=utf-8',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  fountain: 'text/plain; charset=utf-8',
  srt: 'application/x-subrip; charset=utf-8',
  vtt: 'text/vtt; charset=utf-8',
};

export function readTaskRoutes(app: FastifyInstance, deps: ServiceDeps): void {
  app.get('/screenplay/tasks', async (req, reply) => {
    const account = await accountOf(deps, req);
    const q = parse(listTasksQuerySchema, req.query ?? {});
    return reply.send(ok(await listTasks(deps, account.id, q)));
  });

  app.get<P>('/screenplay/tasks/:taskId', async (req, reply) => {
    const account = await accountOf(deps, req);
    return reply.send(ok(await taskView(deps, await requireTask(deps, account.id, req.params.taskId))));
  });

  app.get<P>('/screenplay/tasks/:taskId/download', async (req, reply) => {
    const account = await accountOf(deps, req);
    const zip = await openTaskZip(deps, account.id, req.params.taskId);
    return reply
      .header('Content-Type', 'application/zip')
      .header('Content-Disposition', `attachment; filename="${zip.filename}"`)
      .send(zip.stream);
  });

  app.get<{ Params: { taskId: string; '*': string } }>(
    '/screenplay/tasks/:taskId/files/*',
    async (req, reply) => {
      const account = await accountOf(deps, req);
      const file = await openTaskFile(deps, account.id, req.params.taskId, req.params['*']);
      const ext = file.path.split('.').pop()?.toLowerCase() ?? '';
      return reply
        .header('Content-Type', CONTENT_TYPES[ext] ?? 'application/octet-stream')
        .header('Content-Length', String(file.size))
        .header('Cache-Control', 'private, max-age=60')
        .send(file.stream);
    },
  );
}
