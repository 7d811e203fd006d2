import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { and, asc, eq, isNull, lte, or } from 'drizzle-orm';
import type { CourtWebhook } from '../../config.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/open.ts';
import { agreementFilings, filingDeliveries } from '../../db/schema/index.ts';
import { audit } from '../../platform/audit.ts';
import { transact } from '../../platform/transaction.ts';
import { filingOfPackage, readFilingPackage } from './filing-package.ts';

// Filing by webhook (issue 6, channel (b)): the filing package goes to the court's endpoint
// (KELISIM_COURT_WEBHOOK_URL) as one signed HTTP POST, retried with backoff, every attempt kept in
// filing_deliveries. Signature Stripe-like: HMAC-SHA256 with the shared secret over
// "<timestamp>.<body>" (docs/api.md "Court filing webhook"). Several worker nodes may run: a due
// row is claimed with FOR UPDATE SKIP LOCKED and leased by stamping its attempt time, and the
// HTTP call happens outside any transaction (DESIGN.md §3).

export const DELIVERY_FORMAT = 'kelisim.filing-delivery/1';
/** Wait before attempt 2, 3, … 6; after the 6th failure the filing is given up on. */
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 12 * 3_600_000] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
export const ATTEMPT_TIMEOUT_MS = 15_000;
/** How long a claimed attempt is hidden from other nodes: well beyond one attempt's timeout. */
const LEASE_MS = 5 * 60_000;
/** Attempts one pass takes: even all timing out (15 s each), the pass ends well within the lease. */
const BATCH = 10;
export const DEFAULT_TOLERANCE_S = 300;

export const HEADERS = {
  delivery: 'X-Kelisim-Delivery',
  timestamp: 'X-Kelisim-Timestamp',
  signature: 'X-Kelisim-Signature',
} as const;

/**
 * The delivery id: one UUID per filing, the same on every attempt, so a receiver that got an
 * attempt whose answer we never saw recognises the retry. SHA-256 of the filing id, as a UUID.
 */
