import { z } from 'zod';
import { PROBLEM_CODES } from '../core/agreements/problems.ts';
import {
  AGREEMENT_LANGUAGES,
  OBLIGATION_TOPICS,
  PARTY_KINDS,
  PDF_LAYOUTS,
} from '../core/agreements/types.ts';
import { DISCRETION_ANSWERS } from '../core/law/sectoral.ts';
import { DISPUTE_CATEGORIES } from '../core/registry/reference.ts';

// Settlement agreements (issue 6). The contract checks shapes and sizes only; what makes an
// agreement lawful (R-MED-21, R-CPC-03, R-SG-01 …) is core/agreements/validate, whose problems
// come back with every version so the builder can show them beside the fields. Identity of the
// parties and of the mediator is never taken from the client: the server writes it from the case.

const TEXT_MAX = 4000;
const text = z.string().max(TEXT_MAX, 'too_long');
export const localizedText = z.object({ kk: text.optional(), ru: text.optional(), en: text.optional() });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'invalid_date');
const tiyn = z.number('required').int('amount_invalid').min(0, 'amount_invalid').max(1e15, 'amount_invalid');
const ref = z.string().min(1).max(64);

const subject = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('money'), amountTiyn: tiyn, purpose: localizedText.optional() }),
  z.object({ kind: z.literal('action'), description: localizedText }),
]);

const deadline = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('date'), date: isoDate }),
  z.object({
    kind: z.literal('instalments'),
    instalments: z.array(z.object({ date: isoDate, amountTiyn: tiyn })).max(120, 'too_many'),
  }),
  z.object({
    kind: z.literal('recurring'),
    frequency: z.enum(['weekly', 'monthly']),
    day: z.number().int(),
    from: isoDate,
    until: isoDate,
  }),
]);

const method = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('bank_transfer'), iban: z.string().max(40, 'too_long'), bank: text.optional() }),
  z.object({ kind: z.literal('cash_receipt') }),
  z.object({ kind: z.literal('delivery'), address: localizedText }),
  z.object({ kind: z.literal('in_person'), place: localizedText.optional() }),
  z.object({ kind: z.literal('other'), description: localizedText }),
]);

export const obligation = z.object({
  id: ref,
  topic: z.enum(OBLIGATION_TOPICS).optional(),
  debtor: ref,
  creditor: ref,
  subject: subject.optional(),
  deadline: deadline.optional(),
  method: method.optional(),
  condition: z.object({ kind: z.enum(['suspensive', 'resolutory']), text: localizedText }).optional(),
});

const share = z.object({ partyId: ref, percent: z.number().min(0).max(100) });

/** What the people of the case write; the server adds the case, the parties' identity and the mediator. */
export const agreementTerms = z.object({
  languages: z.array(z.enum(AGREEMENT_LANGUAGES, 'invalid_value')).min(1, 'required').max(3, 'too_many'),
  /** How the PDF prints it: one of its languages, or kk + ru side by side (DESIGN.md §6). */
  layout: z.enum(PDF_LAYOUTS, 'invalid_value'),
  subject: localizedText,
  place: localizedText,
  /** The parties' addresses and, for an organisation or body, who signs for it and on what basis. */
  parties: z
    .array(
      z.object({
        id: z.uuid('invalid_format'),
        address: localizedText.optional(),
        representative: z.object({ name: z.string().max(200, 'too_long'), basis: localizedText }).optional(),
      }),
    )
    .max(10),
  obligations: z.array(obligation).max(100, 'too_many'),
  clauses: z
    .array(z.object({ id: ref, text: localizedText, conditional: z.boolean().optional() }))
    .max(100, 'too_many'),
  legalCosts: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('set_off') }),
      z.object({ kind: z.literal('borne_by'), partyId: ref }),
      z.object({ kind: z.literal('split'), shares: z.array(share).max(10) }),
    ])
    .optional(),
  mediatorFee: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('free') }),
      z.object({ kind: z.literal('split'), amountTiyn: tiyn, shares: z.array(share).max(10) }),
    ])
    .optional(),
  international: z.boolean().optional(),
  administrativeDiscretion: z.enum(DISCRETION_ANSWERS).optional(),
  singaporeConvention: z.boolean().optional(),
});
export type AgreementTermsInput = z.infer<typeof agreementTerms>;

