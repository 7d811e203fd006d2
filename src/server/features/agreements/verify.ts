import { createHash } from 'node:crypto';
import { eq, or } from 'drizzle-orm';
import type { z } from 'zod';
import type { verificationReport } from '../../../contracts/agreements.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/open.ts';
import { agreementSignatures, agreements, agreementVersions, cases } from '../../db/schema/index.ts';
import { Problem } from '../../platform/errors.ts';
import { decisionOf, findFiling } from './filing-view.ts';
import { PadesError, verifySignedPdf } from './pades/index.ts';
import { type AgreementRow, signaturesOf } from './store.ts';

// The public verification (issue 6, no login): is this a Kelisim agreement, who signed it and when,
// is every signature valid — never its content. By hash (the QR's agreement hash, or a PDF's
// SHA-256) the answer comes from what was verified when each signature was received; for an
// uploaded PDF every embedded signature is verified again now, and the file is matched to what
// Kelisim issued.

type Report = z.infer<typeof verificationReport>;

const NOT_FOUND: Report = {
  found: false,
  caseNumber: null,
  agreementHash: null,
  frozenAt: null,
  fileMatches: null,
  complete: false,
  signatures: [],
  courtApproval: null,
};

/** The frozen agreement a hash names: its version hash, its PDF, or one of its signed revisions. */
const agreementByHash = async (db: Db, hash: string): Promise<AgreementRow | null> => {
  const byVersions = await db
    .select({ agreement: agreements, number: agreementVersions.number })
    .from(agreementVersions)
    .innerJoin(agreements, eq(agreements.id, agreementVersions.agreementId))
    .where(eq(agreementVersions.hash, hash));
  // Only the frozen version is an agreement; the hash of a draft version tells the public nothing.
  const byVersion = byVersions.find((v) => v.agreement.frozenVersion === v.number);
  if (byVersion) return byVersion.agreement;
  const [byPdf] = await db
    .select()
    .from(agreements)
    .where(or(eq(agreements.pdfSha256, hash), eq(agreements.signedPdfSha256, hash)));
  if (byPdf) return byPdf;
  const [byRevision] = await db
    .select({ agreement: agreements })
    .from(agreementSignatures)
    .innerJoin(agreements, eq(agreements.id, agreementSignatures.agreementId))
    .where(eq(agreementSignatures.revisionSha256, hash));
  return byRevision?.agreement ?? null;
};

const known = async (ctx: AppContext, row: AgreementRow) => {
  const [kase] = await ctx.db.select({ number: cases.number }).from(cases).where(eq(cases.id, row.caseId));
  const filing = await findFiling(ctx.db, row.id);
  const decision = filing ? decisionOf(filing) : null;
  return {
    caseNumber: kase?.number ?? null,
    agreementHash: await frozenHash(ctx.db, row),
    frozenAt: row.frozenAt?.toISOString() ?? null,
    complete: row.status === 'signed',
    courtApproval: decision?.approved
      ? { rulingNumber: decision.rulingNumber, rulingDate: decision.rulingDate }
      : null,
  };
};

const frozenHash = async (db: Db, row: AgreementRow) => {
  const versions = await db.select().from(agreementVersions).where(eq(agreementVersions.agreementId, row.id));
  return versions.find((v) => v.number === row.frozenVersion)?.hash ?? null;
};

const roleOf = (signer: string) => (signer === 'mediator' ? ('mediator' as const) : ('party' as const));

export const verifyByHash = async (ctx: AppContext, hash: string): Promise<Report> => {
  if (!/^[0-9a-f]{64}$/.test(hash)) throw new Problem(400, 'verify_hash_invalid');
  const row = await agreementByHash(ctx.db, hash);
  if (!row || row.frozenVersion === null) return NOT_FOUND;
  const signatures = await signaturesOf(ctx.db, row.id);
  return {
    found: true,
    ...(await known(ctx, row)),
    fileMatches: null,
    signatures: signatures.map((s) => ({
      name: s.commonName,
      role: roleOf(s.signer),
      kind: s.kind,
      signedAt: s.createdAt.toISOString(),
      valid: true,
      reason: null,
    })),
  };
};

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export const verifyUpload = async (ctx: AppContext, pdf: Uint8Array): Promise<Report> => {
  let report: Awaited<ReturnType<typeof verifySignedPdf>>;
  try {
    report = await verifySignedPdf(pdf, ctx.signatures.verifier);
  } catch (error) {
    if (error instanceof PadesError) throw new Problem(400, 'verify_pdf_unreadable');
    throw error;
  }
  const row = await agreementByHash(ctx.db, report.original.sha256);
  const stored = row ? await signaturesOf(ctx.db, row.id) : [];
  const fileHash = sha256(pdf);
  const matches = row
    ? fileHash === row.pdfSha256 ||
      fileHash === row.signedPdfSha256 ||
      stored.some((s) => s.revisionSha256 === fileHash)
    : false;
  const last = report.signatures.length - 1;
  return {
    ...(row ? { found: true, ...(await known(ctx, row)) } : NOT_FOUND),
    fileMatches: matches,
    complete: Boolean(row && row.status === 'signed' && matches && fileHash === row.signedPdfSha256),
    signatures: report.signatures.map((s, i) => {
      const mine = stored[i];
      // The last signature must cover the whole file: bytes appended after it are not signed.
      const appended = i === last && (report.modifiedAfterLastSignature || !s.coversWholeDocument);
      const valid = s.verdict.ok && !appended;
      return {
        name: s.verdict.ok ? s.verdict.signer.commonName : s.signerName,
        role: mine ? roleOf(mine.signer) : null,
        kind: s.verdict.ok ? s.verdict.kind : null,
        signedAt: s.verdict.ok ? (s.verdict.signingTime?.toISOString() ?? null) : null,
        valid,
        reason: s.verdict.ok ? (appended ? 'modified_after_signing' : null) : s.verdict.reason,
      };
    }),
  };
};
