import { and, eq } from 'drizzle-orm';
import type { UploadView } from '../../../contracts/room-documents.ts';
import { ROOM_DOCUMENT_MAX_BYTES } from '../../../core/room/documents.ts';
import { mayRead, type RoomName, writeRefusal } from '../../../core/room/rooms.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/open.ts';
import { roomDocuments } from '../../db/schema/index.ts';
import type { Principal } from '../../platform/auth/sessions.ts';
import { Problem } from '../../platform/errors.ts';
import { isUniqueViolation } from '../../platform/transaction.ts';
import { roomAccess } from './access.ts';
import { finishUpload } from './documents-finish.ts';
import {
  CHUNK_BYTES,
  caseScope,
  cleanFileName,
  discardUpload,
  openName,
  ownUpload,
  sealName,
  stagingKey,
  type UploadRow,
  uploadView,
} from './documents-store.ts';

// Uploading a document to a room (issue 5), made for a phone on a weak connection: the client
// declares the file, then sends it in chunks; after a drop it asks how many bytes arrived and
// continues from there.
//
// Staging: each chunk is sealed under the case key and kept in the blob store under
// `staging/room-documents/<upload>/<chunk index>` until the last one arrives. The blob store, not
// a temp file, because with several nodes behind a load balancer consecutive chunks reach
// different nodes (S3 is shared, a node's disk is not); sealed, because even half a document is
// mediation content (R-MED-17). Chunks sit on a fixed grid (`CHUNK_BYTES`): a chunk is known by
// its index alone, and a chunk sent twice (a retry racing the original) writes the same bytes.

/** The room must be one the caller may post to now: 404 when not theirs, 409 once the case ended. */
const requireWritable = async (ctx: AppContext, principal: Principal, caseId: string, room: RoomName) => {
  const access = await roomAccess(ctx.db, caseId, principal);
  const refusal = writeRefusal(access.roomCase, access.member, room);
  if (refusal === 'room_not_found') throw new Problem(404, 'room_not_found');
  if (refusal) throw new Problem(409, refusal, { caseStatus: access.loaded.row.status });
};

const findByKey = async (db: Db, caseId: string, userId: string, key: string) =>
  (
    await db
      .select()
      .from(roomDocuments)
      .where(
        and(
          eq(roomDocuments.caseId, caseId),
          eq(roomDocuments.uploadedBy, userId),
          eq(roomDocuments.idempotencyKey, key),
        ),
      )
  )[0];

/** The same key again is the same upload only for the same file in the same room. */
const sameUpload = async (ctx: AppContext, row: UploadRow, room: RoomName, fileName: string, size: number) =>
  row.room === room && row.sizeBytes === size && (await openName(ctx, row)) === fileName;

export type NewUpload = { fileName: string; sizeBytes: number; key: string };

/**
 * Declares a file to upload into a room and returns its upload; the same key returns the upload
 * begun the first time (with how much of it arrived), so a client can resume after a reload.
 */
export const createUpload = async (
  ctx: AppContext,
  principal: Principal,
  caseId: string,
  room: RoomName,
  input: NewUpload,
): Promise<UploadView> => {
  await requireWritable(ctx, principal, caseId, room);
  const fileName = cleanFileName(input.fileName);
  const existing = await findByKey(ctx.db, caseId, principal.userId, input.key);
  if (existing) {
    if (!(await sameUpload(ctx, existing, room, fileName, input.sizeBytes)))
      throw new Problem(409, 'upload_key_conflict');
    return uploadView(ctx, existing);
  }
  if (input.sizeBytes === 0) throw new Problem(400, 'document_empty');
  if (input.sizeBytes > ROOM_DOCUMENT_MAX_BYTES)
    throw new Problem(413, 'document_too_large', { megabytes: ROOM_DOCUMENT_MAX_BYTES / 1024 / 1024 });
  try {
    const [row] = await ctx.db
      .insert(roomDocuments)
      .values({
        caseId,
        room,
        uploadedBy: principal.userId,
        fileName: await sealName(ctx, ctx.db, caseId, fileName),
        sizeBytes: input.sizeBytes,
        status: 'uploading',
        idempotencyKey: input.key,
        createdAt: ctx.clock.now(),
      })
      .returning();
    if (!row) throw new Error('upload not stored');
    return uploadView(ctx, row);
  } catch (error) {
    // The same declaration twice at once: the second returns the first's upload.
    const winner = isUniqueViolation(error)
      ? await findByKey(ctx.db, caseId, principal.userId, input.key)
      : null;
    if (!winner) throw error;
    if (!(await sameUpload(ctx, winner, room, fileName, input.sizeBytes)))
      throw new Problem(409, 'upload_key_conflict');
    return uploadView(ctx, winner);
  }
};