export const newAgreementVersion = z.object({
  /** The version the author started from: a newer one meanwhile → 409, nothing overwritten. */
  basedOn: z.number().int().min(0),
  note: z.string().trim().max(2000, 'too_long').optional(),
  terms: agreementTerms,
});

export const agreementComment = z.object({
  version: z.number().int().min(1),
  body: z.string('required').trim().min(1, 'required').max(4000, 'too_long'),
});

/** Approving names the version and its hash, so nobody approves a text they did not see. */
export const agreementApproval = z.object({
  version: z.number().int().min(1),
  hash: z.string().regex(/^[0-9a-f]{64}$/, 'invalid_format'),
});

export const SIGNING_METHODS = ['ncalayer', 'platform'] as const;

export const signingRequest = z.object({ method: z.enum(SIGNING_METHODS, 'invalid_value') });

/** What the signer's software signs: the byte range of the next PDF revision (PAdES). */
export const signingPrepared = z.object({
  /** SHA-256 of the PDF this revision is appended to; a signature made over an older one is refused. */
  basedOn: z.string(),
  fieldName: z.string(),
  /** The exact bytes to sign (detached CMS), base64. */
  content: z.string(),
  contentSha256: z.string(),
});

export const signatureSubmission = z.object({
  method: z.enum(SIGNING_METHODS, 'invalid_value'),
  basedOn: z.string().regex(/^[0-9a-f]{64}$/, 'invalid_format'),
  /** Detached CMS (DER), base64 or PEM as NCALayer returns it. */
  cms: z.string('required').min(16, 'required').max(200_000, 'too_long'),
});

export const certificateRequest = z.object({
  /** PKCS#10 request (DER, base64) signed by the browser's key: the proof that the caller holds it. */
  csr: z.string('required').min(16, 'required').max(20_000, 'too_long'),
});
export const issuedCertificate = z.object({
  certificate: z.string().describe('DER, base64'),
  serial: z.string(),
  notAfter: z.iso.datetime(),
});

export const signerRole = z.enum(['mediator', 'party']);

