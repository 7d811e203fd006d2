import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { registerUser } from '../../../test/factories.ts';
import { auditEvents } from '../db/schema/index.ts';
import { audit, verifyAuditChain } from './audit.ts';
import { transact } from './transaction.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
beforeEach(() => t.reset());

describe('audit log', () => {
  it('chains every event and verifies intact', async () => {
    const { cookie, email, password } = await registerUser(t);
    await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
    await t.app.inject({ method: 'PATCH', url: '/api/me', headers: { cookie }, payload: { locale: 'en' } });
    const actions = (await t.ctx.db.select().from(auditEvents).orderBy(auditEvents.seq)).map((e) => e.action);
    expect(actions).toEqual(['user.registered', 'user.login', 'user.profile_changed']);
    expect(await verifyAuditChain(t.ctx.db)).toEqual({ ok: true, events: 3 });
  });

  it('chains several events of one transaction in order, whatever their data holds', async () => {
    const tricky = { prevHash: '', note: 'кейс "prevHash":"" ', nested: { prevHash: 'x' } };
    await transact(t.ctx, async (tx) => {
      await audit(tx, {
        actorId: null,
        action: 'test.first',
        subjectType: 'test',
        subjectId: '1',
        data: tricky,
      });
      await audit(tx, { actorId: null, action: 'test.second', subjectType: 'test', subjectId: '2' });
    });
    const rows = await t.ctx.db.select().from(auditEvents).orderBy(auditEvents.seq);
    expect(rows.map((e) => e.action)).toEqual(['test.first', 'test.second']);
    expect(rows[0]?.data).toEqual(tricky);
    expect(rows[1]?.prevHash).toBe(rows[0]?.hash);
    expect(await verifyAuditChain(t.ctx.db)).toEqual({ ok: true, events: 2 });
  });

  it('writes nothing when the transaction fails after auditing', async () => {
    await expect(
      transact(t.ctx, async (tx) => {
        await audit(tx, { actorId: null, action: 'test.lost', subjectType: 'test', subjectId: '1' });
        throw new Error('the use case failed');
      }),
    ).rejects.toThrow('the use case failed');
    expect(await t.ctx.db.select().from(auditEvents)).toEqual([]);
  });

  it('refuses UPDATE and DELETE at the database', async () => {
    await registerUser(t);
    await expect(t.ctx.db.execute(sql`update audit_events set action = 'forged'`)).rejects.toThrow();
    await expect(t.ctx.db.execute(sql`delete from audit_events`)).rejects.toThrow();
    expect((await t.ctx.db.select().from(auditEvents)).map((e) => e.action)).toEqual(['user.registered']);
  });

  it('reports the first broken link when a row was altered behind the trigger’s back', async () => {
    for (let i = 0; i < 3; i++) await registerUser(t);
    const [, second] = await t.ctx.db.select().from(auditEvents).orderBy(auditEvents.seq);
    // A superuser can switch the trigger off; the chain still gives the forgery away.
    await t.ctx.db.execute(sql`alter table audit_events disable trigger audit_events_append_only`);
    await t.ctx.db
      .update(auditEvents)
      .set({ data: { kind: 'organisation' } })
      .where(eq(auditEvents.seq, second?.seq ?? 0));
    await t.ctx.db.execute(sql`alter table audit_events enable trigger audit_events_append_only`);
    expect(await verifyAuditChain(t.ctx.db)).toEqual({
      ok: false,
      events: 1,
      brokenAt: second?.seq,
      reason: 'content does not match its hash',
    });
  });
});
