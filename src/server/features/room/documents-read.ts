import { and, eq } from 'drizzle-orm';
import { mayRead, type RoomName } from '../../../core/room/rooms.ts';
import { type DocumentType, PREVIEWABLE_TYPES } from '../../../core/util/document-type.ts';
import type { AppContext } from '../../context.ts';
import { roomDocuments } from '../../db/schema/index.ts';
import type { Principal } from '../../platform/auth/sessions.ts';
import { readBlob } from '../../platform/blobs/read.ts';
import { Problem } from '../../platform/errors.ts';
import { roomAccess } from './access.ts';
import { caseScope, openName } from './documents-store.ts';

// Reading a room document: exactly who may read its room may read it (core/room/rooms.ts
// `mayRead`); a caucus document stays in its caucus. Anyone else — a stranger, the other party,
// a court — is told it does not exist (R-MED-17).

export type RoomDocumentFile = {
  fileName: string;
  contentType: DocumentType;
  /** Shown by the browser (PDF, images) rather than downloaded. */
  inline: boolean;
  sha256: string;
  bytes: Buffer;
};

export const readRoomDocument = async (
  ctx: AppContext,
  principal: Principal,
  caseId: string,
  documentId: string,
): Promise<RoomDocumentFile> => {
  const access = await roomAccess(ctx.db, caseId, principal);
  const [row] = await ctx.db
    .select()
    .from(roomDocuments)
    .where(
      and(
        eq(roomDocuments.id, documentId),
        eq(roomDocuments.caseId, caseId),
        eq(roomDocuments.status, 'stored'),
      ),
    );
  if (!row?.blobKey || !row.contentType || !row.sha256) throw new Problem(404, 'document_not_found');
  if (!mayRead(access.roomCase, access.member, row.room as RoomName))
    throw new Problem(404, 'document_not_found');
  const sealed = await readBlob(await ctx.blobs.get(row.blobKey));
  const contentType = row.contentType as DocumentType;
  return {
    fileName: await openName(ctx, row),
    contentType,
    inline: PREVIEWABLE_TYPES.includes(contentType),
    sha256: row.sha256,
    bytes: await ctx.sealer.open(ctx.db, caseScope(caseId), sealed),
  };
};
