import { createHash } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import type { UploadView } from '../../../contracts/room-documents.ts';
import type { RoomName } from '../../../core/room/rooms.ts';
import { sniffDocumentType } from '../../../core/util/document-type.ts';
import type { AppContext } from '../../context.ts';
import { roomDocuments } from '../../db/schema/index.ts';
import { audit } from '../../platform/audit.ts';
import type { Principal } from '../../platform/auth/sessions.ts';
import { readBlob } from '../../platform/blobs/read.ts';
import { BlobNotFoundError } from '../../platform/blobs/types.ts';
import { Problem } from '../../platform/errors.ts';
import { transact } from '../../platform/transaction.ts';
import {
  CHUNK_BYTES,
  caseScope,
  chunkCount,
  deleteBlobs,
  discardUpload,
  openName,
  stagingKey,
  storedKey,
  type UploadRow,
  uploadView,
} from './documents-store.ts';
import { postMessage } from './send.ts';

// Finishing an upload once every byte arrived: the whole file is checked by content, hashed,
// sealed and stored, then posted to its room, then marked stored with its audit record.
//
// The order keeps "nothing half-written" without one transaction around everything (the blob
// store and postMessage are outside any transaction, DESIGN.md §3): the message is posted before
// the row says 'stored', so a failure in between leaves an upload that finishes again when the
// client retries (postMessage returns the same message for the same key); a refusal leaves no
// trace at all (discardUpload).

/** The staged file in the clear, or where its first missing chunk starts. */
const assemble = async (
  ctx: AppContext,
  row: UploadRow,
): Promise<{ bytes: Buffer } | { missingAt: number }> => {
  const parts: Buffer[] = [];
  for (let index = 0; index < chunkCount(row.sizeBytes); index++) {
    try {
      const sealed = await readBlob(await ctx.blobs.get(stagingKey(row.id, index)));
      parts.push(await ctx.sealer.open(ctx.db, caseScope(row.caseId), sealed));
    } catch (error) {
      if (error instanceof BlobNotFoundError) return { missingAt: index * CHUNK_BYTES };
      throw error;
    }
  }
  return { bytes: Buffer.concat(parts) };
};

const reload = async (ctx: AppContext, id: string) =>
  (await ctx.db.select().from(roomDocuments).where(eq(roomDocuments.id, id)))[0];

/** A chunk went missing (a finish racing this one cleaned up, or storage lost it). */
const recoverMissing = async (ctx: AppContext, row: UploadRow, missingAt: number): Promise<UploadView> => {
  const now = await reload(ctx, row.id);
  if (now?.status === 'stored') return uploadView(ctx, now);
  if (!now) throw new Problem(404, 'document_not_found');
  // Ask the client for the bytes again from the gap on, rather than storing a file with a hole.
  await ctx.db
    .update(roomDocuments)
    .set({ receivedBytes: missingAt })
    .where(and(eq(roomDocuments.id, row.id), eq(roomDocuments.status, 'uploading')));
  throw new Problem(409, 'upload_offset_mismatch', { receivedBytes: missingAt }, [], {
    'upload-offset': String(missingAt),
  });
};

/** Marks the upload stored, with its audit record in the same transaction; idempotent. */
const markStored = async (
  ctx: AppContext,
  principal: Principal,
  row: UploadRow,
  stored: { contentType: string; sha256: string; blobKey: string },
) =>
  transact(ctx, async (tx) => {
    const now = ctx.clock.now();
    const [done] = await tx
      .update(roomDocuments)
      .set({ ...stored, status: 'stored', storedAt: now })
      .where(and(eq(roomDocuments.id, row.id), eq(roomDocuments.status, 'uploading')))
      .returning();
    if (!done) return null;
    await audit(
      tx,
      {
        actorId: principal.userId,
        action: 'room.document_uploaded',
        subjectType: 'room_document',
        subjectId: row.id,
        // What the file is and which room it went to, never its name or content (R-MED-17).
        data: {
          caseId: row.caseId,
          room: row.room,
          contentType: stored.contentType,
          sizeBytes: row.sizeBytes,
          sha256: stored.sha256,
        },
      },
      now,
    );
    return done;
  });

/** Finishes an upload whose bytes all arrived; see the file's comment for the order of steps. */
export const finishUpload = async (
  ctx: AppContext,
  principal: Principal,
  row: UploadRow,
): Promise<UploadView> => {
  const staged = await assemble(ctx, row);
  if (!('bytes' in staged)) return recoverMissing(ctx, row, staged.missingAt);
  const { bytes } = staged;
  const contentType = sniffDocumentType(bytes);
  if (!contentType) {
    await discardUpload(ctx, row);
    throw new Problem(415, 'document_type_not_allowed');
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const blobKey = storedKey(row.caseId, row.id);
  await ctx.blobs.put(blobKey, await ctx.sealer.seal(ctx.db, caseScope(row.caseId), bytes));
  try {
    await postMessage(ctx, principal, row.caseId, row.room as RoomName, {
      kind: 'document',
      body: await openName(ctx, row),
      // One message per document, whatever keys the client uses for its text messages.
      key: `document:${row.id}`,
      documentId: row.id,
    });
  } catch (error) {
    // Refused (the case ended, the caller left the room): the upload can never be posted.
    if (error instanceof Problem) await discardUpload(ctx, row);
    throw error;
  }
  const done =
    (await markStored(ctx, principal, row, { contentType, sha256, blobKey })) ?? (await reload(ctx, row.id));
  if (!done) throw new Problem(404, 'document_not_found');
  await deleteBlobs(
    ctx,
    Array.from({ length: chunkCount(row.sizeBytes) }, (_, i) => stagingKey(row.id, i)),
  );
  return uploadView(ctx, done);
};

/** Uploads left unfinished this long are abandoned: their staged chunks are deleted. */
export const ABANDONED_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * A worker job: throws away uploads nobody finished within a day, so staged chunks do not pile
 * up in the blob store. Returns how many it discarded.
 */
export const sweepAbandonedUploads = async (ctx: AppContext) => {
  const before = new Date(ctx.clock.now().getTime() - ABANDONED_AFTER_MS);
  const stale = await ctx.db
    .select()
    .from(roomDocuments)
    .where(and(eq(roomDocuments.status, 'uploading'), lt(roomDocuments.createdAt, before)))
    .limit(500);
  let discarded = 0;
  for (const row of stale) if (await discardUpload(ctx, row)) discarded++;
  return { discarded };
};
