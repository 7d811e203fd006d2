// Filing by webhook against a real HTTP server in the test: the receiver checks every request with
// verifyWebhookSignature as a court's endpoint would; the worker retries on the schedule, keeps a
// delivery log, sends nothing without a package or before every consent, and gives up after six.
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { invitedCase } from '../../../../test/cases.ts';
import { loadConfig } from '../../config.ts';
import { agreementFilings, agreements, auditEvents, filingDeliveries } from '../../db/schema/index.ts';
import type { EvidenceInput } from './evidence.ts';
import { buildFilingPackage, filingOfPackage, putFilingPackage } from './filing-package.ts';
import {
  deliverDueFilings,
  deliveryIdOf,
  enqueueFilingDelivery,
  RETRY_DELAYS_MS,
  signWebhook,
  verifyWebhookSignature,
} from './webhook.ts';

const SECRET = 'court-webhook-secret-0123456789-abcdef';
type Received = {
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  check: ReturnType<typeof verifyWebhookSignature>;
};
let received: Received[] = [];
/** What the court's endpoint answers, in order; 200 once the list is used up. */
let answers: number[] = [];
let server: http.Server;
let url: string;
let t: TestApp;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      // The receiver's clock is the platform's (a manual clock in tests).
      const check = verifyWebhookSignature(SECRET, request.headers, body, t.clock.now());
      received.push({ headers: request.headers, body, check });
      response.statusCode = check.ok ? (answers.shift() ?? 200) : 401;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/kelisim/filings`;
  t = await createTestApp({ KELISIM_COURT_WEBHOOK_URL: url, KELISIM_COURT_WEBHOOK_SECRET: SECRET });
});
afterAll(async () => {
  await t.close();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(async () => {
  await t.reset();
  received = [];
  answers = [];
  t.ctx.config.courtWebhook = { url, secret: SECRET };
});

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A signed agreement of a real case, filed by webhook, its package stored unless `withPackage` is false. */
const filed = async ({ withPackage = true, status = 'filed' as 'filed' | 'awaiting_consent' } = {}) => {
  const { a, caseId } = await invitedCase(t);
  const now = t.clock.now();
  const [agreement] = await t.ctx.db
    .insert(agreements)
    .values({ caseId, status: 'signed', latestVersion: 1, frozenVersion: 1, createdAt: now, updatedAt: now })
    .returning();
  const [filing] = await t.ctx.db
    .insert(agreementFilings)
    .values({
      agreementId: agreement?.id as string,
      caseId,
      channel: 'webhook',
      status,
      requestedBy: a.me.id,
      createdAt: now,
      filedAt: status === 'filed' ? now : null,
    })
    .returning();
  const filingId = filing?.id as string;
  const pdf = new TextEncoder().encode('%PDF-1.7\nKelisim\n%%EOF\n');
  const evidence: EvidenceInput = {
    caseNumber: 'KLS-2026-000001',
    agreementHash: 'c'.repeat(64),
    frozenAt: now,
    publicUrl: t.ctx.config.publicUrl,
    originalPdf: { sha256: sha256(pdf), length: pdf.length },
    signedPdf: pdf,
    mediator: { name: 'Медиатор', registryNumber: 'KZ-MED-000001', organisation: 'Ұйым' },
    parties: [{ name: 'Әлия' }, { name: 'Ғалым' }],
    signatures: [],
    issuedAt: now,
  };
  const built = await buildFilingPackage(
    evidence,
    {
      filingId,
      court: { id: null, code: '7594', name: 'Сот' },
      courtCaseNumber: null,
      category: 'civil',
      parties: [
        { id: 'p1', role: 'initiator', kind: 'individual', name: 'Әлия' },
        { id: 'p2', role: 'respondent', kind: 'individual', name: 'Ғалым' },
      ],
      amounts: [{ debtor: 'p2', creditor: 'p1', amountTiyn: 100_000 }],
      consents: [
        { party: 'p1', at: now },
        { party: 'p2', at: now },
      ],
      filedAt: now,
    },
    t.ctx.signatures.attestor,
  );
  if (withPackage) {
    const stored = await putFilingPackage(t.ctx, { id: filingId, caseId }, built.zip);
    await t.ctx.db.update(agreementFilings).set(stored).where(eq(agreementFilings.id, filingId));
  }
  await enqueueFilingDelivery(t.ctx.db, filingId, now);
  return { filingId, zip: built.zip };
};

const log = (filingId: string) =>
  t.ctx.db
    .select()
    .from(filingDeliveries)
    .where(eq(filingDeliveries.filingId, filingId))
    .orderBy(asc(filingDeliveries.attempt));

describe('court filing webhook', () => {
  it('delivers the signed filing, retries a 500 a minute later, and logs both attempts', async () => {
    const { filingId, zip } = await filed();
    answers = [500];
    expect(await deliverDueFilings(t.ctx)).toEqual({ delivered: 0, retrying: 1, abandoned: 0 });
    expect(received).toHaveLength(1);
    // Not due yet: nothing goes out before the minute has passed.
    t.clock.advance(59_000);
    expect(await deliverDueFilings(t.ctx)).toEqual({ delivered: 0, retrying: 0, abandoned: 0 });
    t.clock.advance(1_000);
    expect(await deliverDueFilings(t.ctx)).toEqual({ delivered: 1, retrying: 0, abandoned: 0 });
    expect(received).toHaveLength(2);

    const rows = await log(filingId);
    expect(rows.map((r) => [r.attempt, r.status, r.httpStatus])).toEqual([
      [1, 'failed', 500],
      [2, 'delivered', 200],
    ]);
    expect(rows[0]?.error).toBe('HTTP 500');
    expect(rows[1]?.dueAt.getTime()).toBe((rows[0]?.attemptedAt?.getTime() ?? 0) + 60_000);

    for (const request of received) {
      expect(request.check).toEqual({
        ok: true,
        deliveryId: deliveryIdOf(filingId),
        timestamp: expect.any(Number),
      });
      expect(request.headers['content-type']).toBe('application/json');
      // One delivery id per filing, on every attempt: receivers dedupe on it.
      expect(request.headers['x-kelisim-delivery']).toBe(deliveryIdOf(filingId));
    }
    const payload = JSON.parse(received[1]?.body.toString() ?? '{}');
    expect(payload).toMatchObject({
      format: 'kelisim.filing-delivery/1',
      filingId,
      filing: filingOfPackage(zip),
      package: {
        sha256: sha256(zip),
        size: zip.length,
        url: `http://kelisim.test/api/court/filings/${filingId}/package.zip`,
      },
    });
    expect(Buffer.from(payload.packageBase64, 'base64').equals(Buffer.from(zip))).toBe(true);

    // The court decides later: the filing stays filed, the delivery is in the audit trail.
    const [filing] = await t.ctx.db.select().from(agreementFilings).where(eq(agreementFilings.id, filingId));
    expect(filing?.status).toBe('filed');
    const trail = await t.ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'filing.delivered'), eq(auditEvents.subjectId, filingId)));
    expect(trail).toHaveLength(1);
  });

  it('signs so that a stale timestamp, another secret or another body is refused', async () => {
    await filed();
    await deliverDueFilings(t.ctx);
    const [request] = received;
    if (!request) throw new Error('nothing received');
    const now = t.clock.now();
    expect(verifyWebhookSignature(SECRET, request.headers, request.body, now).ok).toBe(true);
    const later = new Date(now.getTime() + 301_000);
    expect(verifyWebhookSignature(SECRET, request.headers, request.body, later)).toEqual({
      ok: false,
      reason: 'stale_timestamp',
    });
    const earlier = new Date(now.getTime() - 301_000);
    expect(verifyWebhookSignature(SECRET, request.headers, request.body, earlier).ok).toBe(false);
    expect(verifyWebhookSignature(`${SECRET}x`, request.headers, request.body, now)).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    const altered = Buffer.from(request.body.toString().replace('"filingId"', '"filingID"'));
    expect(verifyWebhookSignature(SECRET, request.headers, altered, now).ok).toBe(false);
    // A signature replayed with a fresh timestamp does not hold either: the timestamp is signed.
    const stamp = String(Math.floor(now.getTime() / 1000) + 10);
    const replayed = { ...request.headers, 'x-kelisim-timestamp': stamp };
    expect(verifyWebhookSignature(SECRET, replayed, request.body, now).ok).toBe(false);
    const { 'x-kelisim-signature': _, ...unsigned } = request.headers;
    expect(verifyWebhookSignature(SECRET, unsigned, request.body, now)).toEqual({
      ok: false,
      reason: 'missing_headers',
    });
    // The recipe as documented, computed by hand.
    const fetchHeaders = new Headers({
      'X-Kelisim-Delivery': 'd',
      'X-Kelisim-Timestamp': '1700000000',
      'X-Kelisim-Signature': signWebhook(SECRET, 1_700_000_000, 'hello'),
    });
    expect(verifyWebhookSignature(SECRET, fetchHeaders, 'hello', new Date(1_700_000_100_000)).ok).toBe(true);
  });

  it('sends nothing for a filing whose package is missing, and tries again later', async () => {
    const { filingId } = await filed({ withPackage: false });
    expect(await deliverDueFilings(t.ctx)).toEqual({ delivered: 0, retrying: 1, abandoned: 0 });
    expect(received).toHaveLength(0);
    const rows = await log(filingId);
    expect(rows.map((r) => [r.attempt, r.status, r.error])).toEqual([
      [1, 'failed', 'package_missing'],
      [2, 'pending', null],
    ]);
  });

  it('never sends a filing still awaiting a consent (R-MED-17)', async () => {
    const { filingId } = await filed({ status: 'awaiting_consent' });
    expect(await deliverDueFilings(t.ctx)).toEqual({ delivered: 0, retrying: 0, abandoned: 1 });
    expect(received).toHaveLength(0);
    expect((await log(filingId)).map((r) => [r.status, r.error])).toEqual([['failed', 'not_filed']]);
  });

  it('backs off 1 min, 5 min, 30 min, 2 h, 12 h and gives up after the sixth failure', async () => {
    const { filingId } = await filed();
    answers = [500, 502, 503, 500, 500, 500, 200];
    for (const delay of [0, ...RETRY_DELAYS_MS]) {
      t.clock.advance(delay);
      await deliverDueFilings(t.ctx);
    }
    t.clock.advance(24 * 3_600_000);
    expect(await deliverDueFilings(t.ctx)).toEqual({ delivered: 0, retrying: 0, abandoned: 0 });
    expect(received).toHaveLength(6);
    const rows = await log(filingId);
    expect(rows.map((r) => [r.attempt, r.status, r.httpStatus])).toEqual([
      [1, 'failed', 500],
      [2, 'failed', 502],
      [3, 'failed', 503],
      [4, 'failed', 500],
      [5, 'failed', 500],
      [6, 'failed', 500],
    ]);
    const gaps = rows.slice(1).map((r, i) => r.dueAt.getTime() - (rows[i]?.attemptedAt?.getTime() ?? 0));
    expect(gaps).toEqual([...RETRY_DELAYS_MS]);
    const trail = await t.ctx.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'filing.delivery_abandoned'));
    expect(trail.map((e) => e.subjectId)).toEqual([filingId]);
  });

  it('records a refused connection as an error, and several workers send one attempt once', async () => {
    const { filingId } = await filed();
    t.ctx.config.courtWebhook = { url: 'http://127.0.0.1:1/', secret: SECRET };
    await deliverDueFilings(t.ctx);
    const [first] = await log(filingId);
    expect(first).toMatchObject({ status: 'failed', httpStatus: null });
    expect(first?.error).toMatch(/ECONNREFUSED|fetch failed/);

    t.ctx.config.courtWebhook = { url, secret: SECRET };
    t.clock.advance(RETRY_DELAYS_MS[0]);
    const passes = await Promise.all([1, 2, 3].map(() => deliverDueFilings(t.ctx)));
    expect(passes.reduce((sum, p) => sum + p.delivered, 0)).toBe(1);
    expect(received).toHaveLength(1);
  });

  it('leaves an attempt another node is making alone until its lease runs out', async () => {
    const { filingId } = await filed();
    const now = t.clock.now();
    // Another node claimed it a moment ago and is still waiting for the court's answer.
    await t.ctx.db
      .update(filingDeliveries)
      .set({ attemptedAt: now })
      .where(eq(filingDeliveries.filingId, filingId));
    t.clock.advance(60_000);
    expect(await deliverDueFilings(t.ctx)).toEqual({ delivered: 0, retrying: 0, abandoned: 0 });
    expect(received).toHaveLength(0);
    // That node died: after the lease the attempt is made here.
    t.clock.advance(5 * 60_000);
    expect(await deliverDueFilings(t.ctx)).toEqual({ delivered: 1, retrying: 0, abandoned: 0 });
    expect(received).toHaveLength(1);
  });

  it('refuses at start a secret shorter than 32 characters, or a URL without its secret', () => {
    const env = { KELISIM_COURT_WEBHOOK_URL: 'https://court.example/kelisim' };
    expect(() => loadConfig({ ...env, KELISIM_COURT_WEBHOOK_SECRET: 'x'.repeat(31) })).toThrow(/at least 32/);
    expect(() => loadConfig(env)).toThrow(/set together/);
    expect(() =>
      loadConfig({ KELISIM_COURT_WEBHOOK_URL: 'ftp://court', KELISIM_COURT_WEBHOOK_SECRET: SECRET }),
    ).toThrow(/http/);
    expect(loadConfig({ ...env, KELISIM_COURT_WEBHOOK_SECRET: SECRET }).courtWebhook).toEqual({
      url: 'https://court.example/kelisim',
      secret: SECRET,
    });
    expect(loadConfig({}).courtWebhook).toBeNull();
  });

  it('enqueues a filing once, and sends nothing when no endpoint is configured', async () => {
    const { filingId } = await filed();
    await enqueueFilingDelivery(t.ctx.db, filingId, t.clock.now());
    expect(await log(filingId)).toHaveLength(1);
    t.ctx.config.courtWebhook = null;
    expect(await deliverDueFilings(t.ctx)).toEqual({ delivered: 0, retrying: 0, abandoned: 0 });
    expect(received).toHaveLength(0);
    expect((await log(filingId)).map((r) => r.status)).toEqual(['pending']);
  });
});
