/** PATCH /screenplay/tasks/{id}/characters/{cid} — rename; exports regenerate. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServiceDeps } from '../../../services/deps.js';
import { renameCharacter } from '../../../services/rename-character.js';
import { accountOf } from '../../context.js';
import { ok } from '../../envelope.js';
import { parse } from '../../validate.js';

export const renameCharacterSchema = z.strictObject({ name: z.string().min(1).max(100) });

export function renameCharacterRoute(app: FastifyInstance, deps: ServiceDeps): void {
  app.patch<{ Params: { taskId: string; characterId: string } }>(
    '/screenplay/tasks/:taskId/characters/:characterId',
    async (req, reply) => {
      const account = await accountOf(deps, req);
      const body = parse(renameCharacterSchema, req.body);
      return reply.send(
        ok(await renameCharacter(deps, account.id, req.params.taskId, req.params.characterId, body.name)),
      );
    },
  );
}
