import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NCALAYER_URL } from '../src/web/features/signing/ncalayer.ts';
import { type FakeNcaLayer, startFakeNcaLayer } from '../test/fake-ncalayer.ts';
import { issueSigner, makeCa, type TestCa } from '../test/signatures/pki.ts';
import { activeCivilCase, agreementSection, SLOW } from './support/agreement.ts';
import { checkPage, chromiumMissing, launchBrowser, newPage, SCREENSHOTS } from './support/browser.ts';
import { kzId } from './support/ids.ts';
import {
  frozenDebtAgreement,
  ignoreIinFilter,
  type NcaLayerLine,
  routeNcaLayer,
} from './support/ncalayer.ts';
import { DEMO_PASSWORD, say } from './support/pages.ts';
import { startServer, type TestServer } from './support/server.ts';

// Issue 6's qualified path in a real Chromium against a real server: party A signs the frozen
// agreement with her EDS through NCALayer. The server trusts a test CA (KELISIM_TRUST_DIR) standing
// in for NCA RK; the page's NCALayer socket (wss://127.0.0.1:13579) is carried to the
// protocol-faithful fake NCALayer, which signs with `openssl cms` and a key that CA certified.
// A (Kazakh, computer) first closes NCALayer's window (nothing happens), then picks B's key in an
// NCALayer that ignores the IIN filter (the server refuses it, naming the IIN, and stores
// nothing), then signs with her own key: her signature is shown as an EDS of NCA RK, not as a
// simple signature, and the bytes NCALayer signed are exactly those the server prepared.

const unique = (Date.now() % 100_000) + 7;
const MEDIATOR = 'Гүлнар Маратқызы Әбенова';

type AgreementApiView = {
  status: string;
  me: string | null;
  signers: { key: string; signature: { method: string; kind: string; commonName: string | null } | null }[];
};

