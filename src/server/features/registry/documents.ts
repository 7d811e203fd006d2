import { createHash, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { sniffFileType } from '../../../core/util/file-type.ts';
import type { AppContext } from '../../context.ts';
import { mediatorDocuments } from '../../db/schema/index.ts';
import { audit } from '../../platform/audit.ts';
import type { Principal } from '../../platform/auth/sessions.ts';
import { fieldProblem, Problem } from '../../platform/errors.ts';
import { transact } from '../../platform/transaction.ts';
import { canReadDocument } from './policy.ts';

export const MAX_REGISTRY_UPLOAD_BYTES = 10 * 1024 * 1024;
const ALLOWED = ['application/pdf', 'image/jpeg', 'image/png'];

type DocumentKind = (typeof mediatorDocuments.$inferInsert)['kind'];

// A diploma is personal data: stored sealed under the owner's key, never in the clear.
const scopeOf = (ownerId: string) => `mediator-file:${ownerId}`;

const safeFilename = (name: string) => name.replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 150) || 'document';

/** Stores one uploaded qualification document; the type is judged by content, not by name. */
export const storeRegistryDocument = async (
  ctx: AppContext,
  owner: Principal,
  kind: DocumentKind,
  filename: string,
  bytes: Buffer,
) => {
  const contentType = sniffFileType(bytes.subarray(0, 16));
  if (!contentType || !ALLOWED.includes(contentType)) throw fieldProblem('file', 'file_type_not_allowed');
  const id = randomUUID();
  const blobKey = `registry/${owner.userId}/${id}`;
  await ctx.blobs.put(blobKey, await ctx.sealer.seal(ctx.db, scopeOf(owner.userId), bytes));
  const document = {
    id,
    ownerId: owner.userId,
    kind,
    blobKey,
    filename: safeFilename(filename),
    contentType,
    sizeBytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
  await transact(ctx, async (tx) => {
    await tx.insert(mediatorDocuments).values(document);
    await audit(
      tx,
      {
        actorId: owner.userId,
        action: 'registry.document_uploaded',
        subjectType: 'mediator_document',
        subjectId: id,
        data: { kind, sha256: document.sha256, sizeBytes: bytes.length },
      },
      ctx.clock.now(),
    );
  });
  const { blobKey: _key, ownerId: _owner, ...view } = document;
  return view;
};

export const readRegistryDocument = async (ctx: AppContext, principal: Principal, id: string) => {
  const [document] = await ctx.db.select().from(mediatorDocuments).where(eq(mediatorDocuments.id, id));
  if (!document || !canReadDocument(principal, document)) throw new Problem(404, 'not_found');
  const chunks: Buffer[] = [];
  for await (const chunk of await ctx.blobs.get(document.blobKey)) chunks.push(chunk as Buffer);
  return { document, bytes: await ctx.sealer.open(ctx.db, scopeOf(document.ownerId), Buffer.concat(chunks)) };
};
