import { createHash } from 'node:crypto';
import { asc, desc, gt, sql } from 'drizzle-orm';
import { canonicalJson } from '../../core/util/canonical-json.ts';
import type { Db } from '../db/open.ts';
import { auditEvents } from '../db/schema/index.ts';

export type AuditEntry = {
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  data?: Record<string, unknown>;
};

export const GENESIS_HASH = '0'.repeat(64);
// Any constant works; it names the lock that serialises appends to the chain.
const AUDIT_CHAIN_LOCK = 4_711_2011;

type Hashed = AuditEntry & { at: Date; prevHash: string };

export const auditHash = (event: Hashed) =>
  createHash('sha256')
    .update(
      canonicalJson({
        prevHash: event.prevHash,
        at: event.at.toISOString(),
        actorId: event.actorId,
        action: event.action,
        subjectType: event.subjectType,
        subjectId: event.subjectId,
        data: event.data ?? {},
      }),
    )
    .digest('hex');

/**
 * Appends one event to the hash chain. Call it inside the transaction that makes the change, so
 * the change and its audit record commit or roll back together.
 */
export const audit = async (tx: Db, entry: AuditEntry, at: Date = new Date()) => {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const [last] = await tx
    .select({ hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  // Stored timestamps keep milliseconds only, so the hash can be recomputed from the row.
  const event: Hashed = {
    ...entry,
    data: entry.data ?? {},
    at: new Date(at.getTime()),
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  await tx.insert(auditEvents).values({ ...event, data: event.data ?? {}, hash: auditHash(event) });
};

export type ChainReport =
  | { ok: true; events: number }
  | { ok: false; events: number; brokenAt: number; reason: string };

/** Walks the whole chain in order and reports the first row whose link or hash does not hold. */
export const verifyAuditChain = async (db: Db, batchSize = 1000): Promise<ChainReport> => {
  let prevHash = GENESIS_HASH;
  let afterSeq = 0;
  let events = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.seq, afterSeq))
      .orderBy(asc(auditEvents.seq))
      .limit(batchSize);
    if (rows.length === 0) return { ok: true, events };
    for (const row of rows) {
      if (row.prevHash !== prevHash)
        return { ok: false, events, brokenAt: row.seq, reason: 'previous hash does not match' };
      if (auditHash(row) !== row.hash)
        return { ok: false, events, brokenAt: row.seq, reason: 'content does not match its hash' };
      prevHash = row.hash;
      afterSeq = row.seq;
      events += 1;
    }
  }
};
