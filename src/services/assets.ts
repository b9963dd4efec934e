/** Asset use cases: receive an upload stream, probe it, describe, download, delete. */
import { createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError, type ErrorCode } from '../domain/errors.js';
import { ProbeError, checkDecodesToEnd, probeMedia } from '../pipeline/probe/run.js';
import type { Asset } from '../store/ports.js';
import { collectingPassThrough } from './assets-gc.js';
import type { ServiceDeps } from './deps.js';
import { newAssetId } from './ids.js';
import { assetDir, assetFile } from './storage.js';

export function extensionOf(filename: string): string {
  return extname(filename)
    .slice(1)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .slice(0, 10);
}

/** Register an asset that has no bytes yet (signed-URL flow). */
export async function createPendingAsset(
  deps: ServiceDeps,
  accountId: string,
  originalFilename: string,
): Promise<Asset> {
  const id = newAssetId(deps.now());
  const ext = extensionOf(originalFilename);
  const at = deps.now();
  const asset: Asset = {
    id,
    accountId,
    originalFilename,
    extension: ext,
    fileSize: 0,
    path: assetFile(deps.config, id, ext),
    uploadStatus: 'WAITING',
    failureCode: null,
    failureReason: null,
    kind: 'unknown',
    durationSeconds: null,
    width: null,
    height: null,
    hasAudio: false,
    createdAt: at,
    modifiedAt: at,
  };
  await deps.store.insertAsset(asset);
  return asset;
}

/**
 * Stream an upload to disk (never buffered whole), then probe it. Unusable media keeps its asset
 * record as FAILED with the reason, and the call throws the matching error so the client hears it.
 */
export async function receiveUpload(
  deps: ServiceDeps,
  accountId: string,
  input: { filename: string; stream: Readable; isTruncated: () => boolean; existing?: Asset | undefined },
): Promise<Asset> {
  const asset = input.existing ?? (await createPendingAsset(deps, accountId, input.filename));
  await deps.store.updateAsset(asset.id, { uploadStatus: 'UPLOADING', modifiedAt: deps.now() });
  const fail = async (code: ErrorCode, reason: string, removeFile: boolean): Promise<never> => {
    if (removeFile) await rm(asset.path, { force: true });
    await deps.store.updateAsset(asset.id, {
      uploadStatus: 'FAILED',
      failureCode: code,
      failureReason: reason,
      modifiedAt: deps.now(),
    });
    throw new AppError(code, reason, { asset_id: asset.id, upload_status: 'FAILED' });
  };
  try {
    await mkdir(assetDir(deps.config, asset.id), { recursive: true });
    await pipeline(input.stream, collectingPassThrough(), createWriteStream(asset.path));
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ENOSPC' || code === 'EACCES' || code === 'EROFS')
      return fail('STORAGE_UNAVAILABLE', `cannot store the upload: ${code}`, true);
    if (input.isTruncated()) {
      return fail(
        'PAYLOAD_TOO_LARGE',
        `the file exceeds the upload limit of ${deps.config.maxUploadBytes} bytes`,
        true,
      );
    }
    return fail('INVALID_REQUEST', 'the upload was interrupted before the file was complete', true);
  }
  if (input.isTruncated())
    return fail(
      'PAYLOAD_TOO_LARGE',
      `the file exceeds the upload limit of ${deps.config.maxUploadBytes} bytes`,
      true,
    );
  const size = (await stat(asset.path)).size;
  await deps.store.updateAsset(asset.id, { fileSize: size });
  if (size === 0) return fail('EMPTY_FILE', 'the uploaded file is empty (0 bytes)', true);
  let media;
  try {
    media = await probeMedia(asset.path);
    await checkDecodesToEnd(asset.path, media);
  } catch (err) {
    if (err instanceof ProbeError)
      return fail(err.reason === 'truncated' ? 'MEDIA_UNREADABLE' : 'MEDIA_UNREADABLE', err.message, false);
    throw err;
  }
  const patch = {
    uploadStatus: 'SUCCESS' as const,
    kind: media.kind,
    durationSeconds: media.durationSeconds,
    width: media.video?.width ?? null,
    height: media.video?.height ?? null,
    hasAudio: media.audio !== null,
    modifiedAt: deps.now(),
  };
  await deps.store.updateAsset(asset.id, patch);
  return { ...asset, ...patch, fileSize: size };
}

export async function requireAsset(deps: ServiceDeps, accountId: string, assetId: string): Promise<Asset> {
  const asset = await deps.store.getAsset(assetId, accountId);
  if (!asset) throw new AppError('ASSET_NOT_FOUND', `Asset not found: ${assetId}`);
  return asset;
}

/** Upstream metadata shape (strings for size and times) plus our media facts. */
export function assetMetadataView(a: Asset) {
  return {
    total: 1,
    resource: [
      {
        extension: a.extension,
        asset_id: a.id,
        original_filename: a.originalFilename,
        file_size: String(a.fileSize),
        upload_status: a.uploadStatus,
        create_time: String(a.createdAt),
        modify_time: String(a.modifiedAt),
        kind: a.kind,
        duration_seconds: a.durationSeconds,
        width: a.width,
        height: a.height,
        has_audio: a.hasAudio,
        ...(a.uploadStatus === 'FAILED'
          ? { failure_code: a.failureCode, failure_reason: a.failureReason }
          : {}),
      },
    ],
  };
}

export async function deleteAsset(deps: ServiceDeps, accountId: string, assetId: string): Promise<void> {
  const asset = await requireAsset(deps, accountId, assetId);
  await deps.store.deleteAsset(asset.id, accountId);
  await rm(assetDir(deps.config, asset.id), { recursive: true, force: true });
}
