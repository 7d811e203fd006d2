import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { signatureSubmission, signingPrepared } from '../../../contracts/agreements.ts';
import type { AppContext } from '../../context.ts';
import { agreementSignatures, agreements, users } from '../../db/schema/index.ts';
import { audit } from '../../platform/audit.ts';
import type { Principal } from '../../platform/auth/sessions.ts';
import { Problem } from '../../platform/errors.ts';
import {
  cmsDer,
  requireSigner,
  type SignatureVerdict,
  type ValidSignature,
} from '../../platform/signatures/index.ts';
import { transact } from '../../platform/transaction.ts';
import { applyAction } from '../cases/act.ts';
import { loadCase } from '../cases/store.ts';
import { platformCertificateStatus } from '../signing/queries.ts';
import { requiredSigners, signingParties } from './facts.ts';
import { ensurePdf } from './freeze.ts';
import { tellParticipants } from './notify.ts';
import { embedSignature, PadesError, type PreparedSignature, prepareSignature } from './pades/index.ts';
import { type AgreementActor, agreementReader, SIGNING_STATUSES } from './policy.ts';
import { currentPdf, putFile, requireAgreement, sha256, signaturesOf } from './store.ts';

// Signing the frozen agreement (issue 6, R-MED-21, R-SG-03): each party itself and the mediator
// sign once, one after another. For each signer the server prepares the next PAdES revision of
// the PDF (deterministically, so nothing needs storing between the two requests); the signer's
// NCALayer or browser key signs its byte range as a detached CMS; the server verifies the CMS over
// exactly those bytes, that the certificate is the signer's (IIN/BIN, R-SG-03) and of the kind the
// method promises, embeds it, and records it. A signature over anything else is refused and
// nothing is stored as signed.

type Method = z.infer<typeof signatureSubmission>['method'];

const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** The signer's turn: who they are and that they may sign now. */
const signerTurn = async (ctx: AppContext, principal: Principal, caseId: string) => {
  const actor = await agreementReader(ctx.db, principal, caseId);
  if (!actor.key) throw new Problem(403, 'agreement_representative_reads');
  let row = await requireAgreement(ctx.db, caseId);
  if (row.status === 'drafting') throw new Problem(409, 'agreement_not_frozen');
  if (row.status === 'signed') throw new Problem(409, 'agreement_already_signed');
  const status = actor.loaded.row.status;
  if (!(SIGNING_STATUSES as readonly string[]).includes(status))
    throw new Problem(409, 'agreement_case_closed', { caseStatus: status });
  const signatures = await signaturesOf(ctx.db, row.id);
  if (signatures.some((s) => s.signer === actor.key))
    throw new Problem(409, 'agreement_already_signed_by_you');
  row = await ensurePdf(ctx, row);
  return { actor: actor as AgreementActor & { key: string }, row, position: signatures.length + 1 };
};

const signerName = async (ctx: AppContext, actor: AgreementActor & { key: string }) => {
  if (actor.key !== 'mediator')
    return signingParties(actor.loaded).find((p) => p.id === actor.key)?.fullName ?? '';
  const [user] = await ctx.db
    .select({ name: users.fullName })
    .from(users)
    .where(eq(users.id, actor.loaded.mediatorUserId ?? ''));
  return user?.name ?? '';
};

const prepare = async (ctx: AppContext, turn: Awaited<ReturnType<typeof signerTurn>>) => {
  const pdf = await currentPdf(ctx, turn.row);
  const prepared = prepareSignature(pdf, {
    fieldName: `Signature${turn.position}`,
    signerName: await signerName(ctx, turn.actor),
    reason: `Settlement agreement ${turn.actor.loaded.row.number}, version ${turn.row.frozenVersion}`,
    location: 'Kelisim',
  });
  return { basedOn: sha256(pdf), prepared };
};

export const prepareSigning = async (
  ctx: AppContext,
  principal: Principal,
  caseId: string,
): Promise<z.infer<typeof signingPrepared>> => {
  const turn = await signerTurn(ctx, principal, caseId);
  const { basedOn, prepared } = await prepare(ctx, turn);
  return {
    basedOn,
    fieldName: `Signature${turn.position}`,
    content: toBase64(prepared.signedContent),
    contentSha256: sha256(prepared.signedContent),
  };
};

/** Who the certificate must name: the party's IIN (a company: its BIN), the mediator's IIN. */
const expectedSigner = async (ctx: AppContext, actor: AgreementActor & { key: string }) => {
  if (actor.key === 'mediator') {
    const [user] = await ctx.db
      .select({ iin: users.iin })
      .from(users)
      .where(eq(users.id, actor.loaded.mediatorUserId ?? ''));
    return user?.iin ? { iin: user.iin } : null;
  }
  const party = signingParties(actor.loaded).find((p) => p.id === actor.key);
  if (party?.bin) return { bin: party.bin };
  return party?.iin ? { iin: party.iin } : null;
};

// The reason also as a field error's code, so the web app can advise what to do about it.
const refused = (reason: string) =>
  new Problem(422, 'signature_refused', { reason }, [{ field: 'cms', code: reason }]);

