/** GET /{asset_id}/metadata, GET /{asset_id}/download, DELETE /{asset_id}. */
import { createReadStream } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../../domain/errors.js';
import { downloadCostMicro } from '../../../domain/pricing.js';
import { assetMetadataView, deleteAsset, requireAsset } from '../../../services/assets.js';
import type { ServiceDeps } from '../../../services/deps.js';
import { accountOf } from '../../context.js';
import { ok } from '../../envelope.js';

type P = { Params: { assetId: string } };

export function assetRoutes(app: FastifyInstance, deps: ServiceDeps): void {
  app.get<P>('/:assetId/metadata', async (req, reply) => {
    const account = await accountOf(deps, req);
    return reply.send(ok(assetMetadataView(await requireAsset(deps, account.id, req.params.assetId))));
  });

  app.get<P>('/:assetId/download', async (req, reply) => {
    const account = await accountOf(deps, req);
    const asset = await requireAsset(deps, account.id, req.params.assetId);
    if (asset.uploadStatus !== 'SUCCESS' && asset.uploadStatus !== 'FAILED')
      throw new AppError('ASSET_NOT_READY');
    const cost = downloadCostMicro(asset.fileSize);
    if (cost > 0) {
      const r = await deps.store.appendLedger(account.id, -cost, 'download', null, `asset ${asset.id}`);
      if (!r.ok)
        throw new AppError(
          'INSUFFICIENT_BALANCE',
          'Insufficient balance to download the resource. Please recharge and try again.',
        );
    }
    const name = encodeURIComponent(asset.originalFilename);
    return reply
      .header('Content-Type', 'application/octet-stream')
      .header('Content-Length', String(asset.fileSize))
      .header('Content-Disposition', `attachment; filename*=UTF-8''${name}`)
      .send(createReadStream(asset.path));
  });

  app.delete<P>('/:assetId', async (req, reply) => {
    const account = await accountOf(deps, req);
    await deleteAsset(deps, account.id, req.params.assetId);
    return reply.send(ok(null));
  });
}
