import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import {
  activeCase,
  call,
  completeRequest,
  contractCase,
  invitationTokenFor,
  invitedCase,
} from '../../../../test/cases.ts';
import { listedMediator, registerUser, sentMail, validIin } from '../../../../test/factories.ts';
import { auditEvents, mediators } from '../../db/schema/index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
beforeEach(() => t.reset());

const get = (caseId: string, cookie: string) => call(t, 'GET', `/api/cases/${caseId}`, cookie);

describe('request → invitation → mediator → contract → active (issue 4)', () => {
  it('walks the whole path through the API, each step visible to both parties', async () => {
    const a = await registerUser(t);
    const bIin = validIin();
    const b = await registerUser(t, { iin: bIin });

    // A draft: incomplete is fine, submitting it is not.
    const draft = await call(
      t,
      'POST',
      '/api/cases',
      a.cookie,
      { category: 'civil' },
      { 'idempotency-key': 'draft-key-0001' },
    );
    expect(draft.statusCode).toBe(201);
    const caseId = draft.json().id;
    const again = await call(
      t,
      'POST',
      '/api/cases',
      a.cookie,
      { category: 'civil' },
      { 'idempotency-key': 'draft-key-0001' },
    );
    expect(again.json().id).toBe(caseId);
    const incomplete = await call(t, 'POST', `/api/cases/${caseId}/submit`, a.cookie);
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['subject', 'region', 'respondent.iin']),
    );
    expect((await get(caseId, a.cookie)).json().status).toBe('draft');

    const saved = await call(
      t,
      'PATCH',
      `/api/cases/${caseId}`,
      a.cookie,
      completeRequest({ iin: bIin, email: 'b-other@example.kz' }),
    );
    expect(saved.statusCode).toBe(200);
    expect(saved.json().request.subject).toBe('Return of a loan of 500 000 ₸');
    const submitted = await call(t, 'POST', `/api/cases/${caseId}/submit`, a.cookie);
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json().status).toBe('invited');
    expect(submitted.json().waiting.code).toBe('reply');

    // R-MED-10: the email (in Kazakh and Russian) gives the reply-by date ten days on.
    const token = invitationTokenFor(t, 'b-other@example.kz');
    const mail = sentMail(t).find((m) => m.to === 'b-other@example.kz');
    expect(mail?.text).toContain('2026-12-04');
    expect(mail?.subject).toMatch(/Медиацияға шақыру.*Приглашение на медиацию/);
    // B is registered with that IIN: told in the app as well.
    const notes = (await call(t, 'GET', '/api/notifications', b.cookie)).json();
    expect(notes.notifications[0].link).toBe(`/cases/invitation/${token}`);

    // Proof of notice: delivered, then read when the link is opened.
    let respondent = (await get(caseId, a.cookie))
      .json()
      .parties.find((p: { side: string }) => p.side === 'respondent');
    expect(respondent.invitation.deliveredAt).not.toBeNull();
    expect(respondent.invitation.readAt).toBeNull();
    const proposal = await call(t, 'GET', `/api/case-invitations/${token}`, b.cookie);
    expect(proposal.json()).toMatchObject({
      replyBy: '2026-12-04',
      viewerMatches: true,
      invitedBy: a.me.fullName,
    });
    respondent = (await get(caseId, a.cookie))
      .json()
      .parties.find((p: { side: string }) => p.side === 'respondent');
    expect(respondent.invitation.readAt).not.toBeNull();

    // Someone else cannot accept in B's place; B can.
    const stranger = await registerUser(t);
    expect(
      (await call(t, 'POST', `/api/case-invitations/${token}/accept`, stranger.cookie, {})).json().code,
    ).toBe('invitation_identity_mismatch');
    expect((await get(caseId, stranger.cookie)).statusCode).toBe(404);
    const accepted = await call(t, 'POST', `/api/case-invitations/${token}/accept`, b.cookie, {});
    expect(accepted.json()).toEqual({ caseId });
    expect((await get(caseId, b.cookie)).json().status).toBe('choosing_mediator');

    // Both choose the same mediator from the suggestions: the mediator is asked.
    const m = await listedMediator(t);
    const suggestions = (await call(t, 'GET', `/api/cases/${caseId}/suggestions`, a.cookie)).json()
      .suggestions;
    expect(suggestions.map((s: { id: string }) => s.id)).toContain(m.mediatorId);
    await call(t, 'POST', `/api/cases/${caseId}/mediator-choice`, a.cookie, { mediatorId: m.mediatorId });
    expect((await get(caseId, a.cookie)).json().status).toBe('choosing_mediator');
    const chosen = await call(t, 'POST', `/api/cases/${caseId}/mediator-choice`, b.cookie, {
      mediatorId: m.mediatorId,
    });
    expect(chosen.json().status).toBe('mediator_asked');

    // R-MED-06: accepting needs a declaration for every party.
    const asked = (await get(caseId, m.cookie)).json();
    expect(asked.viewer).toMatchObject({
      role: 'mediator',
      actions: ['mediator_accept', 'mediator_decline'],
    });
    const partial = await call(t, 'POST', `/api/cases/${caseId}/mediator-answer`, m.cookie, {
      accept: true,
      declarations: [{ partyId: asked.parties[0].id, conflict: false }],
    });
    expect(partial.json().errors[0]).toMatchObject({ field: 'declarations', code: 'declare_each_party' });
    const declarations = asked.parties.map((p: { id: string }) => ({ partyId: p.id, conflict: false }));
    const answered = await call(t, 'POST', `/api/cases/${caseId}/mediator-answer`, m.cookie, {
      accept: true,
      declarations,
    });
    expect(answered.json().status).toBe('contract');

    // R-MED-20: the contract names parties, mediator, subject, language, fee and term.
    const contract = answered.json().contract;
    expect(contract.terms).toMatchObject({
      subject: 'Return of a loan of 500 000 ₸',
      language: 'kk',
      procedure: 'remote',
      termDays: 30,
      fee: { type: 'hourly', amountKzt: 10000 },
      split: 'equal',
    });
    expect(contract.terms.parties.map((p: { idNumber: string }) => p.idNumber)).toContain(bIin);
    const wrongHash = await call(t, 'POST', `/api/cases/${caseId}/contract/confirm`, a.cookie, {
      contractHash: 'a'.repeat(64),
    });
    expect(wrongHash.json().code).toBe('contract_changed');
    for (const who of [a, b])
      await call(t, 'POST', `/api/cases/${caseId}/contract/confirm`, who.cookie, {
        contractHash: contract.hash,
      });
    expect((await get(caseId, a.cookie)).json().status).toBe('contract');
    const active = await call(t, 'POST', `/api/cases/${caseId}/contract/confirm`, m.cookie, {
      contractHash: contract.hash,
    });

    // R-MED-07/11: mediation starts today; 30 days left.
    expect(active.json()).toMatchObject({
      status: 'active',
      term: { startedOn: '2026-11-24', endsOn: '2026-12-24', daysLeft: 30 },
    });
    const [record] = await t.ctx.db.select().from(mediators).where(eq(mediators.id, m.mediatorId));
    expect(record?.activeCases).toBe(1);
    const actions = (await t.ctx.db.select({ action: auditEvents.action }).from(auditEvents)).map(
      (e) => e.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        'case.created',
        'case.submit',
        'case.accept_invitation',
        'case.mediator_accept',
        'case.confirm_contract',
      ]),
    );
  });

  it('refuses an illegal step with a problem naming the current state', async () => {
    const { a, caseId } = await invitedCase(t);
    const response = await call(t, 'POST', `/api/cases/${caseId}/withdrawal`, a.cookie, {});
    expect(response.json().status).toBe('withdrawn');
    const again = await call(t, 'POST', `/api/cases/${caseId}/submit`, a.cookie);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'case_action_not_allowed' });
    expect(again.json().detail).toContain('Тарап шықты');
  });
});

