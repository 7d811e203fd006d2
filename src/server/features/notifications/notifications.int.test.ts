import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { registerUser } from '../../../../test/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
beforeEach(() => t.reset());

const list = async (cookie: string) =>
  (await t.app.inject({ method: 'GET', url: '/api/notifications', headers: { cookie } })).json();
const markRead = (cookie: string, payload: object) =>
  t.app.inject({ method: 'POST', url: '/api/notifications/read', headers: { cookie }, payload });

describe('notification centre', () => {
  it('lists a new account’s welcome, counts it unread, and marks it read', async () => {
    const { cookie } = await registerUser(t, { fullName: 'Мәди Ахметов' });
    const before = await list(cookie);
    expect(before.unread).toBe(1);
    expect(before.notifications[0]).toMatchObject({
      kind: 'welcome',
      params: { name: 'Мәди Ахметов' },
      readAt: null,
    });
    await markRead(cookie, { ids: [before.notifications[0].id] });
    expect((await list(cookie)).unread).toBe(0);
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(me.json().unreadNotifications).toBe(0);
  });

  it('marks all read at once', async () => {
    const { cookie, password } = await registerUser(t);
    await t.app.inject({
      method: 'POST',
      url: '/api/me/password',
      headers: { cookie },
      payload: { currentPassword: password, newPassword: 'another long password' },
    });
    expect((await list(cookie)).unread).toBe(2);
    await markRead(cookie, { all: true });
    expect((await list(cookie)).unread).toBe(0);
  });

  it('never shows or touches another person’s notifications', async () => {
    const asel = await registerUser(t);
    const bolat = await registerUser(t);
    const aselsWelcome = (await list(asel.cookie)).notifications[0].id;
    expect((await list(bolat.cookie)).notifications.map((n: { id: string }) => n.id)).not.toContain(
      aselsWelcome,
    );
    await markRead(bolat.cookie, { ids: [aselsWelcome] });
    expect((await list(asel.cookie)).unread).toBe(1);
  });
});