const problemView = z.object({
  code: z.enum(PROBLEM_CODES),
  rule: z.string().nullable(),
  severity: z.enum(['error', 'warning']),
  path: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

export const signatureView = z.object({
  position: z.number().int(),
  method: z.enum(SIGNING_METHODS),
  /** qualified = EDS of NCA RK; simple = a platform key (not an EDS). */
  kind: z.enum(['qualified', 'simple']),
  commonName: z.string().nullable(),
  signedAt: z.iso.datetime(),
});

export const signerView = z.object({
  /** `mediator` or the party's id. */
  key: z.string(),
  role: signerRole,
  name: z.string(),
  approvedLatest: z.boolean(),
  signature: signatureView.nullable(),
});

export const FILING_CHANNELS = ['in_app', 'webhook', 'download'] as const;

export const filingView = z.object({
  id: z.uuid(),
  channel: z.enum(FILING_CHANNELS),
  courtName: z.string().nullable(),
  courtCaseNumber: z.string().nullable(),
  status: z.enum(['awaiting_consent', 'filed', 'approved', 'refused']),
  consents: z.array(z.object({ partyId: z.uuid(), name: z.string(), at: z.iso.datetime().nullable() })),
  filedAt: z.iso.datetime().nullable(),
  deliveries: z.array(
    z.object({
      attempt: z.number().int(),
      status: z.enum(['pending', 'delivered', 'failed']),
      httpStatus: z.number().int().nullable(),
      at: z.iso.datetime().nullable(),
    }),
  ),
  decision: z
    .object({
      approved: z.boolean(),
      rulingNumber: z.string().nullable(),
      rulingDate: z.string().nullable(),
      reason: z.string().nullable(),
      /** R-CPC-06: the state fee refund due to the plaintiff, when the ruling states the fee. */
      refund: z
        .object({ stateFeeTiyn: z.number().int(), refundTiyn: z.number().int(), percent: z.number() })
        .nullable(),
      at: z.iso.datetime(),
    })
    .nullable(),
});

export type FilingView = z.infer<typeof filingView>;

export const agreementVersionSummary = z.object({
  number: z.number().int(),
  hash: z.string(),
  authorRole: signerRole,
  authorName: z.string(),
  note: z.string().nullable(),
  createdAt: z.iso.datetime(),
});

export const agreementView = z.object({
  id: z.uuid(),
  status: z.enum(['drafting', 'frozen', 'signed']),
  category: z.enum(DISPUTE_CATEGORIES),
  latestVersion: z.number().int(),
  frozenVersion: z.number().int().nullable(),
  /** The version shown: the latest, or the one asked for with ?version=. */
  version: agreementVersionSummary.extend({
    draft: z.record(z.string(), z.unknown()).describe('AgreementDraft (core/agreements/types.ts)'),
    terms: agreementTerms,
    problems: z.array(problemView),
  }),
  versions: z.array(agreementVersionSummary),
  comments: z.array(
    z.object({
      id: z.uuid(),
      version: z.number().int(),
      authorRole: signerRole,
      authorName: z.string(),
      body: z.string(),
      createdAt: z.iso.datetime(),
    }),
  ),
  signers: z.array(signerView),
  /** The parties of the agreement as the builder lists them (id, kind, name) for its menus. */
  parties: z.array(z.object({ id: z.uuid(), kind: z.enum(PARTY_KINDS), name: z.string() })),
  pdf: z.object({ sha256: z.string(), signedSha256: z.string().nullable() }).nullable(),
  /** What the caller may do now. */
  can: z.object({
    edit: z.boolean(),
    approve: z.boolean(),
    sign: z.boolean(),
    requestFiling: z.boolean(),
    consentFiling: z.boolean(),
  }),
  /** Who the caller is here: `mediator`, a party id, or null for a representative (reads only). */
  me: z.string().nullable(),
  filing: filingView.nullable(),
});
export type AgreementView = z.infer<typeof agreementView>;

export const agreementQuery = z.object({ version: z.coerce.number().int().min(1).optional() });

export const filingRequest = z.object({
  channel: z.enum(FILING_CHANNELS, 'invalid_value'),
  /** The court in Kelisim (channel in_app) for a case no court referred. */
  courtId: z.uuid('invalid_format').optional(),
});

export const courtDecision = z.discriminatedUnion('decision', [
  z.object({
    decision: z.literal('approve'),
    rulingNumber: z.string('required').trim().min(1, 'required').max(100, 'too_long'),
    rulingDate: isoDate,
    stateFeeTiyn: tiyn.optional(),
  }),
  z.object({
    decision: z.literal('refuse'),
    rulingNumber: z.string().trim().max(100, 'too_long').optional(),
    rulingDate: isoDate,
    reason: z.string('required').trim().min(3, 'required').max(4000, 'too_long'),
  }),
]);

export const courtFilingSummary = z.object({
  id: z.uuid(),
  caseNumber: z.string(),
  courtCaseNumber: z.string().nullable(),
  category: z.enum(DISPUTE_CATEGORIES),
  parties: z.array(z.string()),
  status: z.enum(['filed', 'approved', 'refused']),
  filedAt: z.iso.datetime(),
  packageSha256: z.string(),
  decision: filingView.shape.decision,
});

/** The public verification answer: never the content, only whether and by whom it was signed. */
export const verificationReport = z.object({
  found: z.boolean(),
  caseNumber: z.string().nullable(),
  agreementHash: z.string().nullable(),
  frozenAt: z.iso.datetime().nullable(),
  /** Whether the checked file is byte for byte a revision Kelisim issued (for an uploaded PDF). */
  fileMatches: z.boolean().nullable(),
  complete: z.boolean(),
  signatures: z.array(
    z.object({
      name: z.string().nullable(),
      role: signerRole.nullable(),
      kind: z.enum(['qualified', 'simple']).nullable(),
      signedAt: z.iso.datetime().nullable(),
      valid: z.boolean(),
      reason: z.string().nullable(),
    }),
  ),
  courtApproval: z
    .object({ rulingNumber: z.string().nullable(), rulingDate: z.string().nullable() })
    .nullable(),
});