describe('bad input on requests', () => {
  it('refuses inviting yourself, wrong IIN, negative and absurd amounts', async () => {
    const a = await registerUser(t);
    const draft = (await call(t, 'POST', '/api/cases', a.cookie, {})).json();
    const self = await call(
      t,
      'PATCH',
      `/api/cases/${draft.id}`,
      a.cookie,
      completeRequest({ iin: a.me.iin, email: 'x@example.kz' }),
    );
    expect(self.statusCode).toBe(200);
    const submit = await call(t, 'POST', `/api/cases/${draft.id}/submit`, a.cookie);
    expect(submit.json().errors).toEqual([
      expect.objectContaining({ field: 'respondent.iin', code: 'self_invitation' }),
    ]);
    const badIin = await call(
      t,
      'PATCH',
      `/api/cases/${draft.id}`,
      a.cookie,
      completeRequest({ iin: '123456789012', email: 'x@example.kz' }),
    );
    expect(badIin.json().errors[0]).toMatchObject({ field: 'respondent.iin', code: 'iin_invalid' });
    for (const amount of [-1, 10 ** 13])
      expect(
        (await call(t, 'PATCH', `/api/cases/${draft.id}`, a.cookie, { claimAmountKzt: amount })).json()
          .errors[0].field,
      ).toBe('claimAmountKzt');
    const unknown = await call(t, 'PATCH', `/api/cases/${draft.id}`, a.cookie, { category: 'piracy' });
    expect(unknown.json().errors[0]).toMatchObject({ field: 'category', code: 'unknown_category' });
    // Nothing half-written: the draft still holds what was saved before.
    expect((await get(draft.id, a.cookie)).json().request.respondent.iin).toBe(a.me.iin);
  });

  it("lets nobody see or act on someone else's case, through any case route", async () => {
    const c = await activeCase(t);
    const strangers = [await registerUser(t), await listedMediator(t)];
    const caseRoutes = t.routes.filter((r) => r.url.startsWith('/api/cases/:id'));
    expect(caseRoutes.length).toBeGreaterThan(10);
    for (const stranger of strangers)
      for (const route of caseRoutes) {
        const response = await call(
          t,
          route.method as 'GET',
          route.url.replace(':id', c.caseId),
          stranger.cookie,
          {},
        );
        // 404 for participants' routes, 403 for a role the stranger lacks; bad bodies are checked after access.
        expect([403, 404], `${route.method} ${route.url}`).toContain(
          response.statusCode === 400 ? 404 : response.statusCode,
        );
        expect(response.body).not.toContain('Return of a loan');
      }
    expect((await call(t, 'GET', `/api/cases/${c.caseId}`, c.a.cookie)).json().status).toBe('active');
  });
});

