import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { call, completeRequest, invitationTokenFor } from '../../../../test/cases.ts';
import { registerUser, validIin } from '../../../../test/factories.ts';
import { caseScreenings } from '../../db/schema/index.ts';

// R-FAM-02 and R-MED-17: a party's safety screening is private, stored sealed, and a positive
// screen moves the case to separate sessions without telling the other party why or whose.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
beforeEach(() => t.reset());

const safe = {
  afraid_of_other: false,
  violence_in_past: false,
  pressured_to_mediate: false,
  safe_to_meet: true,
};

describe('family safety screening (R-FAM-02)', () => {
  it('is required before a family request is sent and before it is accepted', async () => {
    const a = await registerUser(t);
    const bIin = validIin();
    const b = await registerUser(t, { iin: bIin });
    const { id } = (
      await call(
        t,
        'POST',
        '/api/cases',
        a.cookie,
        completeRequest({ iin: bIin, email: b.email }, { category: 'family' }),
      )
    ).json();
    expect((await call(t, 'POST', `/api/cases/${id}/submit`, a.cookie)).json().code).toBe(
      'screening_required',
    );
    const result = await call(t, 'POST', `/api/cases/${id}/screening`, a.cookie, safe);
    expect(result.json()).toEqual({ positive: false, separateSessions: false, helpLines: [] });
    expect((await call(t, 'POST', `/api/cases/${id}/submit`, a.cookie)).json().status).toBe('invited');

    const token = invitationTokenFor(t, b.email);
    expect((await call(t, 'POST', `/api/case-invitations/${token}/accept`, b.cookie, {})).json().code).toBe(
      'screening_required',
    );
    const afraid = { ...safe, afraid_of_other: true };
    const accepted = await call(t, 'POST', `/api/case-invitations/${token}/accept`, b.cookie, {
      screening: afraid,
    });
    expect(accepted.statusCode).toBe(200);

    // A sees separate sessions, but neither B's answers nor whether B was screened.
    const seenByA = (await call(t, 'GET', `/api/cases/${id}`, a.cookie)).json();
    expect(seenByA.separateSessions).toBe(true);
    const bAsSeenByA = seenByA.parties.find((p: { side: string }) => p.side === 'respondent');
    expect(bAsSeenByA.screened).toBeNull();
    expect(JSON.stringify(seenByA)).not.toContain('afraid');
    expect(seenByA.timeline.map((e: { action: string }) => e.action)).not.toContain('record_screening');

    // Stored sealed: the answers are not readable in the database.
    const rows = await t.ctx.db.select().from(caseScreenings).where(eq(caseScreenings.caseId, id));
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row.answers.toString('latin1')).not.toContain('afraid_of_other');
  });

  it('a positive screen shows the party where to get help', async () => {
    const a = await registerUser(t);
    const { id } = (await call(t, 'POST', '/api/cases', a.cookie, { category: 'family' })).json();
    const result = await call(t, 'POST', `/api/cases/${id}/screening`, a.cookie, {
      ...safe,
      safe_to_meet: false,
    });
    expect(result.json()).toMatchObject({ positive: true, separateSessions: true });
    expect(result.json().helpLines.map((h: { phone: string }) => h.phone)).toEqual(['102', '111', '150']);
  });
});
