import type { z } from 'zod';
import type * as members from '../../../contracts/case-members.ts';
import { request } from '../../api.ts';

// The typed client of a case's representatives and interpreters (src/contracts/case-members.ts).
export type CaseMembers = z.infer<typeof members.caseMembersView>;
export type RepresentativeBody = z.input<typeof members.representativeInput>;
export type InterpreterBody = z.input<typeof members.interpreterInput>;
export type RoomPerson = CaseMembers['people'][number];

const base = (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}`;

export const membersKeys = { of: (caseId: string) => ['case-members', caseId] as const };

export const membersApi = {
  get: (caseId: string) => request<CaseMembers>('GET', `${base(caseId)}/members`),
  setRepresentative: (caseId: string, body: RepresentativeBody) =>
    request<CaseMembers>('PUT', `${base(caseId)}/representative`, body),
  removeRepresentative: (caseId: string) => request<CaseMembers>('DELETE', `${base(caseId)}/representative`),
  addInterpreter: (caseId: string, body: InterpreterBody) =>
    request<CaseMembers>('POST', `${base(caseId)}/interpreters`, body),
  removeInterpreter: (caseId: string, interpreterId: string) =>
    request<CaseMembers>('DELETE', `${base(caseId)}/interpreters/${encodeURIComponent(interpreterId)}`),
};

/** Languages offered for interpretation (ISO 639): the state and official languages, then neighbours'. */
export const INTERPRETER_LANGUAGES = [
  'kk',
  'ru',
  'en',
  'uz',
  'ug',
  'ky',
  'tg',
  'tr',
  'az',
  'zh',
  'de',
  'ko',
] as const;

/** A language's name in the reader's language, from the browser's own data (no message to keep). */
export const languageName = (code: string, locale: string) => {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
};
