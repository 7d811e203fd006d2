import { randomInt } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { completeKzId } from '../src/core/identity/kz-id.ts';
import type { TestApp } from './app.ts';

let sequence = 0;

/** A valid IIN of someone born on 15 May 1990 + n days' worth of serial numbers. */
export const validIin = (n = sequence++) => {
  for (let serial = n; ; serial++) {
    const iin = completeKzId(`9005153${String(serial % 10000).padStart(4, '0')}`);
    if (iin) return iin;
  }
};

export const validBin = (n = sequence++) => {
  for (let serial = n; ; serial++) {
    const bin = completeKzId(`050140${String(serial % 100000).padStart(5, '0')}`);
    if (bin) return bin;
  }
};

export const individual = (overrides: Record<string, unknown> = {}) => {
  const n = sequence++;
  return {
    kind: 'individual',
    fullName: 'Асхат Нұрланұлы Бекенов',
    email: `person${n}@example.kz`,
    password: 'a long enough password',
    iin: validIin(n),
    ...overrides,
  };
};

export const sessionCookie = (response: { cookies: { name: string; value: string }[] }) => {
  const cookie = response.cookies.find((c) => c.name === 'kelisim_session');
  if (!cookie) throw new Error('no session cookie was set');
  return `kelisim_session=${cookie.value}`;
};

/** Registers an individual and returns their session cookie and profile. */
export const registerUser = async (t: TestApp, overrides: Record<string, unknown> = {}) => {
  const body = individual(overrides);
  // Each person registers from their own address, as people do: the per-address limit on
  // registrations (tested in accounts) does not cap how many people a test may need.
  const remoteAddress = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/auth/register',
    payload: body,
    remoteAddress,
  });
  if (response.statusCode !== 201) throw new Error(`registration failed: ${response.body}`);
  return {
    cookie: sessionCookie(response),
    me: response.json(),
    email: body.email as string,
    password: body.password as string,
  };
};

/** Grants roles straight in the database: for tests of what a role may do, not of how it is granted. */
export const userWithRoles = async (t: TestApp, roles: string[], overrides: Record<string, unknown> = {}) => {
  const user = await registerUser(t, overrides);
  const { userRoles } = await import('../src/server/db/schema/index.ts');
  if (roles.length)
    await t.ctx.db
      .insert(userRoles)
      .values(roles.map((role) => ({ userId: user.me.id, role })))
      .onConflictDoNothing();
  await t.ctx.sessions.userChanged(user.me.id);
  return user;
};

/** The mail the platform sent, newest first, read from the outbox like an administrator would. */
export const sentMail = (t: TestApp) => {
  if (!fs.existsSync(t.outboxDir)) return [];
  return fs
    .readdirSync(t.outboxDir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .reverse()
    .map(
      (name) =>
        JSON.parse(fs.readFileSync(path.join(t.outboxDir, name), 'utf8')) as {
          to: string;
          subject: string;
          text: string;
        },
    );
};

export const linkToken = (text: string) => {
  const match = text.match(/token=([A-Za-z0-9_-]+)/);
  if (!match?.[1]) throw new Error(`no token link in: ${text}`);
  return match[1];
};

/** A multipart/form-data body with some fields and one file, as a browser would send it. */
export const multipart = (
  fields: Record<string, string>,
  file: { name: string; type: string; content: Buffer },
) => {
  const boundary = `----kelisim${Math.random().toString(16).slice(2)}`;
  const parts = [
    ...Object.entries(fields).map(([key, value]) =>
      Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${key}"\r\n\r\n${value}\r\n`),
    ),
    Buffer.from(
      `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${file.name}"\r\ncontent-type: ${file.type}\r\n\r\n`,
    ),
    file.content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ];
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
};

/** A small but real PDF (one empty page). */
export const tinyPdf = () =>
  Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  );

/** A mediator listed in the registry (approved), with an account: for tests of what happens in cases. */
export const listedMediator = async (t: TestApp, overrides: Record<string, unknown> = {}) => {
  const user = await userWithRoles(t, ['mediator']);
  const { mediators, mediatorOrganisations } = await import('../src/server/db/schema/index.ts');
  // A professional mediator is on the register of an organisation of mediators (R-MED-12).
  const [organisation] = await t.ctx.db
    .insert(mediatorOrganisations)
    .values({
      nameKk: '«Солтүстік медиаторлар орталығы» ҚБ',
      nameRu: 'ОО «Северный центр медиаторов»',
      nameEn: 'Northern Mediation Centre (NGO)',
      bin: validBin(),
      region: 'north_kazakhstan',
    })
    .returning({ id: mediatorOrganisations.id });
  const [entry] = await t.ctx.db
    .insert(mediators)
    .values({
      userId: user.me.id,
      kind: 'professional',
      status: 'approved',
      registryNumber: `KZ-MED-T${String(sequence++).padStart(5, '0')}`,
      birthDate: '1980-01-01',
      higherEducation: true,
      categories: ['civil', 'family', 'commercial', 'labour'],
      languages: ['kk', 'ru'],
      regions: ['north_kazakhstan'],
      remote: true,
      inPerson: true,
      address: 'Petropavlovsk, Konstitutsii 1',
      feeType: 'hourly',
      feeAmountKzt: 10000,
      organisationId: organisation?.id,
      ...overrides,
    })
    .returning({ id: mediators.id });
  if (!entry) throw new Error('mediator insert returned nothing');
  return { ...user, mediatorId: entry.id };
};