export const deliveryIdOf = (filingId: string) => {
  const hex = createHash('sha256').update(`kelisim.filing-delivery:${filingId}`).digest('hex');
  const variant = ((Number.parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

export const filingPackageUrl = (publicUrl: string, filingId: string) =>
  `${publicUrl.replace(/\/$/, '')}/api/court/filings/${filingId}/package.zip`;

/** `sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>`. */
export const signWebhook = (secret: string, timestamp: number, body: string | Uint8Array) =>
  `sha256=${createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex')}`;

export type WebhookCheck =
  | { ok: true; deliveryId: string; timestamp: number }
  | { ok: false; reason: 'missing_headers' | 'stale_timestamp' | 'bad_signature' };

type HeaderBag = Headers | Record<string, string | string[] | undefined>;
const header = (headers: HeaderBag, name: string) => {
  const value = headers instanceof Headers ? headers.get(name) : headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : (value ?? undefined);
};

/**
 * What a receiver runs on every delivery, before parsing the body: the signature over the raw
 * body bytes holds for this secret, and the timestamp is within `toleranceS` of its clock (a
 * replayed old request is refused). Node's IncomingMessage headers or a fetch Headers both work.
 */
export const verifyWebhookSignature = (
  secret: string,
  headers: HeaderBag,
  body: string | Uint8Array,
  now: Date = new Date(),
  toleranceS = DEFAULT_TOLERANCE_S,
): WebhookCheck => {
  const deliveryId = header(headers, HEADERS.delivery);
  const stamp = header(headers, HEADERS.timestamp);
  const given = header(headers, HEADERS.signature);
  if (!deliveryId || !stamp || !given || !/^\d{1,12}$/.test(stamp))
    return { ok: false, reason: 'missing_headers' };
  const timestamp = Number(stamp);
  if (Math.abs(now.getTime() / 1000 - timestamp) > toleranceS)
    return { ok: false, reason: 'stale_timestamp' };
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const actual = Buffer.from(given.trim());
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected))
    return { ok: false, reason: 'bad_signature' };
  return { ok: true, deliveryId, timestamp };
};

/**
 * Schedules the first attempt (due at once); a filing already in the log is left as it is. Call it
 * in the transaction that files (and holds the filing's row), once the package is stored.
 */
export const enqueueFilingDelivery = async (tx: Db, filingId: string, now: Date) => {
  const [existing] = await tx
    .select()
    .from(filingDeliveries)
    .where(eq(filingDeliveries.filingId, filingId))
    .limit(1);
  if (existing) return;
  await tx.insert(filingDeliveries).values({ filingId, attempt: 1, status: 'pending', dueAt: now });
};

type Claimed = { id: string; filingId: string; attempt: number; claimedAt: Date };

/**
 * Due attempts, taken by this node: the attempt time it writes is its lease, hiding the row from
 * other nodes for LEASE_MS (a node that died mid-attempt leaves it to the next one after that).
 */
const claimDue = (ctx: AppContext) =>
  transact(ctx, async (tx) => {
    const now = ctx.clock.now();
    const rows = await tx
      .select({
        id: filingDeliveries.id,
        filingId: filingDeliveries.filingId,
        attempt: filingDeliveries.attempt,
      })
      .from(filingDeliveries)
      .where(
        and(
          eq(filingDeliveries.status, 'pending'),
          lte(filingDeliveries.dueAt, now),
          or(
            isNull(filingDeliveries.attemptedAt),
            lte(filingDeliveries.attemptedAt, new Date(now.getTime() - LEASE_MS)),
          ),
        ),
      )
      .orderBy(asc(filingDeliveries.dueAt))
      .limit(BATCH)
      .for('update', { skipLocked: true });
    for (const row of rows)
      await tx.update(filingDeliveries).set({ attemptedAt: now }).where(eq(filingDeliveries.id, row.id));
    return rows.map((row): Claimed => ({ ...row, claimedAt: now }));
  });

type Outcome =
  | { delivered: true; httpStatus: number }
  | { delivered: false; httpStatus: number | null; error: string };

type Request = { ok: true; body: string } | { ok: false; error: string; retry: boolean };

/**
 * The request body for this filing, or why nothing may go out: never before every consent
 * (R-MED-17). A missing package may still come (it is made after the last consent), so that is
 * tried again; a filing not (or no longer) to be sent this way will not change by waiting.
 */
const requestFor = async (ctx: AppContext, claimed: Claimed): Promise<Request> => {
  const [filing] = await ctx.db
    .select()
    .from(agreementFilings)
    .where(eq(agreementFilings.id, claimed.filingId));
  if (!filing) return { ok: false, error: 'filing_missing', retry: false };
  if (filing.channel !== 'webhook' || filing.status === 'awaiting_consent')
    return { ok: false, error: 'not_filed', retry: false };
  if (!filing.packageBlob || !filing.packageSha256)
    return { ok: false, error: 'package_missing', retry: true };
  const { packageBlob, packageSha256 } = filing;
  let zip: Uint8Array;
  let document: unknown;
  try {
    zip = await readFilingPackage(ctx, { caseId: filing.caseId, packageBlob, packageSha256 });
    document = filingOfPackage(zip);
  } catch (error) {
    ctx.log.error({ err: error, filingId: filing.id }, 'filing package unreadable');
    return { ok: false, error: 'package_unreadable', retry: true };
  }
  const body = JSON.stringify({
    format: DELIVERY_FORMAT,
    filingId: filing.id,
    filing: document,
    package: {
      sha256: packageSha256,
      size: zip.length,
      url: filingPackageUrl(ctx.config.publicUrl, filing.id),
    },
    packageBase64: Buffer.from(zip).toString('base64'),
  });
  return { ok: true, body };
};

const send = async (
  ctx: AppContext,
  webhook: CourtWebhook,
  claimed: Claimed,
  body: string,
): Promise<Outcome> => {
  const timestamp = Math.floor(ctx.clock.now().getTime() / 1000);
  try {
    const response = await fetch(webhook.url, {
      method: 'POST',
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
      headers: {
        'Content-Type': 'application/json',
        [HEADERS.delivery]: deliveryIdOf(claimed.filingId),
        [HEADERS.timestamp]: String(timestamp),
        [HEADERS.signature]: signWebhook(webhook.secret, timestamp, body),
      },
    });
    await response.body?.cancel();
    if (response.status >= 200 && response.status < 300)
      return { delivered: true, httpStatus: response.status };
    return { delivered: false, httpStatus: response.status, error: `HTTP ${response.status}` };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return {
      delivered: false,
      httpStatus: null,
      error: (cause ? `${message} (${cause})` : message).slice(0, 500),
    };
  }
};

/** Records the attempt; schedules the next one after a failure, unless this was the last. */
const record = (ctx: AppContext, claimed: Claimed, outcome: Outcome, retry: boolean) =>
  transact(ctx, async (tx) => {
    const now = ctx.clock.now();
    const done = await tx
      .update(filingDeliveries)
      .set({
        status: outcome.delivered ? 'delivered' : 'failed',
        httpStatus: outcome.httpStatus,
        error: outcome.delivered ? null : outcome.error,
      })
      .where(
        and(
          eq(filingDeliveries.id, claimed.id),
          eq(filingDeliveries.status, 'pending'),
          eq(filingDeliveries.attemptedAt, claimed.claimedAt),
        ),
      )
      .returning({ id: filingDeliveries.id });
    // Our lease ran out while we sent and another node took the attempt over: its result stands.
    if (done.length === 0) return 'late' as const;
    const delay = RETRY_DELAYS_MS[claimed.attempt - 1];
    if (!outcome.delivered && retry && delay !== undefined) {
      await tx.insert(filingDeliveries).values({
        filingId: claimed.filingId,
        attempt: claimed.attempt + 1,
        status: 'pending',
        dueAt: new Date(now.getTime() + delay),
      });
      return 'retry' as const;
    }
    await audit(
      tx,
      {
        actorId: null,
        action: outcome.delivered ? 'filing.delivered' : 'filing.delivery_abandoned',
        subjectType: 'agreement_filing',
        subjectId: claimed.filingId,
        data: { attempt: claimed.attempt, httpStatus: outcome.httpStatus },
      },
      now,
    );
    return outcome.delivered ? ('delivered' as const) : ('abandoned' as const);
  });

/**
 * One pass of the worker: sends every due attempt. A delivered filing stays `filed` — the court
 * answers later (POST /api/court/filings/:id/decision). Returns counts for the job log.
 */
export const deliverDueFilings = async (ctx: AppContext) => {
  const counts = { delivered: 0, retrying: 0, abandoned: 0 };
  const webhook = ctx.config.courtWebhook;
  if (!webhook) return counts;
  for (const claimed of await claimDue(ctx)) {
    const request = await requestFor(ctx, claimed);
    const outcome: Outcome = request.ok
      ? await send(ctx, webhook, claimed, request.body)
      : { delivered: false, httpStatus: null, error: request.error };
    const retry = request.ok || request.retry;
    const result = await record(ctx, claimed, outcome, retry);
    if (result === 'delivered') counts.delivered++;
    else if (result === 'retry') counts.retrying++;
    else if (result === 'abandoned') counts.abandoned++;
    ctx.log.info(
      { filingId: claimed.filingId, attempt: claimed.attempt, result, httpStatus: outcome.httpStatus },
      'court filing delivery',
    );
  }
  return counts;
};
