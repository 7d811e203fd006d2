import type { z } from 'zod';
import type * as cases from '../contracts/cases.ts';
import { type MatchResult, request } from './api.ts';

// The typed client of the case lifecycle (src/contracts/cases.ts): requests, invitations, mediator
// choice, contract, clock, endings, court referrals and dashboards.
export type CaseRequest = z.input<typeof cases.caseRequest>;
export type CaseView = z.infer<typeof cases.caseView>;
export type CaseStatus = z.infer<typeof cases.caseStatus>;
export type CaseActionType = z.infer<typeof cases.caseActionType>;
export type CasePartyView = z.infer<typeof cases.partyView>;
export type ContractTerms = z.infer<typeof cases.contractTerms>;
export type CaseList = z.infer<typeof cases.caseList>;
export type CaseSummary = z.infer<typeof cases.caseSummary>;
export type CaseListStatus = z.input<typeof cases.caseListQuery>['status'];
export type ScreeningAnswers = z.infer<typeof cases.screeningAnswers>;
export type ScreeningResult = z.infer<typeof cases.screeningResult>;
export type CaseInvitationView = z.infer<typeof cases.caseInvitationView>;
export type MediatorAnswerBody = z.input<typeof cases.mediatorAnswer>;
export type MediatorAnswerResult = z.infer<typeof cases.mediatorAnswerResult>;
export type ExtensionBody = z.input<typeof cases.extension>;
export type EndingBody = z.input<typeof cases.ending>;
export type RatingBody = z.input<typeof cases.rating>;
export type CourtReferralBody = z.input<typeof cases.courtReferral>;
type Created = z.infer<typeof cases.caseCreated>;
type Ok = { ok: true };

const id = (value: string) => encodeURIComponent(value);
const caseAction = (caseId: string, action: string, body: unknown = {}) =>
  request<CaseView>('POST', `/api/cases/${id(caseId)}/${action}`, body);

export const casesApi = {
  list: (status: CaseListStatus, offset = 0) =>
    request<CaseList>('GET', `/api/cases?status=${status ?? 'open'}&offset=${offset}`),
  get: (caseId: string) => request<CaseView>('GET', `/api/cases/${id(caseId)}`),
  /** Creates a draft; the key makes a double click (or a retry on a weak connection) create one case. */
  create: (body: CaseRequest, idempotencyKey: string) =>
    request<Created>('POST', '/api/cases', body, { headers: { 'idempotency-key': idempotencyKey } }),
  saveDraft: (caseId: string, body: CaseRequest) =>
    request<CaseView>('PATCH', `/api/cases/${id(caseId)}`, body),
  discardDraft: (caseId: string) => request<Ok>('DELETE', `/api/cases/${id(caseId)}`),
  screening: (caseId: string, answers: ScreeningAnswers) =>
    request<ScreeningResult>('POST', `/api/cases/${id(caseId)}/screening`, answers),
  submit: (caseId: string) => caseAction(caseId, 'submit'),
  suggestions: (caseId: string) => request<MatchResult>('GET', `/api/cases/${id(caseId)}/suggestions`),
  chooseMediator: (caseId: string, mediatorId: string) =>
    caseAction(caseId, 'mediator-choice', { mediatorId }),
  /** A CaseView when the mediator accepts; `{ id, status, released: true }` when they decline (they leave the case). */
  answerAsMediator: (caseId: string, body: MediatorAnswerBody) =>
    request<MediatorAnswerResult>('POST', `/api/cases/${id(caseId)}/mediator-answer`, body),
  confirmContract: (caseId: string, contractHash: string) =>
    caseAction(caseId, 'contract/confirm', { contractHash }),
  extend: (caseId: string, body: ExtensionBody) => caseAction(caseId, 'extension', body),
  end: (caseId: string, body: EndingBody) => caseAction(caseId, 'ending', body),
  withdraw: (caseId: string, reason?: string) => caseAction(caseId, 'withdrawal', { reason }),
  rate: (caseId: string, body: RatingBody) => caseAction(caseId, 'rating', body),

  invitation: (token: string) =>
    request<CaseInvitationView>('GET', `/api/case-invitations/${id(token)}`, undefined, {
      authRedirect: false,
    }),
  acceptInvitation: (token: string, screening?: ScreeningAnswers) =>
    request<{ caseId: string }>('POST', `/api/case-invitations/${id(token)}/accept`, { screening }),
  declineInvitation: (token: string, reason?: string) =>
    request<Ok>('POST', `/api/case-invitations/${id(token)}/decline`, { reason }, { authRedirect: false }),

  refer: (body: CourtReferralBody, idempotencyKey: string) =>
    request<Created>('POST', '/api/court/referrals', body, {
      headers: { 'idempotency-key': idempotencyKey },
    }),
};

export const caseKeys = {
  all: ['cases'] as const,
  list: (status: string, offset: number) => ['cases', 'list', status, offset] as const,
  one: (caseId: string) => ['cases', 'one', caseId] as const,
  suggestions: (locale: string, caseId: string) => ['cases', 'suggestions', locale, caseId] as const,
  invitation: (token: string) => ['case-invitation', token] as const,
};
