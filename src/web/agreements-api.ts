import type { z } from 'zod';
import type * as agreements from '../contracts/agreements.ts';
import { request } from './api.ts';

// The typed client of settlement agreements (src/contracts/agreements.ts): the agreement of a
// case, its versions, comments and approvals, signing, filing with a court, the court's inbox and
// the public verification.
export type AgreementView = z.infer<typeof agreements.agreementView>;
export type AgreementTerms = z.input<typeof agreements.agreementTerms>;
export type NewVersionBody = z.input<typeof agreements.newAgreementVersion>;
export type SigningPrepared = z.infer<typeof agreements.signingPrepared>;
export type SignatureSubmission = z.input<typeof agreements.signatureSubmission>;
export type SigningMethod = (typeof agreements.SIGNING_METHODS)[number];
export type FilingRequest = z.input<typeof agreements.filingRequest>;
export type FilingView = z.infer<typeof agreements.filingView>;
export type CourtDecision = z.input<typeof agreements.courtDecision>;
export type CourtFilingSummary = z.infer<typeof agreements.courtFilingSummary>;
export type VerificationReport = z.infer<typeof agreements.verificationReport>;
export type IssuedCertificate = z.infer<typeof agreements.issuedCertificate>;

const id = (value: string) => encodeURIComponent(value);
const base = (caseId: string) => `/api/cases/${id(caseId)}/agreement`;

export const agreementsApi = {
  get: (caseId: string, version?: number) =>
    request<AgreementView>('GET', version ? `${base(caseId)}?version=${version}` : base(caseId)),
  /** Version 1, from terms the builder started from the category's template. */
  create: (caseId: string, terms: AgreementTerms) => request<AgreementView>('POST', base(caseId), { terms }),
  propose: (caseId: string, body: NewVersionBody) =>
    request<AgreementView>('POST', `${base(caseId)}/versions`, body),
  comment: (caseId: string, version: number, body: string) =>
    request<AgreementView>('POST', `${base(caseId)}/comments`, { version, body }),
  approve: (caseId: string, version: number, hash: string) =>
    request<AgreementView>('POST', `${base(caseId)}/approve`, { version, hash }),
  prepareSigning: (caseId: string, method: SigningMethod) =>
    request<SigningPrepared>('POST', `${base(caseId)}/signing`, { method }),
  sign: (caseId: string, body: SignatureSubmission) =>
    request<AgreementView>('POST', `${base(caseId)}/signatures`, body),
  requestFiling: (caseId: string, body: FilingRequest) =>
    request<AgreementView>('POST', `${base(caseId)}/filing`, body),
  consentFiling: (caseId: string) => request<AgreementView>('POST', `${base(caseId)}/filing/consent`, {}),
  courtFilings: () => request<CourtFilingSummary[]>('GET', '/api/court/filings'),
  decide: (filingId: string, body: CourtDecision) =>
    request<CourtFilingSummary>('POST', `/api/court/filings/${id(filingId)}/decision`, body),
  verifyHash: (hash: string) => request<VerificationReport>('GET', `/api/verify/${id(hash)}`),
  issueCertificate: (csr: string) => request<IssuedCertificate>('POST', '/api/signing/certificate', { csr }),
};

/** Plain links (downloads need no script). */
export const agreementUrls = {
  /** The PDF as it stands: frozen, or with the signatures made so far. */
  pdf: (caseId: string) => `${base(caseId)}/pdf`,
  evidence: (caseId: string) => `${base(caseId)}/evidence.zip`,
  filingPackage: (caseId: string) => `${base(caseId)}/filing/package.zip`,
  courtPackage: (filingId: string) => `/api/court/filings/${id(filingId)}/package.zip`,
};

export const agreementKeys = {
  one: (caseId: string) => ['cases', 'one', caseId, 'agreement'] as const,
  court: ['court', 'filings'] as const,
};