/** The verdict, narrowed by who must sign and what the chosen method promises. */
const checkSigner = async (
  ctx: AppContext,
  principal: Principal,
  actor: AgreementActor & { key: string },
  method: Method,
  verdict: SignatureVerdict,
): Promise<ValidSignature> => {
  if (!verdict.ok) throw refused(verdict.reason);
  if (method === 'ncalayer' && verdict.kind !== 'qualified') throw refused('not_qualified');
  if (method === 'platform') {
    if (verdict.kind !== 'simple') throw refused('method_mismatch');
    const status = await platformCertificateStatus(ctx.db, verdict.certificate.fingerprint);
    if (!status || status.userId !== principal.userId) throw refused('certificate_not_yours');
    if (status.revokedAt) throw refused('certificate_revoked');
  }
  const expected = await expectedSigner(ctx, actor);
  if (!expected) throw refused('identity_mismatch');
  // A device key names its person, never a company: for an organisation the tie is the account
  // the certificate was issued to (checked above), whose holder acts for it in this case.
  if (method === 'platform' && expected.bin) return verdict;
  const checked = requireSigner(verdict, expected);
  if (!checked.ok) throw refused(checked.reason);
  return verdict;
};

const embed = (prepared: PreparedSignature, cms: Uint8Array) => {
  try {
    return embedSignature(prepared, cms);
  } catch (error) {
    if (error instanceof PadesError) throw refused(error.code);
    throw error;
  }
};

const parseCms = (text: string) => {
  try {
    return cmsDer(text);
  } catch {
    throw refused('malformed');
  }
};

export const submitSignature = async (
  ctx: AppContext,
  principal: Principal,
  caseId: string,
  input: z.infer<typeof signatureSubmission>,
) => {
  const turn = await signerTurn(ctx, principal, caseId);
  const { basedOn, prepared } = await prepare(ctx, turn);
  if (basedOn !== input.basedOn) throw new Problem(409, 'agreement_pdf_changed');
  const cms = parseCms(input.cms);
  const now = ctx.clock.now();
  const verdict = await ctx.signatures.verifier.verifyDetached(cms, prepared.signedContent, { at: now });
  const valid = await checkSigner(ctx, principal, turn.actor, input.method, verdict);
  const signed = embed(prepared, cms);
  const key = await putFile(ctx, turn.row, signed);
  const signedSha = sha256(signed);
  await transact(ctx, async (tx, after) => {
    // The case first, then the agreement: the order every agreement command locks them in.
    const loaded = await loadCase(tx, caseId, 'update');
    const [row] = await tx.select().from(agreements).where(eq(agreements.id, turn.row.id)).for('update');
    // Another signer's revision landed since we prepared: this one no longer extends the PDF.
    if (!row || (row.signedPdfSha256 ?? row.pdfSha256) !== basedOn)
      throw new Problem(409, 'agreement_pdf_changed');
    const existing = await signaturesOf(tx, row.id);
    if (existing.some((s) => s.signer === turn.actor.key))
      throw new Problem(409, 'agreement_already_signed_by_you');
    await tx.insert(agreementSignatures).values({
      agreementId: row.id,
      position: existing.length + 1,
      signer: turn.actor.key,
      userId: principal.userId,
      method: input.method,
      kind: valid.kind,
      commonName: valid.signer.commonName,
      iin: valid.signer.iin,
      bin: valid.signer.bin,
      certificateSerial: valid.certificate.serialHex,
      certificateFingerprint: valid.certificate.fingerprint,
      signingTime: valid.signingTime,
      cms: Buffer.from(cms),
      revisionSha256: signedSha,
      createdAt: now,
    });
    const everyone = requiredSigners(turn.actor.loaded);
    const signedBy = [...existing.map((s) => s.signer), turn.actor.key];
    const complete = everyone.every((k) => signedBy.includes(k));
    await tx
      .update(agreements)
      .set({
        signedPdfBlob: key,
        signedPdfSha256: signedSha,
        updatedAt: now,
        ...(complete ? { status: 'signed' } : {}),
      })
      .where(eq(agreements.id, row.id));
    await audit(
      tx,
      {
        actorId: principal.userId,
        action: complete ? 'agreement.signed_by_all' : 'agreement.signed',
        subjectType: 'agreement',
        subjectId: row.id,
        data: {
          caseId,
          as: turn.actor.key,
          method: input.method,
          kind: valid.kind,
          certificate: valid.certificate.fingerprint,
          revisionSha256: signedSha,
        },
      },
      now,
    );
    await tellParticipants(
      { ctx, tx, after, userId: principal.userId, actor: turn.actor },
      complete ? 'signed_by_all' : 'signed',
    );
    // R-MED-21: the agreement signed by everyone ends the mediation as settled.
    if (complete && loaded.row.status === 'active')
      await applyAction(ctx, { tx, after, loaded }, { kind: 'system' }, null, {
        type: 'settle_by_agreement',
      });
  });
};
