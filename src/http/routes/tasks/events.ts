/**
 * GET /screenplay/tasks/{id}/events — Server-Sent Events with the task status object whenever it
 * changes (per-episode state and stage), until the task is terminal. Reads the store, so it works
 * whichever process runs the workers.
 */
import type { FastifyInstance } from 'fastify';
import { isTerminalTask } from '../../../domain/task-state.js';
import { TASK_EVENTS, type ServiceDeps } from '../../../services/deps.js';
import { requireTask, taskView } from '../../../services/task-view.js';
import { accountOf } from '../../context.js';

export function taskEventsRoute(app: FastifyInstance, deps: ServiceDeps): void {
  app.get<{ Params: { taskId: string } }>('/screenplay/tasks/:taskId/events', async (req, reply) => {
    const account = await accountOf(deps, req);
    const taskId = req.params.taskId;
    await requireTask(deps, account.id, taskId);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    let last = '';
    let closed = false;
    let timer: NodeJS.Timeout | undefined;
    const push = async (): Promise<void> => {
      if (closed) return;
      try {
        const task = await requireTask(deps, account.id, taskId);
        const view = await taskView(deps, task);
        const text = JSON.stringify(view);
        if (text !== last) {
          last = text;
          res.write(`event: status\ndata: ${text}\n\n`);
        }
        if (isTerminalTask(task.status)) return finish();
      } catch {
        return finish();
      }
      timer = setTimeout(() => void push(), 500);
    };
    const onChange = (id: string): void => {
      if (id !== taskId) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void push(), 20);
    };
    const finish = (): void => {
      if (closed) return;
      closed = true;
      if (timer) clearTimeout(timer);
      deps.events.off(TASK_EVENTS.changed, onChange);
      res.write('event: end\ndata: {}\n\n');
      res.end();
    };
    deps.events.on(TASK_EVENTS.changed, onChange);
    req.raw.on('close', () => {
      closed = true;
      if (timer) clearTimeout(timer);
      deps.events.off(TASK_EVENTS.changed, onChange);
    });
    const keepAlive = setInterval(
      () => (closed ? clearInterval(keepAlive) : res.write(': keep-alive\n\n')),
      15_000,
    );
    keepAlive.unref();
    await push();
  });
}
