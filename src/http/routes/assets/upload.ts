/** POST /upload — multipart `file`, streamed to disk, probed; answers the asset id. */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../../domain/errors.js';
import { receiveUpload } from '../../../services/assets.js';
import type { ServiceDeps } from '../../../services/deps.js';
import { accountOf } from '../../context.js';
import { ok } from '../../envelope.js';

export function uploadRoute(app: FastifyInstance, deps: ServiceDeps): void {
  app.post('/upload', async (req, reply) => {
    const account = await accountOf(deps, req);
    if (!req.isMultipart())
      throw new AppError(
        'UNSUPPORTED_MEDIA_TYPE',
        'Uploads must be multipart/form-data with a part named "file".',
      );
    const part = await req.file({ limits: { fileSize: deps.config.maxUploadBytes, files: 1, fields: 10 } });
    if (!part) throw new AppError('INVALID_REQUEST', 'The multipart body has no part named "file".');
    if (part.fieldname !== 'file')
      throw new AppError(
        'INVALID_REQUEST',
        `Unexpected multipart part "${part.fieldname}"; the file goes in a part named "file".`,
      );
    const asset = await receiveUpload(deps, account.id, {
      filename: part.filename || 'upload',
      stream: part.file,
      isTruncated: () => part.file.truncated,
    });
    return reply.send(
      ok({
        asset_id: asset.id,
        upload_status: asset.uploadStatus,
        kind: asset.kind,
        duration_seconds: asset.durationSeconds,
      }),
    );
  });
}
