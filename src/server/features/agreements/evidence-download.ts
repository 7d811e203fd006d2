import type { AppContext } from '../../context.ts';
import type { Principal } from '../../platform/auth/sessions.ts';
import { Problem } from '../../platform/errors.ts';
import { buildEvidencePackage, type EvidenceInput } from './evidence.ts';
import { signingParties } from './facts.ts';
import { findFiling } from './filing-view.ts';
import { readEmbeddedSignatures } from './pades/index.ts';
import { type AgreementActor, agreementReader } from './policy.ts';
import {
  type AgreementRow,
  currentPdf,
  loadVersion,
  openDraft,
  readFile,
  requireAgreement,
  signaturesOf,
} from './store.ts';

// The evidence package of a signed agreement (R-SG-02), built from what is stored: the signed PDF,
// each signature as its signer's software made it (the CMS rows), and who they were. The byte
// ranges come from the PDF itself, so the manifest says what each signature really covers.

export const evidenceInputOf = async (
  ctx: AppContext,
  actor: Pick<AgreementActor, 'loaded'>,
  row: AgreementRow,
): Promise<EvidenceInput> => {
  if (
    row.status !== 'signed' ||
    !row.pdfSha256 ||
    !row.pdfLength ||
    row.frozenVersion === null ||
    !row.frozenAt
  )
    throw new Problem(409, 'agreement_not_signed');
  const signedPdf = await currentPdf(ctx, row);
  const embedded = readEmbeddedSignatures(signedPdf);
  const rows = await signaturesOf(ctx.db, row.id);
  const frozen = await loadVersion(ctx.db, row.id, row.frozenVersion);
  const draft = await openDraft(ctx, row.caseId, frozen);
  const parties = signingParties(actor.loaded);
  return {
    caseNumber: actor.loaded.row.number,
    agreementHash: frozen.hash,
    frozenAt: row.frozenAt,
    publicUrl: ctx.config.publicUrl,
    originalPdf: { sha256: row.pdfSha256, length: row.pdfLength },
    signedPdf,
    mediator: {
      name: draft.mediator.name,
      registryNumber: draft.mediator.registryNumber,
      organisation: draft.mediator.organisation.ru ?? draft.mediator.organisation.kk ?? '',
    },
    parties: parties.map((p) => ({
      name: p.fullName,
      ...(p.iin ? { iin: p.iin } : {}),
      ...(p.bin ? { bin: p.bin } : {}),
    })),
    signatures: rows.map((s) => {
      const inPdf = embedded[s.position - 1];
      if (!inPdf) throw new Error(`signature ${s.position} of agreement ${row.id} is not in its PDF`);
      return {
        position: s.position,
        role: s.signer === 'mediator' ? 'mediator' : 'party',
        name:
          s.signer === 'mediator'
            ? draft.mediator.name
            : (parties.find((p) => p.id === s.signer)?.fullName ?? ''),
        method: s.method,
        kind: s.kind,
        signingTime: s.signingTime,
        cms: new Uint8Array(s.cms),
        signedContent: inPdf.signedContent,
        byteRange: inPdf.byteRange,
      };
    }),
    issuedAt: ctx.clock.now(),
  };
};

export const evidencePackage = async (ctx: AppContext, principal: Principal, caseId: string) => {
  const actor = await agreementReader(ctx.db, principal, caseId);
  const row = await requireAgreement(ctx.db, caseId);
  const built = await buildEvidencePackage(await evidenceInputOf(ctx, actor, row), ctx.signatures.attestor);
  return { bytes: built.zip, name: `kelisim-${actor.loaded.row.number}-evidence.zip` };
};

/** The package exactly as filed (stored when the last consent filed it). */
export const filingPackageForParty = async (ctx: AppContext, principal: Principal, caseId: string) => {
  const actor = await agreementReader(ctx.db, principal, caseId);
  const row = await requireAgreement(ctx.db, caseId);
  const filing = await findFiling(ctx.db, row.id);
  if (!filing?.packageBlob) throw new Problem(404, 'filing_not_found');
  return {
    bytes: await readFile(ctx, row, filing.packageBlob),
    name: `kelisim-${actor.loaded.row.number}-filing.zip`,
  };
};
