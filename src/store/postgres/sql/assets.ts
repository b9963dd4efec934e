/** Asset rows: insert and partial update (column names shared with SQLite through rows.ts). */
import type { Asset } from '../../ports.js';
import { ASSET_COLUMNS } from '../../rows.js';
import type { Db } from '../pool.js';

export async function insertAsset(db: Db, a: Asset): Promise<void> {
  await db.query(
    `INSERT INTO assets (id, account_id, original_filename, extension, file_size, path, upload_status, failure_code,
       failure_reason, kind, duration_seconds, width, height, has_audio, created_at, modified_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
    [
      a.id,
      a.accountId,
      a.originalFilename,
      a.extension,
      a.fileSize,
      a.path,
      a.uploadStatus,
      a.failureCode,
      a.failureReason,
      a.kind,
      a.durationSeconds,
      a.width,
      a.height,
      a.hasAudio,
      a.createdAt,
      a.modifiedAt,
    ],
  );
}

export async function updateAsset(
  db: Db,
  id: string,
  patch: Partial<Omit<Asset, 'id' | 'accountId'>>,
): Promise<void> {
  // Column names come from the fixed ASSET_COLUMNS table, never from the caller.
  const entries = Object.entries(patch).filter(([k]) => k in ASSET_COLUMNS) as Array<
    [keyof typeof ASSET_COLUMNS, unknown]
  >;
  if (entries.length === 0) return;
  const sets = entries.map(([k], i) => `${ASSET_COLUMNS[k]} = $${i + 1}`).join(', ');
  await db.query(`UPDATE assets SET ${sets} WHERE id = $${entries.length + 1}`, [
    ...entries.map(([, v]) => v),
    id,
  ]);
}
