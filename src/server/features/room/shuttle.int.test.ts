import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { activeCase, call } from '../../../../test/cases.ts';
import { userWithRoles } from '../../../../test/factories.ts';
import { mediatorNotes } from '../../db/schema/index.ts';

// Shuttle mode and the mediator's notes (issue 5, R-MED-17): a statement crosses from one caucus
// to the other side only with its author's approval of the exact text; notes are the mediator's alone.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
beforeEach(() => t.reset());

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

const setUp = async () => {
  const c = await activeCase(t);
  const view = (await call(t, 'GET', `/api/cases/${c.caseId}`, c.a.cookie)).json();
  const id = (side: string) => view.parties.find((p: { side: string }) => p.side === side).id as string;
  return { ...c, partyA: id('initiator'), partyB: id('respondent') };
};
const history = async (t: TestApp, caseId: string, room: string, cookie: string) =>
  (await call(t, 'GET', `/api/cases/${caseId}/rooms/${room}/messages`, cookie)).json().messages as {
    body: string;
    kind: string;
  }[];

describe('shuttle mode', () => {
  it("carries a statement to the other party's caucus only after its author approves that exact text", async () => {
    const c = await setUp();
    const text = 'A 300 000 ₸ төлеуге дайын, екі бөлікпен.';
    const proposed = await call(t, 'POST', `/api/cases/${c.caseId}/shuttle`, c.m.cookie, {
      fromPartyId: c.partyA,
      toPartyId: c.partyB,
      body: text,
    });
    expect(proposed.statusCode).toBe(200);
    const { id } = proposed.json();
    // B sees nothing yet: not the proposal, not a message.
    expect((await call(t, 'GET', `/api/cases/${c.caseId}/shuttle`, c.b.cookie)).json()).toEqual([]);
    expect(await history(t, c.caseId, `caucus:${c.partyB}`, c.b.cookie)).toEqual([]);
    // A sees the text to approve; B cannot answer for A; a stale hash is refused.
    const forA = (await call(t, 'GET', `/api/cases/${c.caseId}/shuttle`, c.a.cookie)).json();
    expect(forA).toMatchObject([{ id, body: text, status: 'proposed' }]);
    const answer = `/api/cases/${c.caseId}/shuttle/${id}/answer`;
    expect(
      (await call(t, 'POST', answer, c.b.cookie, { approve: true, bodyHash: sha(text) })).statusCode,
    ).toBe(404);
    const stale = await call(t, 'POST', answer, c.a.cookie, { approve: true, bodyHash: sha(`${text} `) });
    expect(stale.json().code).toBe('shuttle_text_changed');

    expect(
      (await call(t, 'POST', answer, c.a.cookie, { approve: true, bodyHash: sha(text) })).json(),
    ).toEqual({
      status: 'approved',
    });
    expect(await history(t, c.caseId, `caucus:${c.partyB}`, c.b.cookie)).toMatchObject([
      { body: text, kind: 'shuttle' },
    ]);
    const again = await call(t, 'POST', answer, c.a.cookie, { approve: false, bodyHash: sha(text) });
    expect(again.json().code).toBe('shuttle_already_answered');
  });

  it('delivers nothing when the author declines, and only the mediator may propose', async () => {
    const c = await setUp();
    const body = { fromPartyId: c.partyA, toPartyId: c.partyB, body: 'not to be shared' };
    expect((await call(t, 'POST', `/api/cases/${c.caseId}/shuttle`, c.a.cookie, body)).statusCode).toBe(404);
    const { id } = (await call(t, 'POST', `/api/cases/${c.caseId}/shuttle`, c.m.cookie, body)).json();
    await call(t, 'POST', `/api/cases/${c.caseId}/shuttle/${id}/answer`, c.a.cookie, {
      approve: false,
      bodyHash: sha(body.body),
    });
    expect(await history(t, c.caseId, `caucus:${c.partyB}`, c.b.cookie)).toEqual([]);
    const seenByM = (await call(t, 'GET', `/api/cases/${c.caseId}/shuttle`, c.m.cookie)).json();
    expect(seenByM).toMatchObject([{ status: 'declined' }]);
  });
});

describe("the mediator's notes", () => {
  it('are kept sealed and shown to the case mediator only', async () => {
    const c = await setUp();
    const note = 'B жиі сөзді бөледі: келесі сессияда ережені еске салу.';
    const { id } = (await call(t, 'POST', `/api/cases/${c.caseId}/notes`, c.m.cookie, { body: note })).json();
    await call(t, 'PUT', `/api/cases/${c.caseId}/notes/${id}`, c.m.cookie, { body: `${note} ✓` });
    expect((await call(t, 'GET', `/api/cases/${c.caseId}/notes`, c.m.cookie)).json()).toMatchObject([
      { id, body: `${note} ✓` },
    ]);
    const court = await userWithRoles(t, ['court_user']);
    const other = await activeCase(t);
    for (const cookie of [c.a.cookie, c.b.cookie, court.cookie, other.m.cookie]) {
      expect((await call(t, 'GET', `/api/cases/${c.caseId}/notes`, cookie)).statusCode).toBe(404);
      expect(
        (await call(t, 'PUT', `/api/cases/${c.caseId}/notes/${id}`, cookie, { body: 'x' })).statusCode,
      ).toBe(404);
    }
    const [row] = await t.ctx.db.select().from(mediatorNotes);
    expect(row?.body.toString('utf8')).not.toContain('ережені');
  });
});
