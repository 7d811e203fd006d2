import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import {
  individual,
  linkToken,
  registerUser,
  sentMail,
  sessionCookie,
  validBin,
} from '../../../../test/factories.ts';
import { auditEvents, users } from '../../db/schema/index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
beforeEach(() => t.reset());

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, payload: payload as object, headers });
const userCount = async () => (await t.ctx.db.select({ n: count() }).from(users))[0]?.n;

describe('registration', () => {
  it('registers an individual as a party, logs them in and greets them in their language', async () => {
    const response = await post('/api/auth/register', individual({ locale: 'kk' }));
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      kind: 'individual',
      roles: ['party'],
      locale: 'kk',
      unreadNotifications: 1,
    });
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { cookie: sessionCookie(response) },
    });
    expect(me.json().email).toBe(response.json().email);
    expect(sentMail(t)[0]?.subject).toContain('Келісімге қош келдіңіз');
  });

  it('registers an organisation representative with BIN and organisation name', async () => {
    const response = await post('/api/auth/register', {
      ...individual(),
      kind: 'organisation',
      iin: '',
      bin: validBin(),
      organisationName: '«Солтүстік Агро» ЖШС',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      kind: 'organisation',
      organisationName: '«Солтүстік Агро» ЖШС',
      iin: null,
    });
  });

  it.each([
    ['kk', 'ЖСН жарамсыз'],
    ['ru', 'ИИН недействителен'],
    ['en', 'This IIN is not valid'],
  ])('refuses an IIN with a wrong check digit with a field error in %s', async (language, text) => {
    const body = individual();
    const wrong = `${body.iin.slice(0, 11)}${(Number(body.iin[11]) + 1) % 10}`;
    const response = await post(
      '/api/auth/register',
      { ...body, iin: wrong },
      { 'accept-language': language },
    );
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().errors).toEqual([
      { field: 'iin', code: 'iin_invalid', detail: expect.stringContaining(text) },
    ]);
    expect(await userCount()).toBe(0);
  });

  it('refuses a BIN with a wrong check digit', async () => {
    const bin = validBin();
    const response = await post('/api/auth/register', {
      ...individual(),
      kind: 'organisation',
      bin: `${bin.slice(0, 11)}${(Number(bin[11]) + 3) % 10}`,
      organisationName: 'ТОО Тест',
    });
    expect(response.json().errors).toContainEqual(
      expect.objectContaining({ field: 'bin', code: 'bin_invalid' }),
    );
  });

  it('refuses a duplicate email (in any letter case) and creates nothing', async () => {
    await registerUser(t, { email: 'asel@example.kz' });
    const before = await userCount();
    const response = await post('/api/auth/register', individual({ email: 'Asel@Example.kz' }), {
      'accept-language': 'ru',
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      code: 'email_taken',
      errors: [{ field: 'email', code: 'email_taken' }],
    });
    expect(response.json().detail).toContain('уже есть');
    expect(await userCount()).toBe(before);
  });
});

describe('login and logout', () => {
  it('logs in with the right password, audits it, and logs out', async () => {
    const { email, password, me } = await registerUser(t);
    const login = await post('/api/auth/login', { email, password });
    expect(login.statusCode).toBe(200);
    const cookie = sessionCookie(login);
    const logins = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, 'user.login'));
    expect(logins.map((e) => e.subjectId)).toEqual([me.id]);
    expect((await post('/api/auth/logout', {}, { cookie })).statusCode).toBe(200);
    const after = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('unauthenticated');
  });

  it('answers a wrong password and an unknown email the same way', async () => {
    const { email } = await registerUser(t);
    const wrong = await post('/api/auth/login', { email, password: 'not the password' });
    const unknown = await post('/api/auth/login', {
      email: 'nobody@example.kz',
      password: 'not the password',
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().detail).toBe(wrong.json().detail);
  });

  it('after 10 wrong passwords refuses even the right one with 429, Retry-After and a localized message', async () => {
    const { email, password } = await registerUser(t);
    for (let i = 0; i < 10; i++)
      expect((await post('/api/auth/login', { email, password: `wrong-${i}-password` })).statusCode).toBe(
        401,
      );
    const locked = await post('/api/auth/login', { email, password }, { 'accept-language': 'kk' });
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(locked.json()).toMatchObject({ code: 'login_locked' });
    expect(locked.json().detail).toContain('Қате құпиясөз тым көп');
    t.clock.advance(15 * 60 * 1000);
    expect((await post('/api/auth/login', { email, password })).statusCode).toBe(200);
  });

  it('refuses an expired session with 401', async () => {
    const { cookie } = await registerUser(t);
    t.clock.advance(31 * 24 * 3600 * 1000);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(401);
  });
});

