import type { z } from 'zod';
import type * as schedule from '../contracts/schedule.ts';
import { request } from './api.ts';

// The typed client of scheduling (src/contracts/schedule.ts): a case's sessions, proposals,
// answers, other times, cancellation, and the calendar file of a confirmed session.
export type SessionList = z.infer<typeof schedule.sessionList>;
export type SessionView = z.infer<typeof schedule.sessionView>;
export type SessionProposalBody = z.input<typeof schedule.sessionProposal>;
export type SessionCounterBody = z.input<typeof schedule.sessionCounter>;
export type SessionAction = z.infer<typeof schedule.sessionAction>;

const id = (value: string) => encodeURIComponent(value);
const sessionPath = (caseId: string, sessionId: string, action: string) =>
  `/api/cases/${id(caseId)}/sessions/${id(sessionId)}/${action}`;

export const scheduleApi = {
  list: (caseId: string) => request<SessionList>('GET', `/api/cases/${id(caseId)}/sessions`),
  propose: (caseId: string, body: SessionProposalBody) =>
    request<SessionList>('POST', `/api/cases/${id(caseId)}/sessions`, body),
  answer: (caseId: string, sessionId: string, answer: 'accept' | 'decline') =>
    request<SessionList>('POST', sessionPath(caseId, sessionId, 'answer'), { answer }),
  counter: (caseId: string, sessionId: string, body: SessionCounterBody) =>
    request<SessionList>('POST', sessionPath(caseId, sessionId, 'counter'), body),
  cancel: (caseId: string, sessionId: string) =>
    request<SessionList>('POST', sessionPath(caseId, sessionId, 'cancel'), {}),
};

/** Where the browser downloads a confirmed session's calendar file (a plain link, no script). */
export const sessionCalendarUrl = (caseId: string, sessionId: string) =>
  sessionPath(caseId, sessionId, 'calendar.ics');

export const scheduleKeys = {
  list: (caseId: string) => ['cases', 'one', caseId, 'sessions'] as const,
};
