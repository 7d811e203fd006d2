// Platform keys over HTTP (issue 6, "with a platform key"): the CA certifies a browser key only
// for a caller who proves they hold it, names the account (never what the request claims), and
// the certificate signs what the verifier accepts as a simple signature until it is revoked.
import 'reflect-metadata';
import { createHash, webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import * as asn1js from 'asn1js';
import { eq } from 'drizzle-orm';
import * as pkijs from 'pkijs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { call } from '../../../../test/cases.ts';
import { registerUser, validBin, validIin } from '../../../../test/factories.ts';
import { signDetached } from '../../../web/features/signing/detached-cms.ts';
import { buildCertificateRequest } from '../../../web/features/signing/enrol.ts';
import { auditEvents, platformCertificates } from '../../db/schema/index.ts';
import { platformCertificateStatus } from './queries.ts';

const crypto = webcrypto as unknown as Crypto;
const P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const RSA = (modulusLength: number) => ({
  name: 'RSASSA-PKCS1-v1_5',
  modulusLength,
  publicExponent: new Uint8Array([1, 0, 1]),
  hash: 'SHA-256',
});

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
beforeEach(() => t.reset());

type Key = { spki: Uint8Array; privateKey: CryptoKey };

const browserKey = async (algorithm: object = P256): Promise<Key> => {
  const keys = (await crypto.subtle.generateKey(algorithm as EcKeyGenParams, false, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  return {
    spki: new Uint8Array(await crypto.subtle.exportKey('spki', keys.publicKey)),
    privateKey: keys.privateKey,
  };
};

/** A CSR as an impostor would write it: someone else's name and IIN in the subject. */
const claimingCsr = async (key: Key, signer: CryptoKey, commonName: string, iin: string) => {
  const request = new pkijs.CertificationRequest();
  request.subject.typesAndValues.push(
    new pkijs.AttributeTypeAndValue({ type: '2.5.4.3', value: new asn1js.Utf8String({ value: commonName }) }),
    new pkijs.AttributeTypeAndValue({
      type: '2.5.4.5',
      value: new asn1js.PrintableString({ value: `IIN${iin}` }),
    }),
  );
  request.subjectPublicKeyInfo = pkijs.PublicKeyInfo.fromBER(new Uint8Array(key.spki));
  request.attributes = [];
  await request.sign(signer, 'SHA-256', new pkijs.CryptoEngine({ name: 'test', crypto }));
  return new Uint8Array(request.toSchema().toBER());
};

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const requestCertificate = (cookie: string | undefined, csr: Uint8Array | string) =>
  call(t, 'POST', '/api/signing/certificate', cookie, { csr: typeof csr === 'string' ? csr : b64(csr) });
const csrFor = async (key: Key) => b64(await buildCertificateRequest(key, 'account', crypto));

describe('POST /api/signing/certificate', () => {
  it('certifies the proven key for the account, not for whom the request claims', async () => {
    const iin = validIin();
    const user = await registerUser(t, { fullName: 'Айгүл Серікқызы Нұрова', iin });
    const key = await browserKey();
    const csr = await claimingCsr(key, key.privateKey, 'Mallory Impostor', validIin());

    const response = await requestCertificate(user.cookie, csr);
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json();
    const certificate = new x509.X509Certificate(Buffer.from(body.certificate, 'base64'));
    const ca = new x509.X509Certificate(new Uint8Array(t.ctx.signatures.ca.certificateDer));
    expect(await certificate.verify({ publicKey: ca, date: t.clock.now() }, crypto)).toBe(true);
    expect(certificate.issuer).toBe(ca.subject);
    expect(new Uint8Array(certificate.publicKey.rawData)).toEqual(key.spki);
    expect(certificate.subjectName.getField('2.5.4.3')).toEqual(['Айгүл Серікқызы Нұрова']);
    expect(certificate.subjectName.getField('2.5.4.5')).toEqual([`IIN${iin}`]);
    expect(certificate.subject).not.toContain('Mallory');
    expect(body.serial).toBe(certificate.serialNumber.toLowerCase());
    expect(body.notAfter).toBe(certificate.notAfter.toISOString());

    const [row] = await t.ctx.db
      .select()
      .from(platformCertificates)
      .where(eq(platformCertificates.serialHex, body.serial));
    expect(row).toMatchObject({
      userId: user.me.id,
      spkiSha256: createHash('sha256').update(key.spki).digest('hex'),
      fingerprint: createHash('sha256').update(Buffer.from(body.certificate, 'base64')).digest('hex'),
      issuedAt: t.clock.now(),
      revokedAt: null,
    });
    const events = await t.ctx.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'signing.certificate_issued'));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: user.me.id, data: { serial: body.serial } });

    const list = await call(t, 'GET', '/api/signing/certificates', user.cookie);
    expect(list.json()).toEqual([
      {
        serial: body.serial,
        issuedAt: t.clock.now().toISOString(),
        notAfter: body.notAfter,
        revokedAt: null,
      },
    ]);
  });

  it('accepts RSA keys of 2048 bits and P-384, refuses shorter RSA keys', async () => {
    const user = await registerUser(t);
    for (const algorithm of [RSA(2048), { name: 'ECDSA', namedCurve: 'P-384' }]) {
      const response = await requestCertificate(user.cookie, await csrFor(await browserKey(algorithm)));
      expect(response.statusCode, response.body).toBe(201);
    }
    const short = await requestCertificate(user.cookie, await csrFor(await browserKey(RSA(1024))));
    expect(short.statusCode).toBe(400);
    expect(short.json()).toMatchObject({ code: 'key_unsupported' });
  });

  it('refuses a request not signed by the key it names: no proof of possession', async () => {
    const user = await registerUser(t);
    const key = await browserKey();

    // Someone else's public key in a request signed with the caller's own key.
    const victim = await browserKey();
    const foreign = await requestCertificate(
      user.cookie,
      await claimingCsr(victim, key.privateKey, 'x', validIin()),
    );
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json()).toMatchObject({ code: 'csr_signature_invalid' });

    // A correctly signed request altered after signing.
    const csr = await claimingCsr(key, key.privateKey, 'Mallory Impostor', validIin());
    const at = Buffer.from(csr).indexOf('Mallory');
    csr[at] = 'N'.charCodeAt(0);
    const tampered = await requestCertificate(user.cookie, csr);
    expect(tampered.statusCode).toBe(400);
    expect(tampered.json()).toMatchObject({ code: 'csr_signature_invalid' });
    expect(tampered.headers['content-type']).toContain('application/problem+json');
    expect(await t.ctx.db.select().from(platformCertificates)).toHaveLength(0);
  });

  it('refuses what is not a certificate request, with a localized detail', async () => {
    const user = await registerUser(t, { locale: 'ru' });
    const certificateDer = t.ctx.signatures.ca.certificateDer;
    const good = Buffer.from(await buildCertificateRequest(await browserKey(), 'a', crypto));
    for (const csr of [
      'this is not base64 at all!',
      b64(crypto.getRandomValues(new Uint8Array(200))),
      b64(certificateDer),
      b64(Buffer.concat([good, Buffer.from([0x05, 0x00])])),
      b64(good.subarray(0, good.length - 10)),
    ]) {
      const response = await requestCertificate(user.cookie, csr);
      expect(response.statusCode, csr).toBe(400);
      expect(response.json(), csr).toMatchObject({ code: 'csr_invalid' });
      expect(response.json().detail).toMatch(/запрос на сертификат/);
    }
  });

  it('asks an account without an IIN to add one', async () => {
    const organisation = await registerUser(t, {
      kind: 'organisation',
      bin: validBin(),
      organisationName: 'ТОО «Кеңес»',
      iin: undefined,
      locale: 'kk',
    });
    const response = await requestCertificate(organisation.cookie, await csrFor(await browserKey()));
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'certificate_needs_iin' });
    expect(response.json().detail).toContain('ЖСН');
  });

  it('answers 401 to anonymous callers', async () => {
    expect((await requestCertificate(undefined, await csrFor(await browserKey()))).statusCode).toBe(401);
    expect((await call(t, 'GET', '/api/signing/certificates')).statusCode).toBe(401);
    expect((await call(t, 'DELETE', '/api/signing/certificates/01')).statusCode).toBe(401);
  });

  it('issues at most 10 certificates per account a day', async () => {
    const user = await registerUser(t, { locale: 'en' });
    const other = await registerUser(t);
    const csr = await csrFor(await browserKey());
    for (let i = 0; i < 10; i++) expect((await requestCertificate(user.cookie, csr)).statusCode).toBe(201);
    const refused = await requestCertificate(user.cookie, csr);
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ code: 'certificate_rate_limited' });
    expect(refused.json().detail).toContain('10 certificates');
    expect((await requestCertificate(other.cookie, csr)).statusCode).toBe(201);

    t.clock.set(new Date(t.clock.now().getTime() + 86_400_000 + 1000));
    expect((await requestCertificate(user.cookie, csr)).statusCode).toBe(201);
  });
});