describe('the reply window (R-MED-10) and the term (R-MED-11)', () => {
  it('an expired invitation cannot be accepted', async () => {
    const { b, token } = await invitedCase(t);
    t.clock.set(new Date('2026-12-04T19:00:00Z')); // 00:00 on 5 Dec in Kazakhstan
    const late = await call(t, 'POST', `/api/case-invitations/${token}/accept`, b.cookie, {});
    expect(late.statusCode).toBe(410);
    expect(late.json().code).toBe('invitation_expired');
  });

  it('a party may leave at any time, and the mediator is told', async () => {
    const c = await activeCase(t);
    const left = await call(t, 'POST', `/api/cases/${c.caseId}/withdrawal`, c.b.cookie, {
      reason: 'changed my mind',
    });
    expect(left.json()).toMatchObject({ status: 'withdrawn', ending: { reason: 'withdrawn' } });
    const notes = (await call(t, 'GET', '/api/notifications', c.m.cookie)).json();
    expect(notes.notifications[0]).toMatchObject({
      kind: 'case.withdrawn',
      params: { number: left.json().number },
    });
  });

  it('the mediator ends a mediation as settled; each party rates once', async () => {
    const c = await activeCase(t);
    const ended = await call(t, 'POST', `/api/cases/${c.caseId}/ending`, c.m.cookie, { outcome: 'settled' });
    expect(ended.json()).toMatchObject({ status: 'settled' });
    const rated = await call(t, 'POST', `/api/cases/${c.caseId}/rating`, c.a.cookie, {
      stars: 5,
      comment: 'Patient and fair',
    });
    expect(rated.json().rating).toEqual({ canRate: false, stars: 5 });
    const twice = await call(t, 'POST', `/api/cases/${c.caseId}/rating`, c.a.cookie, { stars: 1 });
    expect(twice.json().code).toBe('already_rated');
    const [record] = await t.ctx.db.select().from(mediators).where(eq(mediators.id, c.m.mediatorId));
    expect(record).toMatchObject({
      activeCases: 0,
      completedCases: 1,
      settledCases: 1,
      ratingSum: 5,
      ratingCount: 1,
    });
  });

  it('a declared conflict sends the parties back to choose, without that mediator', async () => {
    const invited = await invitedCase(t);
    await call(t, 'POST', `/api/case-invitations/${invited.token}/accept`, invited.b.cookie, {});
    const m = await listedMediator(t);
    for (const party of [invited.a, invited.b])
      await call(t, 'POST', `/api/cases/${invited.caseId}/mediator-choice`, party.cookie, {
        mediatorId: m.mediatorId,
      });
    const declined = await call(t, 'POST', `/api/cases/${invited.caseId}/mediator-answer`, m.cookie, {
      accept: false,
      reason: 'conflict',
      note: 'I advised the employer last year',
    });
    // The mediator is out of the case now: the answer does not show it any more.
    expect(declined.json()).toEqual({ id: invited.caseId, status: 'choosing_mediator', released: true });
    const view = (await get(invited.caseId, invited.a.cookie)).json();
    expect(view).toMatchObject({ status: 'choosing_mediator', excludedMediatorIds: [m.mediatorId] });
    const suggestions = (
      await call(t, 'GET', `/api/cases/${invited.caseId}/suggestions`, invited.a.cookie)
    ).json().suggestions;
    expect(suggestions.map((s: { id: string }) => s.id)).not.toContain(m.mediatorId);
    const again = await call(t, 'POST', `/api/cases/${invited.caseId}/mediator-choice`, invited.a.cookie, {
      mediatorId: m.mediatorId,
    });
    expect(again.json().code).toBe('mediator_excluded');
  });

  it('an extension moves the end of the term, within 30 days in total', async () => {
    const c = await activeCase(t);
    const extended = await call(t, 'POST', `/api/cases/${c.caseId}/extension`, c.m.cookie, {
      days: 20,
      note: 'Agreed by both in the joint session',
    });
    expect(extended.json().term).toMatchObject({ extensionDays: 20, endsOn: '2027-01-13' });
    const tooMuch = await call(t, 'POST', `/api/cases/${c.caseId}/extension`, c.m.cookie, {
      days: 11,
      note: 'again',
    });
    expect(tooMuch.json().code).toBe('extension_too_long');
    const byParty = await call(t, 'POST', `/api/cases/${c.caseId}/extension`, c.a.cookie, {
      days: 1,
      note: 'please',
    });
    expect(byParty.statusCode).toBe(403);
  });

  it('a contract case awaits every confirmation', async () => {
    const c = await contractCase(t);
    const view = (await get(c.caseId, c.a.cookie)).json();
    expect(view.waiting.code).toBe('contract_confirmation');
    expect(view.viewer.actions).toContain('confirm_contract');
  });
});
