import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { call, invitationTokenFor } from '../../../../test/cases.ts';
import { listedMediator, registerUser, userWithRoles, validIin } from '../../../../test/factories.ts';
import { courts, mediators, users } from '../../db/schema/index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
beforeEach(() => t.reset());

const courtUser = async () => {
  const user = await userWithRoles(t, ['court_user']);
  const [court] = await t.ctx.db.select().from(courts).limit(1);
  await t.ctx.db.update(users).set({ courtId: court?.id }).where(eq(users.id, user.me.id));
  await t.ctx.sessions.userChanged(user.me.id);
  return user;
};

const referral = (parties: { iin: string; email: string }[], overrides: object = {}) => ({
  courtCaseNumber: '5910-26-00-2/1234',
  proceeding: 'claim',
  stage: 'first_instance',
  judgeName: 'Айгүл Серікқызы Жақсылықова',
  category: 'commercial',
  subject: 'Unpaid delivery of grain, 2 400 000 ₸',
  claimAmountKzt: 2_400_000,
  region: 'north_kazakhstan',
  language: 'ru',
  remote: true,
  wantsPublicMediator: false,
  mediatorSelection: 'rotation',
  parties: parties.map((p, i) => ({
    kind: 'individual',
    fullName: `Тарап ${i + 1}`,
    iin: p.iin,
    email: p.email,
  })),
  ...overrides,
});

describe('court referrals (R-CPC-01/02, R-MED-17)', () => {
  it('invites both parties, offers the rotation mediator, and shows the court status without content', async () => {
    const judge = await courtUser();
    const [iinA, iinB] = [validIin(), validIin()];
    const a = await registerUser(t, { iin: iinA });
    const b = await registerUser(t, { iin: iinB });
    const m = await listedMediator(t);
    const created = await call(
      t,
      'POST',
      '/api/court/referrals',
      judge.cookie,
      referral([
        { iin: iinA, email: a.email },
        { iin: iinB, email: b.email },
      ]),
      { 'idempotency-key': 'referral-0001' },
    );
    expect(created.statusCode).toBe(201);
    const caseId = created.json().id;

    for (const party of [a, b]) {
      const token = invitationTokenFor(t, party.email);
      expect(
        (await call(t, 'POST', `/api/case-invitations/${token}/accept`, party.cookie, {})).statusCode,
      ).toBe(200);
    }
    const partyView = (await call(t, 'GET', `/api/cases/${caseId}`, a.cookie)).json();
    expect(partyView).toMatchObject({
      status: 'choosing_mediator',
      origin: 'court',
      suggestedMediatorId: m.mediatorId,
    });
    const [record] = await t.ctx.db.select().from(mediators).where(eq(mediators.id, m.mediatorId));
    expect(record?.courtReferrals).toBe(1);

    const courtView = (await call(t, 'GET', `/api/cases/${caseId}`, judge.cookie)).json();
    expect(courtView).toMatchObject({
      status: 'choosing_mediator',
      request: null,
      contract: null,
      viewer: { role: 'court', actions: [] },
    });
    expect(courtView.court).toMatchObject({ caseNumber: '5910-26-00-2/1234', proceeding: 'claim' });
    expect(courtView.parties.every((p: { idNumber: string | null }) => p.idNumber === null)).toBe(true);
    const list = (await call(t, 'GET', '/api/cases', judge.cookie)).json();
    expect(list.cases[0]).toMatchObject({ id: caseId, myRole: 'court', subject: null });

    // The court cannot act in the mediation.
    expect((await call(t, 'POST', `/api/cases/${caseId}/withdrawal`, judge.cookie, {})).statusCode).toBe(403);
    // A retry with the same key does not refer twice.
    const again = await call(
      t,
      'POST',
      '/api/court/referrals',
      judge.cookie,
      referral([
        { iin: iinA, email: a.email },
        { iin: iinB, email: b.email },
      ]),
      { 'idempotency-key': 'referral-0001' },
    );
    expect(again.json().id).toBe(caseId);
  });

  it('refuses proceedings where mediation is not allowed (R-CPC-02)', async () => {
    const judge = await courtUser();
    const response = await call(
      t,
      'POST',
      '/api/court/referrals',
      judge.cookie,
      referral(
        [
          { iin: validIin(), email: 'x1@example.kz' },
          { iin: validIin(), email: 'x2@example.kz' },
        ],
        { proceeding: 'court_order' },
      ),
    );
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'referral_not_allowed' });
    expect(response.json().detail).toContain('R-CPC-02');
  });

  it('rotation spreads referrals: two mediators get one each before anyone gets a second', async () => {
    const judge = await courtUser();
    const first = await listedMediator(t);
    const second = await listedMediator(t);
    for (let i = 0; i < 4; i++) {
      const created = await call(
        t,
        'POST',
        '/api/court/referrals',
        judge.cookie,
        referral([
          { iin: validIin(), email: `p${i}a@example.kz` },
          { iin: validIin(), email: `p${i}b@example.kz` },
        ]),
      );
      expect(created.statusCode).toBe(201);
      const shares = (await t.ctx.db.select({ n: mediators.courtReferrals }).from(mediators)).map((r) => r.n);
      expect(Math.max(...shares) - Math.min(...shares)).toBeLessThanOrEqual(1);
    }
    const counts = await t.ctx.db.select({ id: mediators.id, n: mediators.courtReferrals }).from(mediators);
    expect(counts.map((c) => c.n).sort()).toEqual([2, 2]);
    expect(new Set(counts.map((c) => c.id))).toEqual(new Set([first.mediatorId, second.mediatorId]));
  });

  it('only court users with a court may refer', async () => {
    const party = await registerUser(t);
    expect((await call(t, 'POST', '/api/court/referrals', party.cookie, referral([]))).statusCode).toBe(403);
    const noCourt = await userWithRoles(t, ['court_user']);
    const response = await call(
      t,
      'POST',
      '/api/court/referrals',
      noCourt.cookie,
      referral([
        { iin: validIin(), email: 'y1@example.kz' },
        { iin: validIin(), email: 'y2@example.kz' },
      ]),
    );
    expect(response.json().code).toBe('court_required');
  });
});