describe('platform certificates in use', () => {
  it('sign a detached CMS the verifier accepts as simple, until their holder revokes them', async () => {
    const iin = validIin();
    const user = await registerUser(t, { fullName: 'Бауыржан Асқарұлы Төлеев', iin });
    const other = await registerUser(t);
    const key = await browserKey();
    const issued = (await requestCertificate(user.cookie, await csrFor(key))).json();

    const data = new TextEncoder().encode('%PDF-1.7 agreement bytes');
    const cms = await signDetached({
      data,
      privateKey: key.privateKey,
      certificate: new Uint8Array(Buffer.from(issued.certificate, 'base64')),
      signingTime: t.clock.now(),
      crypto,
    });
    const verdict = await t.ctx.signatures.verifier.verifyDetached(cms, data, { at: t.clock.now() });
    expect(verdict).toMatchObject({
      ok: true,
      kind: 'simple',
      signer: { iin, commonName: 'Бауыржан Асқарұлы Төлеев' },
    });
    if (!verdict.ok) throw new Error(verdict.detail);
    const fingerprint = verdict.certificate.fingerprint;
    expect(await platformCertificateStatus(t.ctx.db, fingerprint)).toEqual({
      userId: user.me.id,
      revokedAt: null,
    });
    expect(await platformCertificateStatus(t.ctx.db, '0'.repeat(64))).toBeNull();

    // Another account neither sees nor revokes it.
    expect((await call(t, 'GET', '/api/signing/certificates', other.cookie)).json()).toEqual([]);
    const foreign = await call(t, 'DELETE', `/api/signing/certificates/${issued.serial}`, other.cookie);
    expect(foreign.statusCode).toBe(404);
    expect((await platformCertificateStatus(t.ctx.db, fingerprint))?.revokedAt).toBeNull();

    t.clock.set(new Date(t.clock.now().getTime() + 3_600_000));
    const revoked = await call(
      t,
      'DELETE',
      `/api/signing/certificates/${issued.serial.toUpperCase()}`,
      user.cookie,
    );
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json()).toEqual([
      expect.objectContaining({ serial: issued.serial, revokedAt: t.clock.now().toISOString() }),
    ]);
    expect(await platformCertificateStatus(t.ctx.db, fingerprint)).toEqual({
      userId: user.me.id,
      revokedAt: t.clock.now(),
    });

    // Revoking again changes nothing and records nothing more.
    t.clock.set(new Date(t.clock.now().getTime() + 3_600_000));
    const again = await call(t, 'DELETE', `/api/signing/certificates/${issued.serial}`, user.cookie);
    expect(again.json()[0].revokedAt).toBe(revoked.json()[0].revokedAt);
    const events = await t.ctx.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'signing.certificate_revoked'));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: user.me.id, data: { serial: issued.serial } });
  });
});
