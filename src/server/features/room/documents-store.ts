import { and, eq } from 'drizzle-orm';
import type { UploadView } from '../../../contracts/room-documents.ts';
import type { RoomName } from '../../../core/room/rooms.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/open.ts';
import { roomDocuments } from '../../db/schema/index.ts';
import type { Principal } from '../../platform/auth/sessions.ts';
import { Problem } from '../../platform/errors.ts';

// Where a room document's bytes live, and what every use case of documents shares: the staging
// grid, the blob keys, the sealed file name, the view, and throwing an upload away.

export type UploadRow = typeof roomDocuments.$inferSelect;

/** 256 KiB: about 8 s at 256 kbit/s, so a drop loses little; every chunk but the last is this long. */
export const CHUNK_BYTES = 256 * 1024;

export const caseScope = (caseId: string) => `case:${caseId}`;
export const stagingKey = (uploadId: string, index: number) => `staging/room-documents/${uploadId}/${index}`;
export const storedKey = (caseId: string, uploadId: string) => `cases/${caseId}/room-documents/${uploadId}`;
export const chunkCount = (bytes: number) => Math.ceil(bytes / CHUNK_BYTES);

// The file name says what a document is about ("medical report…"): it is sealed like the file.
export const sealName = async (ctx: AppContext, db: Db, caseId: string, name: string) =>
  (await ctx.sealer.seal(db, caseScope(caseId), Buffer.from(name))).toString('base64');
export const openName = async (ctx: AppContext, row: UploadRow) =>
  (await ctx.sealer.open(ctx.db, caseScope(row.caseId), Buffer.from(row.fileName, 'base64'))).toString();

/** A name safe to show and to put in a header: no control characters or path, at most 150 chars. */
export const cleanFileName = (name: string) =>
  [...name.replace(/[\p{Cc}\p{Cf}/\\]/gu, '_').trim()].slice(0, 150).join('') || 'document';

export const uploadView = async (ctx: AppContext, row: UploadRow): Promise<UploadView> => ({
  id: row.id,
  room: row.room,
  fileName: await openName(ctx, row),
  sizeBytes: row.sizeBytes,
  receivedBytes: row.receivedBytes,
  chunkBytes: CHUNK_BYTES,
  status: row.status,
  contentType: row.contentType,
  sha256: row.sha256,
});

/** The caller's own upload in this room; anyone else's does not exist for them. */
export const ownUpload = async (
  db: Db,
  principal: Principal,
  where: { caseId: string; room: RoomName; documentId: string },
) => {
  const [row] = await db
    .select()
    .from(roomDocuments)
    .where(
      and(
        eq(roomDocuments.id, where.documentId),
        eq(roomDocuments.caseId, where.caseId),
        eq(roomDocuments.room, where.room),
        eq(roomDocuments.uploadedBy, principal.userId),
      ),
    );
  if (!row) throw new Problem(404, 'document_not_found');
  return row;
};

/**
 * Throws away an upload that cannot be finished (refused content, the case ended, abandoned):
 * its row, its staged chunks and a stored file if there was one. A document already stored (a
 * finish that won a race) is never thrown away.
 */
export const discardUpload = async (ctx: AppContext, row: UploadRow) => {
  const [gone] = await ctx.db
    .delete(roomDocuments)
    .where(and(eq(roomDocuments.id, row.id), eq(roomDocuments.status, 'uploading')))
    .returning();
  if (!gone) return false;
  // One chunk past the count too: it may be stored while the count was not yet moved.
  const keys = Array.from({ length: chunkCount(gone.receivedBytes) + 1 }, (_, i) => stagingKey(gone.id, i));
  keys.push(storedKey(gone.caseId, gone.id));
  await deleteBlobs(ctx, keys);
  return true;
};

/** Deletes blobs, logging (not throwing) failures: the database already says they are gone. */
export const deleteBlobs = async (ctx: AppContext, keys: string[]) => {
  for (const key of keys) {
    try {
      await ctx.blobs.delete(key);
    } catch (error) {
      ctx.log.warn({ err: error, key }, 'room document blob not deleted');
    }
  }
};