describe.skipIf(chromiumMissing)('signing the agreement with NCALayer in the browser', () => {
  let ca: TestCa;
  let trustDir: string;
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  const fakes: FakeNcaLayer[] = [];

  beforeAll(async () => {
    ca = await makeCa('Test NCA RK (RSA) for the browser');
    trustDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kelisim-e2e-trust-'));
    fs.writeFileSync(path.join(trustDir, 'test-nca-rk.pem'), ca.pem);
    server = await startServer({ env: { KELISIM_TRUST_DIR: trustDir } });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const fake of fakes) await fake.close();
    await browser?.close();
    await server?.stop();
    if (trustDir) fs.rmSync(trustDir, { recursive: true, force: true });
  });

  const open = (options: Parameters<typeof newPage>[2] = {}) => {
    if (!server || !browser) throw new Error('the suite has not started');
    return newPage(browser, server.url, options);
  };

  it('signs as a qualified EDS; a closed window changes nothing; a key of another IIN is refused', async () => {
    // --- The scene, through the API: a running civil mediation with an agreement everyone approved. ---
    const m = await open({ locale: 'en-GB' });
    const a = await open({ locale: 'kk-KZ', bypassCSP: true });
    const b = await open({ locale: 'ru-RU' });
    const admin = await open();
    for (const [person, email] of [
      [m, 'mediator@demo.kelisim.kz'],
      [admin, 'admin@demo.kelisim.kz'],
    ] as const)
      expect(
        (
          await person.page.request.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD } })
        ).status(),
      ).toBe(200);
    const { caseId } = await activeCivilCase(
      {
        a: {
          api: a.page.request,
          email: `aigerim.nca.${unique}@example.kz`,
          fullName: 'Айгерім Сейітқызы Нұрланова',
          iin: kzId('8805124', unique % 9000),
        },
        b: {
          api: b.page.request,
          email: `erlan.nca.${unique}@example.kz`,
          fullName: 'Ерлан Асқарұлы Бекенов',
          iin: kzId('9001153', unique % 9000),
        },
        m: m.page.request,
        admin: admin.page.request,
      },
      { mediator: MEDIATOR, subject: '1 200 000 ₸ қарызды қайтару' },
    );
    await admin.context.close();
    await frozen(a.page, b.page, m.page, caseId);

    // --- A's and B's keys on the test CA the server trusts; one fake NCALayer per situation. ---
    const iinOf = async (page: Page) =>
      ((await (await page.request.get('/api/me')).json()) as { iin: string | null }).iin ?? '';
    const aIin = await iinOf(a.page);
    const bIin = await iinOf(b.page);
    expect(aIin).toMatch(/^\d{12}$/);
    const aKey = await issueSigner(ca, { iin: aIin, commonName: 'НҰРЛАНОВА АЙГЕРІМ' });
    const bKey = await issueSigner(ca, { iin: bIin, commonName: 'БЕКЕНОВ ЕРЛАН' });
    const fake = async (key: typeof aKey, behaviour: 'sign' | 'cancel' = 'sign') => {
      const started = await startFakeNcaLayer({ certificatePem: key.pem, keyPem: key.keyPem, behaviour });
      fakes.push(started);
      return started;
    };
    const cancelling = await fake(aKey, 'cancel');
    const stranger = await fake(bKey);
    const own = await fake(aKey);
    let line: NcaLayerLine = { url: cancelling.url };
    const fromPage = await routeNcaLayer(a.page, () => line);

    // --- A (Kazakh, computer) opens the frozen agreement: NCALayer is offered and chosen. ---
    await a.page.goto(`/cases/${caseId}#agreement`);
    await a.page
      .getByRole('heading', { level: 2, name: say('kk', 'web.agreement.title'), exact: true })
      .waitFor(SLOW);
    const section = agreementSection(a.page, 'kk');
    const form = section.getByRole('form', { name: say('kk', 'web.signing.sign.title') });
    await form.waitFor(SLOW);
    const ncalayer = form.getByLabel(say('kk', 'web.signing.sign.ncalayer.label'));
    await ncalayer.check();
    expect(await ncalayer.isChecked()).toBe(true);
    const submit = (label: string) => form.getByRole('button', { name: say('kk', label), exact: true });

    // --- She closes NCALayer's window: nothing happens, nothing is said, nothing is stored. ---
    await submit('web.signing.sign.ncalayer.button').click();
    await expect.poll(() => signRequests(cancelling).length, { timeout: 30_000 }).toBe(1);
    await expect.poll(() => submit('web.signing.sign.ncalayer.button').isEnabled()).toBe(true);
    await expect.poll(() => form.getByRole('status').textContent()).toBe('');
    expect(await form.getByRole('alert').count()).toBe(0);
    expect(await submit('web.signing.sign.again').count()).toBe(0);
    expect(await mySignature(a.page, caseId)).toBeNull();

    // --- She picks B's key in an NCALayer that ignores the IIN filter: refused, with the reason. ---
    line = { url: stranger.url, rewrite: ignoreIinFilter };
    await submit('web.signing.sign.ncalayer.button').click();
    const alert = form.getByRole('alert');
    await alert.waitFor(SLOW);
    await alert.getByText(say('kk', 'web.signing.errors.title'), { exact: true }).waitFor();
    const reason = say('kk', 'errors.signature_reason.identity_mismatch');
    await alert.getByText(say('kk', 'errors.signature_refused', { reason }), { exact: true }).waitFor();
    await alert.getByText(say('kk', 'web.signing.advice.identity_mismatch'), { exact: true }).waitFor();
    // The page asked NCALayer for A's own keys only; B's key came from an NCALayer that ignored that.
    const pageAsked = fromPage.filter((request) => request.method === 'sign');
    expect(pageAsked.map((request) => (request.args as SignArgs).signerParams.iin)).toEqual([aIin, aIin]);
    expect(signRequests(stranger)).toHaveLength(1);
    expect(await mySignature(a.page, caseId)).toBeNull();
    expect((await agreementOf(a.page, caseId)).status).toBe('frozen');

    // --- She signs with her own key: the bytes signed are those prepared, the EDS is shown as such. ---
    line = { url: own.url };
    const prepared = a.page.waitForResponse(
      (response) =>
        response.request().method() === 'POST' &&
        new URL(response.url()).pathname === `/api/cases/${caseId}/agreement/signing`,
    );
    await submit('web.signing.sign.again').click();
    const { content, contentSha256 } = (await (await prepared).json()) as {
      content: string;
      contentSha256: string;
    };
    await section.getByText(say('kk', 'web.signing.done.signed'), { exact: true }).waitFor(SLOW);

    const [request, ...more] = signRequests(own);
    if (!request) throw new Error('the fake NCALayer got no sign request');
    expect(more).toEqual([]);
    expect(request).toMatchObject({
      module: 'kz.gov.pki.knca.basics',
      method: 'sign',
      args: {
        format: 'cms',
        signingParams: { decode: true, encapsulate: false, digested: false },
        signerParams: { extKeyUsageOids: ['1.3.6.1.5.5.7.3.4', '1.2.398.3.3.4.1.1'], iin: aIin },
        locale: 'kk',
      },
    });
    const data = (request.args as SignArgs).data;
    expect(data).toBe(content);
    expect(createHash('sha256').update(Buffer.from(data, 'base64')).digest('hex')).toBe(contentSha256);

    const signatures = section.getByRole('region', { name: say('kk', 'web.signing.signers.title') });
    const mine = signatures
      .getByRole('listitem')
      .filter({ hasText: `(${say('kk', 'web.signing.signers.you')})` });
    await mine.getByText(say('kk', 'web.signing.kinds.qualified'), { exact: true }).waitFor();
    expect(await mine.textContent()).toContain(say('kk', 'web.signing.methods.ncalayer'));
    expect(await signatures.getByText(say('kk', 'web.signing.kinds.simple'), { exact: true }).count()).toBe(
      0,
    );
    await signatures.getByText(say('kk', 'web.signing.signers.summary', { signed: 1, total: 3 })).waitFor();
    expect(await form.count()).toBe(0);
    await checkPage(a.page, 'agreement-signed-ncalayer-kk');
    await signatures.screenshot({ path: path.join(SCREENSHOTS, 'agreement-signed-ncalayer-section-kk.png') });

    expect(await mySignature(a.page, caseId)).toEqual({
      method: 'ncalayer',
      kind: 'qualified',
      commonName: 'НҰРЛАНОВА АЙГЕРІМ',
    });
    const stored = await agreementOf(m.page, caseId);
    expect(stored.signers.filter((signer) => signer.signature)).toHaveLength(1);

    for (const person of [a, b, m]) expect(person.errors).toEqual([]);
  }, 300_000);

  it('lets the page reach NCALayer under its own Content Security Policy', async () => {
    // The route above replaces the page's WebSocket, so it cannot see the CSP: this page keeps the
    // server's CSP and dials NCALayer's real address. Nothing listens there, so the socket fails,
    // but the browser must not refuse to try.
    const { page, context } = await open({ locale: 'en-GB' });
    await page.goto('/');
    const violation = await page.evaluate(
      (target) =>
        new Promise<string | null>((resolve) => {
          document.addEventListener(
            'securitypolicyviolation',
            (event) => resolve(`${event.effectiveDirective} refused ${event.blockedURI}`),
            { once: true },
          );
          setTimeout(() => resolve(null), 5_000);
          try {
            const socket = new WebSocket(target);
            socket.addEventListener('close', () => setTimeout(() => resolve(null), 500));
          } catch (error) {
            resolve(String(error));
          }
        }),
      NCALAYER_URL,
    );
    expect(violation, `the Content-Security-Policy blocks ${NCALAYER_URL}`).toBeNull();
    await context.close();
  });
});

type SignArgs = { data: string; signerParams: { iin?: string } };

const signRequests = (fake: FakeNcaLayer) =>
  fake.requests.filter((request) => request.module === 'kz.gov.pki.knca.basics' && request.method === 'sign');

const agreementOf = async (page: Page, caseId: string) => {
  const response = await page.request.get(`/api/cases/${caseId}/agreement`);
  expect(response.status()).toBe(200);
  return (await response.json()) as AgreementApiView;
};

/** The caller's own signature as the server stored it, or null. */
const mySignature = async (page: Page, caseId: string) => {
  const view = await agreementOf(page, caseId);
  const me = view.signers.find((signer) => signer.key === view.me);
  if (!me) throw new Error('the caller does not sign this agreement');
  return (
    me.signature && {
      method: me.signature.method,
      kind: me.signature.kind,
      commonName: me.signature.commonName,
    }
  );
};

/** Drafted, proposed and approved by everyone through the API: the agreement is frozen. */
const frozen = async (a: Page, b: Page, m: Page, caseId: string) => {
  await frozenDebtAgreement({ a: a.request, b: b.request, m: m.request }, caseId);
  const view = await agreementOf(m, caseId);
  expect(view.status).toBe('frozen');
};
