import { createHash } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { AgreementDraft } from '../../../core/agreements/types.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/open.ts';
import {
  agreementApprovals,
  agreementSignatures,
  agreements,
  agreementVersions,
} from '../../db/schema/index.ts';
import { readBlob } from '../../platform/blobs/read.ts';
import { Problem } from '../../platform/errors.ts';

// Rows of an agreement and the sealed parts of them. Drafts, notes, comments and the PDFs are
// mediation content (R-MED-17): sealed under the case's key before they reach a table or the blob
// store, opened only for the case's participants.

export type AgreementRow = typeof agreements.$inferSelect;
export type VersionRow = typeof agreementVersions.$inferSelect;
export type SignatureRow = typeof agreementSignatures.$inferSelect;

export const caseScope = (caseId: string) => `case:${caseId}`;
export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export const sealText = async (ctx: AppContext, tx: Db, caseId: string, text: string) =>
  ctx.sealer.seal(tx, caseScope(caseId), Buffer.from(text));
export const openText = async (ctx: AppContext, caseId: string, sealed: Buffer) =>
  (await ctx.sealer.open(ctx.db, caseScope(caseId), sealed)).toString();

export const openDraft = async (ctx: AppContext, caseId: string, row: VersionRow) =>
  JSON.parse(await openText(ctx, caseId, row.draft)) as AgreementDraft;

/** The case's agreement; `lock` holds its row for the rest of the transaction. */
export const findAgreement = async (db: Db, caseId: string, lock = false) => {
  const query = db.select().from(agreements).where(eq(agreements.caseId, caseId));
  const [row] = await (lock ? query.for('update') : query);
  return row ?? null;
};

export const requireAgreement = async (db: Db, caseId: string, lock = false) => {
  const row = await findAgreement(db, caseId, lock);
  if (!row) throw new Problem(404, 'agreement_not_found');
  return row;
};

export const loadVersion = async (db: Db, agreementId: string, number: number) => {
  const [row] = await db
    .select()
    .from(agreementVersions)
    .where(and(eq(agreementVersions.agreementId, agreementId), eq(agreementVersions.number, number)));
  if (!row) throw new Problem(404, 'agreement_version_not_found', { version: number });
  return row;
};

export const listVersions = (db: Db, agreementId: string) =>
  db
    .select()
    .from(agreementVersions)
    .where(eq(agreementVersions.agreementId, agreementId))
    .orderBy(asc(agreementVersions.number));

export const approvalsOf = (db: Db, agreementId: string, version: number) =>
  db
    .select()
    .from(agreementApprovals)
    .where(and(eq(agreementApprovals.agreementId, agreementId), eq(agreementApprovals.version, version)));

export const signaturesOf = (db: Db, agreementId: string) =>
  db
    .select()
    .from(agreementSignatures)
    .where(eq(agreementSignatures.agreementId, agreementId))
    .orderBy(asc(agreementSignatures.position));

const fileKey = (agreementId: string, sha: string, ext: string) => `agreements/${agreementId}/${sha}.${ext}`;

/** Stores a file of the agreement (a PDF, a package), sealed, under its own hash; returns the key. */
export const putFile = async (
  ctx: AppContext,
  row: Pick<AgreementRow, 'id' | 'caseId'>,
  bytes: Uint8Array,
  ext: 'pdf' | 'zip' = 'pdf',
) => {
  const key = fileKey(row.id, sha256(bytes), ext);
  await ctx.blobs.put(key, await ctx.sealer.seal(ctx.db, caseScope(row.caseId), Buffer.from(bytes)));
  return key;
};

export const readFile = async (ctx: AppContext, row: Pick<AgreementRow, 'caseId'>, key: string) =>
  new Uint8Array(
    await ctx.sealer.open(ctx.db, caseScope(row.caseId), await readBlob(await ctx.blobs.get(key))),
  );

/** The PDF as it stands now: with the signatures made so far, else as frozen. */
export const currentPdf = async (ctx: AppContext, row: AgreementRow) => {
  const key = row.signedPdfBlob ?? row.pdfBlob;
  if (!key) throw new Problem(409, 'agreement_not_frozen');
  return readFile(ctx, row, key);
};