/** How much of an upload arrived: where a client continues after a dropped connection. */
export const uploadStatus = async (
  ctx: AppContext,
  principal: Principal,
  where: { caseId: string; room: RoomName; documentId: string },
) => {
  // Only while still in the room: a party who left the case learns nothing more.
  const access = await roomAccess(ctx.db, where.caseId, principal);
  if (!mayRead(access.roomCase, access.member, where.room)) throw new Problem(404, 'room_not_found');
  return uploadView(ctx, await ownUpload(ctx.db, principal, where));
};

export type ChunkRange = { start: number; end: number; total: number };

/** `Content-Range: bytes <start>-<end>/<total>` (RFC 9110 §14.4), end inclusive. */
export const parseContentRange = (header: string | undefined): ChunkRange => {
  const match = /^bytes (\d{1,10})-(\d{1,10})\/(\d{1,10})$/.exec(header?.trim() ?? '');
  if (!match) throw new Problem(400, 'upload_range_invalid');
  const [start, end, total] = [match[1], match[2], match[3]].map(Number) as [number, number, number];
  if (start > end) throw new Problem(400, 'upload_range_invalid');
  return { start, end, total };
};

/** Whether a chunk fits its upload; the offset is checked apart (a resend after the end finishes). */
const checkChunk = (row: UploadRow, range: ChunkRange, length: number) => {
  if (range.total !== row.sizeBytes)
    throw new Problem(400, 'upload_size_mismatch', { sizeBytes: row.sizeBytes });
  if (range.end >= row.sizeBytes) throw new Problem(416, 'upload_beyond_size', { sizeBytes: row.sizeBytes });
  if (length !== range.end - range.start + 1) throw new Problem(400, 'upload_range_invalid');
};

const offsetMismatch = (row: Pick<UploadRow, 'receivedBytes'>) =>
  new Problem(409, 'upload_offset_mismatch', { receivedBytes: row.receivedBytes }, [], {
    'upload-offset': String(row.receivedBytes),
  });

/**
 * Takes one chunk of the caller's upload. Chunks come in order: one that does not start where the
 * received bytes end is refused (409, with the offset to continue from). The last one finishes the
 * upload: checked by content, sealed, stored, posted to the room.
 */
export const receiveChunk = async (
  ctx: AppContext,
  principal: Principal,
  where: { caseId: string; room: RoomName; documentId: string },
  range: ChunkRange,
  body: Buffer,
): Promise<UploadView> => {
  const row = await ownUpload(ctx.db, principal, where);
  // The answer to the last chunk was lost and the client sends it again: the upload is done.
  if (row.status === 'stored') return uploadView(ctx, row);
  await requireWritable(ctx, principal, where.caseId, where.room).catch(async (error) => {
    // The case ended mid-upload: the document can never be posted, so nothing of it is kept.
    if (error instanceof Problem && error.code === 'room_closed') await discardUpload(ctx, row);
    throw error;
  });
  checkChunk(row, range, body.length);
  // Every byte arrived but finishing was interrupted (a dropped answer, a crash): finish now.
  if (row.receivedBytes === row.sizeBytes) return finishUpload(ctx, principal, row);
  if (range.start !== row.receivedBytes) throw offsetMismatch(row);
  const expected = Math.min(CHUNK_BYTES, row.sizeBytes - range.start);
  if (body.length !== expected) throw new Problem(400, 'upload_chunk_size', { chunkBytes: CHUNK_BYTES });

  const sealed = await ctx.sealer.seal(ctx.db, caseScope(row.caseId), body);
  await ctx.blobs.put(stagingKey(row.id, range.start / CHUNK_BYTES), sealed);
  // Counted only once its bytes are stored, and only from where the count stood: of two copies of
  // one chunk racing, one moves the count and the other finds it moved.
  const [advanced] = await ctx.db
    .update(roomDocuments)
    .set({ receivedBytes: range.end + 1 })
    .where(
      and(
        eq(roomDocuments.id, row.id),
        eq(roomDocuments.receivedBytes, range.start),
        eq(roomDocuments.status, 'uploading'),
      ),
    )
    .returning();
  if (!advanced) return uploadView(ctx, await ownUpload(ctx.db, principal, where));
  if (advanced.receivedBytes === advanced.sizeBytes) return finishUpload(ctx, principal, advanced);
  return uploadView(ctx, advanced);
};
