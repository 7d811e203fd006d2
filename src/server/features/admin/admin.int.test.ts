import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { linkToken, registerUser, sentMail, userWithRoles } from '../../../../test/factories.ts';
import { auditEvents, courts } from '../../db/schema/index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
beforeEach(() => t.reset());

const invite = (cookie: string, payload: object) =>
  t.app.inject({ method: 'POST', url: '/api/admin/invitations', headers: { cookie }, payload });
const accept = (cookie: string, token: string) =>
  t.app.inject({ method: 'POST', url: '/api/invitations/accept', headers: { cookie }, payload: { token } });
const me = async (cookie: string) =>
  (await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).json();
const courtId = async (code: string) =>
  (await t.ctx.db.select().from(courts).where(eq(courts.code, code)))[0]?.id as string;

describe('privileged roles are granted only through a platform administrator’s invitation', () => {
  it('a judge invited to a court accepts by email link and is attached to that court', async () => {
    const admin = await userWithRoles(t, ['platform_admin']);
    const judge = await registerUser(t, { email: 'judge@court.kz', locale: 'ru' });
    const response = await invite(admin.cookie, {
      email: 'judge@court.kz',
      role: 'court_user',
      courtId: await courtId('SKO-SMEC'),
    });
    expect(response.statusCode).toBe(201);

    const mail = sentMail(t).find((m) => m.to === 'judge@court.kz' && m.subject.includes('Приглашение'));
    expect(mail?.subject).toBe('Приглашение в Келісім с ролью «Судья или работник аппарата суда»');
    const token = linkToken(mail?.text ?? '');

    const view = await t.app.inject({
      method: 'GET',
      url: `/api/invitations?token=${token}`,
      headers: { 'accept-language': 'en' },
    });
    expect(view.json()).toMatchObject({
      email: 'judge@court.kz',
      role: 'court_user',
      court: { code: 'SKO-SMEC' },
    });
    expect(view.json().court.name).toBe(
      'Specialised Inter-District Economic Court of North Kazakhstan Region',
    );

    expect((await accept(judge.cookie, token)).json()).toEqual({ role: 'court_user' });
    const account = await me(judge.cookie);
    expect(account.roles).toEqual(['court_user', 'party']);
    expect(account.court.code).toBe('SKO-SMEC');
    const [granted] = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, 'role.granted'));
    expect(granted).toMatchObject({
      subjectId: judge.me.id,
      data: { role: 'court_user', grantedBy: admin.me.id },
    });
    expect((await accept(judge.cookie, token)).json().code).toBe('token_used');
  });

  it('an invitation cannot be accepted by another account', async () => {
    const admin = await userWithRoles(t, ['platform_admin']);
    const other = await registerUser(t);
    await invite(admin.cookie, { email: 'analyst@stat.kz', role: 'analyst' });
    const token = linkToken(sentMail(t)[0]?.text ?? '');
    const response = await accept(other.cookie, token);
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'invitation_email_mismatch' });
    expect((await me(other.cookie)).roles).toEqual(['party']);
  });

  it('a court user invitation needs a court; an administrator cannot invite themselves', async () => {
    const admin = await userWithRoles(t, ['platform_admin']);
    const noCourt = await invite(admin.cookie, { email: 'clerk@court.kz', role: 'court_user' });
    expect(noCourt.json().errors).toEqual([
      expect.objectContaining({ field: 'courtId', code: 'court_required' }),
    ]);
    const self = await invite(admin.cookie, { email: admin.email, role: 'registry_admin' });
    expect(self.json().errors).toEqual([expect.objectContaining({ field: 'email', code: 'self_grant' })]);
    const party = await invite(admin.cookie, { email: 'x@example.kz', role: 'party' });
    expect(party.statusCode).toBe(400);
    expect(sentMail(t).filter((m) => m.subject.includes('шақыру'))).toEqual([]);
  });

  it('nobody else can invite: a party, a mediator and a registry administrator are refused', async () => {
    for (const roles of [[], ['mediator'], ['registry_admin']]) {
      const user = await userWithRoles(t, roles);
      const response = await invite(user.cookie, { email: user.email, role: 'platform_admin' });
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('forbidden');
    }
  });
});

describe('revoking roles', () => {
  it('removes a role, notifies the person, and the change shows at once', async () => {
    const admin = await userWithRoles(t, ['platform_admin']);
    const mediator = await userWithRoles(t, ['mediator']);
    const response = await t.app.inject({
      method: 'DELETE',
      url: `/api/admin/users/${mediator.me.id}/roles/mediator`,
      headers: { cookie: admin.cookie },
    });
    expect(response.statusCode).toBe(200);
    const account = await me(mediator.cookie);
    expect(account.roles).toEqual(['party']);
    expect(account.unreadNotifications).toBe(2);
  });

  it('keeps the last platform administrator', async () => {
    const admin = await userWithRoles(t, ['platform_admin']);
    const response = await t.app.inject({
      method: 'DELETE',
      url: `/api/admin/users/${admin.me.id}/roles/platform_admin`,
      headers: { cookie: admin.cookie },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('last_platform_admin');
    expect((await me(admin.cookie)).roles).toContain('platform_admin');
  });
});

describe('user list and mail outbox', () => {
  it('finds users by name or email', async () => {
    const admin = await userWithRoles(t, ['platform_admin']);
    await registerUser(t, { fullName: 'Бауыржан Сәрсенов', email: 'baur@example.kz' });
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/admin/users?q=сәрсен',
      headers: { cookie: admin.cookie },
    });
    expect(response.json()).toMatchObject({
      total: 1,
      users: [{ email: 'baur@example.kz', roles: ['party'] }],
    });
  });

  it('shows the outbox to a platform administrator in demo mode', async () => {
    const admin = await userWithRoles(t, ['platform_admin']);
    await t.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email: admin.email } });
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/admin/outbox',
      headers: { cookie: admin.cookie },
    });
    const reset = list.json().messages.find((m: { subject: string }) => m.subject.includes('құпиясөз'));
    const message = await t.app.inject({
      method: 'GET',
      url: `/api/admin/outbox/${reset.id}`,
      headers: { cookie: admin.cookie },
    });
    expect(message.json().text).toContain('/reset-password?token=');
  });
});
