/** Signed-URL uploads: POST /upload/signed-url issues a URL; POST/PUT on it uploads without a key. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Readable, Transform, pipeline } from 'node:stream';
import { z } from 'zod';
import { AppError } from '../../../domain/errors.js';
import { createPendingAsset, receiveUpload } from '../../../services/assets.js';
import type { ServiceDeps } from '../../../services/deps.js';
import { signUpload, verifyUpload } from '../../../services/signed-url.js';
import { accountOf } from '../../context.js';
import { ok } from '../../envelope.js';
import { parse } from '../../validate.js';

export const signedUrlSchema = z.strictObject({ original_filename: z.string().min(1).max(255) });

function baseUrl(deps: ServiceDeps, req: FastifyRequest): string {
  return (
    deps.config.publicUrl ??
    `${req.protocol}://${req.headers.host ?? `${deps.config.host}:${deps.config.port}`}`
  );
}

export function signedUploadRoutes(app: FastifyInstance, deps: ServiceDeps, prefix: string): void {
  app.post('/upload/signed-url', async (req, reply) => {
    const account = await accountOf(deps, req);
    const body = parse(signedUrlSchema, req.body);
    const asset = await createPendingAsset(deps, account.id, body.original_filename);
    const { expires, sig } = signUpload(deps, asset.id);
    const signed_url = `${baseUrl(deps, req)}${prefix}/upload/signed/${asset.id}?expires=${expires}&sig=${sig}`;
    return reply.send(ok({ asset_id: asset.id, signed_url, expires_in: deps.config.signedUrlTtlSeconds }));
  });

  const receive = async (
    req: FastifyRequest<{ Params: { assetId: string }; Querystring: { expires?: string; sig?: string } }>,
  ) => {
    const asset = await deps.store.getAssetById(req.params.assetId);
    if (!asset || !verifyUpload(deps, asset.id, req.query.expires, req.query.sig))
      throw new AppError('SIGNED_URL_INVALID');
    if (asset.uploadStatus !== 'WAITING')
      throw new AppError('SIGNED_URL_INVALID', 'This signed URL was already used.');
    if (req.isMultipart()) {
      const part = await req.file({ limits: { fileSize: deps.config.maxUploadBytes, files: 1 } });
      if (!part) throw new AppError('INVALID_REQUEST', 'The multipart body has no part named "file".');
      return receiveUpload(deps, asset.accountId, {
        filename: asset.originalFilename,
        stream: part.file,
        isTruncated: () => part.file.truncated,
        existing: asset,
      });
    }
    // The catch-all content-type parser hands the unread request stream over as the body;
    // a counting transform enforces the size limit without buffering.
    const body = req.body;
    if (!(body instanceof Readable)) throw new AppError('INVALID_REQUEST', 'The request has no body.');
    const limit = deps.config.maxUploadBytes;
    if (Number(req.headers['content-length'] ?? 0) > limit) {
      throw new AppError('PAYLOAD_TOO_LARGE', `the file exceeds the upload limit of ${limit} bytes`);
    }
    let seen = 0;
    let over = false;
    // pipeline (not .pipe) so a client that disconnects mid-body destroys the counter with the
    // error, and receiveUpload fails the asset instead of waiting forever on a stream that never ends.
    const counted = pipeline(
      body,
      new Transform({
        transform(chunk: Buffer, _enc, next) {
          seen += chunk.length;
          // Past the limit the rest is drained and dropped, so the client still gets our 413.
          if (seen > limit) over = true;
          next(null, over ? undefined : chunk);
        },
      }),
      // The error reaches receiveUpload through `counted` itself; nothing else to do here.
      () => undefined,
    );
    return receiveUpload(deps, asset.accountId, {
      filename: asset.originalFilename,
      stream: counted,
      isTruncated: () => over,
      existing: asset,
    });
  };
  app.post('/upload/signed/:assetId', async (req, reply) => {
    const asset = await receive(
      req as FastifyRequest<{ Params: { assetId: string }; Querystring: { expires?: string; sig?: string } }>,
    );
    return reply.send(ok({ asset_id: asset.id, upload_status: asset.uploadStatus }));
  });
  app.put('/upload/signed/:assetId', async (req, reply) => {
    const asset = await receive(
      req as FastifyRequest<{ Params: { assetId: string }; Querystring: { expires?: string; sig?: string } }>,
    );
    return reply.send(ok({ asset_id: asset.id, upload_status: asset.uploadStatus }));
  });
}
