import { createHash } from 'node:crypto';
import { asc, gt, sql } from 'drizzle-orm';
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

// The chain starts from this hash; audit_append (migration 0008) starts from the same.
export const GENESIS_HASH = '0'.repeat(64);

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

type Queued = { entry: AuditEntry; at: Date };

// Events of a transaction opened by `transact` wait here and are chained just before COMMIT: the
// chain's lock is then held for three statements, not for the whole use case, so case actions on
// different cases no longer queue behind each other's notifications and mail.
const queues = new WeakMap<object, Queued[]>();

/**
 * The canonical JSON of an event cut where the previous hash goes: the database fills it in under
 * the chain's lock. The top-level "prevHash" is the last such key (only subjectId and subjectType,
 * plain strings, sort after it), so a "prevHash" inside `data` cannot be mistaken for it.
 */
const hashTemplate = (event: Omit<Hashed, 'prevHash'>) => {
  const json = canonicalJson({ ...event, prevHash: '' });
  const cut = json.lastIndexOf('"prevHash":""') + '"prevHash":"'.length;
  return { head: json.slice(0, cut), tail: json.slice(cut) };
};

/** Appends events to the hash chain, in order, under the chain's lock (held until COMMIT). */
const appendToChain = async (tx: Db, events: Queued[]) => {
  if (events.length === 0) return;
  const rows = events.map(({ entry, at }) => {
    // Stored timestamps keep milliseconds only, so the hash can be recomputed from the row.
    const event = { ...entry, data: entry.data ?? {}, at: new Date(at.getTime()) };
    return { ...event, at: event.at.toISOString(), ...hashTemplate(event) };
  });
  await tx.execute(sql`select audit_append(${JSON.stringify(rows)}::jsonb)`);
};

/** Collects `audit` calls made with this transaction until `flushAudit`. */
export const deferAudit = (tx: Db) => {
  queues.set(tx, []);
};

/** Chains what the transaction collected; the last step before COMMIT. */
export const flushAudit = async (tx: Db) => {
  const queued = queues.get(tx) ?? [];
  queues.delete(tx);
  await appendToChain(tx, queued);
};

/**
 * Records one event in the hash chain. Call it inside the transaction that makes the change, so
 * the change and its audit record commit or roll back together.
 */
export const audit = async (tx: Db, entry: AuditEntry, at: Date = new Date()) => {
  const queue = queues.get(tx);
  if (queue) queue.push({ entry, at });
  else await appendToChain(tx, [{ entry, at }]);
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
