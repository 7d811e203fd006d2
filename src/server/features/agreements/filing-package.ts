import type { LocalizedText } from '../../../core/agreements/types.ts';
import type { DisputeCategory } from '../../../core/registry/reference.ts';
import type { AppContext } from '../../context.ts';
import type { Attestor } from '../../platform/signatures/attestation.ts';
import { readZipEntry } from '../../platform/zip.ts';
import { type BuiltPackage, buildAttestedPackage, type EvidenceInput } from './evidence.ts';
import { putFile, readFile, sha256 } from './store.ts';

// The filing package (R-CPC-04/06): the evidence package plus what a court needs to register the
// request for approval — court, case numbers, parties, amounts, both parties' consents — as
// filing.json, signed by the platform like the attestation. Only the signed agreement and these
// facts go to a court, never messages or notes (R-MED-17); and nothing before every party consented.

export const FILING_FORMAT = 'kelisim.filing/1';
export const FILING_NAME = 'filing.json';

export type FilingMetadata = {
  filingId: string;
  /** `id` is the court's id in Kelisim (null for a court outside it), `code` its official code. */
  court: { id: string | null; code: string | null; name: string };
  courtCaseNumber: string | null;
  category: DisputeCategory;
  /** `id` is the case party's id: amounts and consents refer to parties by it. */
  parties: Array<{
    id: string;
    role: 'initiator' | 'respondent';
    kind: 'individual' | 'organisation';
    name: string;
    iin?: string;
    bin?: string;
  }>;
  /** The agreement's money obligations (debtor and creditor are party ids). */
  amounts: Array<{ debtor: string; creditor: string; amountTiyn: number; purpose?: LocalizedText }>;
  consents: Array<{ party: string; at: Date }>;
  filedAt: Date;
};

export type FilingDocument = ReturnType<typeof filingDocument>;

const filingDocument = (evidence: EvidenceInput, metadata: FilingMetadata) => ({
  format: FILING_FORMAT,
  filingId: metadata.filingId,
  court: metadata.court,
  courtCaseNumber: metadata.courtCaseNumber,
  caseNumber: evidence.caseNumber,
  category: metadata.category,
  parties: metadata.parties,
  amounts: metadata.amounts,
  consents: metadata.consents.map((c) => ({ party: c.party, at: c.at.toISOString() })),
  agreementHash: evidence.agreementHash,
  /** The frozen PDF (what the verification page and the QR code name). */
  pdfSha256: evidence.originalPdf.sha256,
  signedPdfSha256: sha256(evidence.signedPdf),
  filedAt: metadata.filedAt.toISOString(),
});

/** A court receives nothing unless every party consented, and nothing that names anyone else. */
const checkFiling = (metadata: FilingMetadata) => {
  const ids = new Set(metadata.parties.map((p) => p.id));
  const consented = new Set(metadata.consents.map((c) => c.party));
  if (metadata.parties.length === 0) throw new Error('filing: no parties');
  for (const id of ids) if (!consented.has(id)) throw new Error(`filing: party ${id} has not consented`);
  for (const id of consented) if (!ids.has(id)) throw new Error(`filing: consent of unknown party ${id}`);
  for (const amount of metadata.amounts)
    if (!ids.has(amount.debtor) || !ids.has(amount.creditor))
      throw new Error('filing: an amount names someone who is not a party');
};

const DESCRIBE_FILING = {
  kk: 'сотқа беру деректері: сот, іс нөмірлері, тараптар, санат, сомалар, тараптардың келісімі',
  ru: 'сведения для суда: суд, номера дел, стороны, категория, суммы, согласия сторон',
  en: 'the filing for the court: court, case numbers, parties, category, amounts, the parties’ consents',
};

export type BuiltFiling = BuiltPackage & { filing: FilingDocument };

/** The evidence package with filing.json and its attestation: what the court receives. */
export const buildFilingPackage = async (
  evidence: EvidenceInput,
  metadata: FilingMetadata,
  attestor: Pick<Attestor, 'attest' | 'caCertificatePem'>,
): Promise<BuiltFiling> => {
  checkFiling(metadata);
  const filing = filingDocument(evidence, metadata);
  const built = await buildAttestedPackage(evidence, attestor, [
    { name: FILING_NAME, value: filing, describe: DESCRIBE_FILING },
  ]);
  return { ...built, filing };
};

// Storage. The package holds the agreement, mediation content (R-MED-17): sealed under the case's
// key in the blob store like the PDFs (store.ts); packageSha256 is the SHA-256 of the plain ZIP.

/** Stores the package sealed; returns what agreement_filings keeps (packageBlob, packageSha256). */
export const putFilingPackage = async (
  ctx: AppContext,
  filing: { id: string; caseId: string },
  zip: Uint8Array,
) => ({
  packageBlob: await putFile(ctx, filing, zip, 'zip'),
  packageSha256: sha256(zip),
});

/** The stored package, checked against its recorded hash; throws when missing or altered. */
export const readFilingPackage = async (
  ctx: AppContext,
  filing: { caseId: string; packageBlob: string; packageSha256: string },
) => {
  const zip = await readFile(ctx, filing, filing.packageBlob);
  if (sha256(zip) !== filing.packageSha256) throw new Error('filing package does not match its hash');
  return zip;
};

/** filing.json exactly as the package carries it (and its attestation signs). */
export const filingOfPackage = (zip: Uint8Array): FilingDocument => {
  const bytes = readZipEntry(zip, FILING_NAME);
  if (!bytes) throw new Error('filing package without filing.json');
  return JSON.parse(new TextDecoder().decode(bytes)) as FilingDocument;
};