describe('profile and password', () => {
  it('edits the profile, remembers the chosen language, and audits which fields changed', async () => {
    const { cookie, me } = await registerUser(t, { locale: 'kk' });
    const response = await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: { cookie },
      payload: { fullName: 'Асхат Бекенов', phone: '+7 (701) 234-56-78', locale: 'ru' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ fullName: 'Асхат Бекенов', phone: '+77012345678', locale: 'ru' });
    // The account's language now decides the language of errors, whatever the browser says.
    const error = await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: { cookie, 'accept-language': 'en' },
      payload: { phone: '12345' },
    });
    expect(error.json().errors[0].detail).toContain('+7');
    expect(error.json().detail).toBe('Некоторые поля нужно исправить.');
    const [changed] = await t.ctx.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'user.profile_changed'));
    expect(changed).toMatchObject({ subjectId: me.id, data: { fields: ['fullName', 'locale', 'phone'] } });
  });

  it('changes the password only with the current one, and logs out the other devices', async () => {
    const { cookie, email, password } = await registerUser(t);
    const otherDevice = sessionCookie(await post('/api/auth/login', { email, password }));
    const wrong = await post(
      '/api/me/password',
      { currentPassword: 'nope', newPassword: 'a brand new password' },
      { cookie },
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual([
      expect.objectContaining({ field: 'currentPassword', code: 'wrong_password' }),
    ]);
    expect(
      (
        await post(
          '/api/me/password',
          { currentPassword: password, newPassword: 'a brand new password' },
          { cookie },
        )
      ).statusCode,
    ).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: otherDevice } })).statusCode,
    ).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(200);
    expect((await post('/api/auth/login', { email, password: 'a brand new password' })).statusCode).toBe(200);
  });
});

describe('password reset by emailed one-time link', () => {
  it('emails a link in the account language that sets a new password once', async () => {
    const { email } = await registerUser(t, { locale: 'ru' });
    expect((await post('/api/auth/password-reset', { email })).statusCode).toBe(202);
    const mail = sentMail(t)[0];
    expect(mail).toMatchObject({ to: email, subject: 'Восстановление пароля Келісім' });
    expect(mail?.text).toContain('http://kelisim.test/reset-password?token=');
    const token = linkToken(mail?.text ?? '');

    expect(
      (await post('/api/auth/password-reset/confirm', { token, newPassword: 'my new safe password' }))
        .statusCode,
    ).toBe(200);
    expect((await post('/api/auth/login', { email, password: 'my new safe password' })).statusCode).toBe(200);

    const again = await post(
      '/api/auth/password-reset/confirm',
      { token, newPassword: 'another new password' },
      { 'accept-language': 'en' },
    );
    expect(again.statusCode).toBe(410);
    expect(again.json()).toMatchObject({
      code: 'token_used',
      detail: expect.stringContaining('already been used'),
    });
  });

  it('refuses an expired link and an invented one clearly', async () => {
    const { email } = await registerUser(t);
    await post('/api/auth/password-reset', { email });
    const token = linkToken(sentMail(t)[0]?.text ?? '');
    t.clock.advance(61 * 60 * 1000);
    const expired = await post('/api/auth/password-reset/confirm', {
      token,
      newPassword: 'my new safe password',
    });
    expect(expired.json().code).toBe('token_expired');
    const invented = await post('/api/auth/password-reset/confirm', {
      token: 'x'.repeat(43),
      newPassword: 'my new safe password',
    });
    expect(invented.statusCode).toBe(400);
    expect(invented.json().code).toBe('token_invalid');
  });

  it('limits reset requests per address with 429, Retry-After and a localized message', async () => {
    const ip = '10.9.8.7';
    const ask = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/password-reset',
        payload: { email: 'x@example.kz' },
        remoteAddress: ip,
        headers: { 'accept-language': 'ru' },
      });
    for (let i = 0; i < 10; i++) expect((await ask()).statusCode).toBe(202);
    const limited = await ask();
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
    expect(limited.json()).toMatchObject({
      code: 'rate_limited',
      detail: expect.stringContaining('Слишком много попыток'),
    });
  });

  it('answers 202 for an unknown email without sending anything', async () => {
    expect((await post('/api/auth/password-reset', { email: 'nobody@example.kz' })).statusCode).toBe(202);
    expect(sentMail(t)).toEqual([]);
  });
});

describe('bad input at the edges', () => {
  it('answers an oversized body with 413 problem+json', async () => {
    const response = await post('/api/auth/login', {
      email: 'a@example.kz',
      password: 'x'.repeat(1_100_000),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().code).toBe('payload_too_large');
  });

  it('answers malformed JSON with 400, an unknown route with 404, both as problem+json', async () => {
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: '{"email":',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('malformed_body');
    const missing = await t.app.inject({
      method: 'GET',
      url: '/api/no-such-thing',
      headers: { 'accept-language': 'en' },
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect(missing.json()).toMatchObject({
      code: 'not_found',
      detail: 'Nothing is here. Check the address.',
    });
  });

  it('refuses a state change coming from another site', async () => {
    const response = await post(
      '/api/auth/login',
      { email: 'a@example.kz', password: 'whatever' },
      { origin: 'https://evil.example' },
    );
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('origin_mismatch');
  });
});
