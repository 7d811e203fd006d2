import type { TestApp } from './app.ts';
import { listedMediator, registerUser, sentMail, validIin } from './factories.ts';

// Helpers for tests that need a case at some point of its life, reached through the real API.

export type Session = { cookie: string; me: { id: string; iin?: string }; email: string };

export const call = (
  t: TestApp,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  cookie?: string,
  payload?: object,
  headers: Record<string, string> = {},
) => t.app.inject({ method, url, headers: { ...(cookie ? { cookie } : {}), ...headers }, payload });

export const completeRequest = (
  respondent: { iin: string; email: string; fullName?: string },
  overrides: object = {},
) => ({
  category: 'civil',
  subject: 'Return of a loan of 500 000 ₸',
  description: 'I lent money in March; it was to be returned in September.',
  claimAmountKzt: 500_000,
  region: 'north_kazakhstan',
  language: 'kk',
  remote: true,
  wantsPublicMediator: false,
  respondent: {
    kind: 'individual',
    fullName: respondent.fullName ?? 'Берік Сапарұлы Омаров',
    iin: respondent.iin,
    email: respondent.email,
  },
  ...overrides,
});

/** The invitation link's token from the newest email to this address. */
export const invitationTokenFor = (t: TestApp, email: string) => {
  const mail = sentMail(t).find((m) => m.to === email && m.text.includes('/cases/invitation/'));
  if (!mail) throw new Error(`no invitation mail to ${email}`);
  const match = mail.text.match(/\/cases\/invitation\/([A-Za-z0-9_-]+)/);
  if (!match?.[1]) throw new Error('no invitation link');
  return match[1];
};

/** A submitted request: the initiator A, the respondent B (registered, not yet accepted), the token. */
export const invitedCase = async (t: TestApp, overrides: object = {}) => {
  const a = await registerUser(t);
  const bIin = validIin();
  const b = await registerUser(t, { iin: bIin });
  const created = await call(
    t,
    'POST',
    '/api/cases',
    a.cookie,
    completeRequest({ iin: bIin, email: b.email }, overrides),
  );
  const caseId = created.json().id as string;
  const submitted = await call(t, 'POST', `/api/cases/${caseId}/submit`, a.cookie);
  if (submitted.statusCode !== 200) throw new Error(`submit failed: ${submitted.body}`);
  return { a, b, caseId, token: invitationTokenFor(t, b.email) };
};

/** A case both parties accepted, with a listed mediator M both chose, who accepted: the contract stage. */
export const contractCase = async (
  t: TestApp,
  overrides: object = {},
  mediator?: { cookie: string; mediatorId: string },
) => {
  const invited = await invitedCase(t, overrides);
  const { a, b, caseId, token } = invited;
  await call(t, 'POST', `/api/case-invitations/${token}/accept`, b.cookie, {});
  const m = mediator ?? (await listedMediator(t));
  for (const party of [a, b])
    await call(t, 'POST', `/api/cases/${caseId}/mediator-choice`, party.cookie, { mediatorId: m.mediatorId });
  const view = (await call(t, 'GET', `/api/cases/${caseId}`, m.cookie)).json();
  const declarations = view.parties.map((p: { id: string }) => ({ partyId: p.id, conflict: false }));
  const answered = await call(t, 'POST', `/api/cases/${caseId}/mediator-answer`, m.cookie, {
    accept: true,
    declarations,
  });
  if (answered.statusCode !== 200) throw new Error(`mediator answer failed: ${answered.body}`);
  return { ...invited, m, hash: answered.json().contract.hash as string };
};

/** A running mediation: everyone confirmed the contract. */
export const activeCase = async (t: TestApp, overrides: object = {}) => {
  const c = await contractCase(t, overrides);
  for (const who of [c.a, c.b, c.m])
    await call(t, 'POST', `/api/cases/${c.caseId}/contract/confirm`, who.cookie, { contractHash: c.hash });
  return c;
};
