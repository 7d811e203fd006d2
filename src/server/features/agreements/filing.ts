import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { filingRequest } from '../../../contracts/agreements.ts';
import type { AgreementDraft } from '../../../core/agreements/types.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/open.ts';
import {
  agreementFilingConsents,
  agreementFilings,
  courts,
  userRoles,
  users,
} from '../../db/schema/index.ts';
import { audit } from '../../platform/audit.ts';
import type { Principal } from '../../platform/auth/sessions.ts';
import { fieldProblem, Problem } from '../../platform/errors.ts';
import { type AfterCommit, transact } from '../../platform/transaction.ts';
import { notifyAll } from '../notifications/commands.ts';
import { evidenceInputOf } from './evidence-download.ts';
import { signingParties } from './facts.ts';
import { buildFilingPackage, type FilingMetadata, putFilingPackage } from './filing-package.ts';
import { type FilingRow, findFiling } from './filing-view.ts';
import { tellParticipants } from './notify.ts';
import { type AgreementActor, agreementReader } from './policy.ts';
import { type AgreementRow, loadVersion, openDraft, requireAgreement } from './store.ts';
import { enqueueFilingDelivery } from './webhook.ts';

// Filing the signed agreement with a court (issue 6, R-CPC-04/06, R-MED-17). A party asks (its
// consent goes with the request), the other party consents; nothing reaches a court before every
// party consented. The last consent files it: the package (agreement, signatures, attestation,
// metadata) is built once and kept, and the channel delivers it — the court's inbox in Kelisim,
// the signed webhook to the court's system, or the parties' own download for manual e-filing.

type Request = z.infer<typeof filingRequest>;
type PartyActor = AgreementActor & { key: string };

const partyItself = async (ctx: AppContext, principal: Principal, caseId: string): Promise<PartyActor> => {
  const actor = await agreementReader(ctx.db, principal, caseId);
  if (!actor.key || actor.key === 'mediator') throw new Problem(403, 'filing_party_only');
  return actor as PartyActor;
};

const signedAgreement = async (db: Db, caseId: string, lock = false) => {
  const row = await requireAgreement(db, caseId, lock);
  if (row.status !== 'signed') throw new Problem(409, 'agreement_not_signed');
  return row;
};

/** Where the filing goes: the referring court, or the court the parties name in Kelisim. */
const destination = async (ctx: AppContext, actor: PartyActor, input: Request) => {
  const referral = actor.loaded.row;
  if (input.channel === 'webhook' && !ctx.config.courtWebhook)
    throw new Problem(409, 'filing_webhook_unconfigured');
  const courtId = referral.courtId ?? input.courtId ?? null;
  if (input.channel === 'in_app' && !courtId) throw fieldProblem('courtId', 'required');
  if (courtId) {
    const [court] = await ctx.db.select({ id: courts.id }).from(courts).where(eq(courts.id, courtId));
    if (!court) throw fieldProblem('courtId', 'court_unknown');
  }
  return { courtId, courtCaseNumber: referral.courtCaseNumber };
};

const record = (
  tx: Db,
  now: Date,
  userId: string,
  filing: Pick<FilingRow, 'id' | 'caseId'>,
  action: string,
  data = {},
) =>
  audit(
    tx,
    {
      actorId: userId,
      action: `filing.${action}`,
      subjectType: 'agreement_filing',
      subjectId: filing.id,
      data: { caseId: filing.caseId, ...data },
    },
    now,
  );

export const requestFiling = async (
  ctx: AppContext,
  principal: Principal,
  caseId: string,
  input: Request,
) => {
  const actor = await partyItself(ctx, principal, caseId);
  await signedAgreement(ctx.db, caseId);
  const target = await destination(ctx, actor, input);
  const id = randomUUID();
  await consentAndMaybeFile(ctx, principal, actor, caseId, async (tx, row, now) => {
    if (await findFiling(tx, row.id)) throw new Problem(409, 'filing_exists');
    await tx.insert(agreementFilings).values({
      id,
      agreementId: row.id,
      caseId,
      channel: input.channel,
      courtId: target.courtId,
      courtCaseNumber: target.courtCaseNumber,
      status: 'awaiting_consent',
      requestedBy: principal.userId,
      createdAt: now,
    });
    await record(tx, now, principal.userId, { id, caseId }, 'requested', {
      channel: input.channel,
      courtId: target.courtId,
    });
    const [filing] = await tx.select().from(agreementFilings).where(eq(agreementFilings.id, id));
    return filing as FilingRow;
  });
};

export const consentToFiling = async (ctx: AppContext, principal: Principal, caseId: string) => {
  const actor = await partyItself(ctx, principal, caseId);
  await consentAndMaybeFile(ctx, principal, actor, caseId, async (tx, row) => {
    const filing = await findFiling(tx, row.id, true);
    if (!filing) throw new Problem(404, 'filing_not_found');
    if (filing.status !== 'awaiting_consent') throw new Problem(409, 'filing_already_filed');
    return filing;
  });
};

const consentsOf = (db: Db, filingId: string) =>
  db.select().from(agreementFilingConsents).where(eq(agreementFilingConsents.filingId, filingId));

/**
 * Records the caller's consent on the filing `open` returns. When it is the last one, the package
 * is built first — outside the transaction (signing, blobs: DESIGN.md §3) — and the filing is
 * filed in the same transaction as the consent; if the consents changed meanwhile, it is retried.
 */
const consentAndMaybeFile = async (
  ctx: AppContext,
  principal: Principal,
  actor: PartyActor,
  caseId: string,
  open: (tx: Db, row: AgreementRow, now: Date) => Promise<FilingRow>,
) => {
  const now = ctx.clock.now();
  const everyone = signingParties(actor.loaded).map((p) => p.id);
  const existing = await findFiling(ctx.db, (await signedAgreement(ctx.db, caseId)).id);
  const before = existing ? await consentsOf(ctx.db, existing.id) : [];
  if (before.some((c) => c.partyId === actor.key)) throw new Problem(409, 'filing_already_consented');
  const last = everyone.every((p) => p === actor.key || before.some((c) => c.partyId === p));
  const prebuilt =
    last && existing
      ? await filingPackage(ctx, actor, existing, [...before, { partyId: actor.key, at: now }], now)
      : null;
  await transact(ctx, async (tx, after) => {
    const row = await signedAgreement(tx, caseId, true);
    const filing = await open(tx, row, now);
    await tx
      .insert(agreementFilingConsents)
      .values({ filingId: filing.id, partyId: actor.key, userId: principal.userId, at: now });
    await record(tx, now, principal.userId, filing, 'consented', { party: actor.key });
    const consents = await consentsOf(tx, filing.id);
    const complete = everyone.every((p) => consents.some((c) => c.partyId === p));
    if (!complete) {
      await tellParticipants({ ctx, tx, after, userId: principal.userId, actor }, 'filing_requested');
      return;
    }
    // The package was built for exactly these consents; if they changed meanwhile, ask again.
    if (!prebuilt || prebuilt.consents !== consents.length) throw new Problem(409, 'filing_changed');
    await fileIt(ctx, tx, after, principal.userId, actor, filing, prebuilt, now);
  });
};

const amountsOf = (draft: AgreementDraft): FilingMetadata['amounts'] =>
  draft.obligations.flatMap((o) =>
    o.subject?.kind === 'money'
      ? [
          {
            debtor: o.debtor,
            creditor: o.creditor,
            amountTiyn: o.subject.amountTiyn,
            ...(o.subject.purpose ? { purpose: o.subject.purpose } : {}),
          },
        ]
      : [],
  );

const filingPackage = async (
  ctx: AppContext,
  actor: PartyActor,
  filing: FilingRow,
  consents: Array<{ partyId: string; at: Date }>,
  now: Date,
) => {
  const row = await requireAgreement(ctx.db, actor.loaded.row.id);
  const evidence = await evidenceInputOf(ctx, actor, row);
  const draft = await openDraft(ctx, row.caseId, await loadVersion(ctx.db, row.id, row.frozenVersion ?? 0));
  const [court] = filing.courtId
    ? await ctx.db.select().from(courts).where(eq(courts.id, filing.courtId))
    : [];
  const metadata: FilingMetadata = {
    filingId: filing.id,
    court: court
      ? { id: court.id, code: court.code, name: court.nameRu }
      : { id: null, code: null, name: '' },
    courtCaseNumber: filing.courtCaseNumber,
    category: draft.case.category,
    parties: signingParties(actor.loaded).map((p) => ({
      id: p.id,
      role: p.side,
      kind: p.kind,
      name: p.fullName,
      ...(p.iin ? { iin: p.iin } : {}),
      ...(p.bin ? { bin: p.bin } : {}),
    })),
    amounts: amountsOf(draft),
    consents: consents.map((c) => ({ party: c.partyId, at: c.at })),
    filedAt: now,
  };
  const built = await buildFilingPackage(evidence, metadata, ctx.signatures.attestor);
  const stored = await putFilingPackage(ctx, filing, built.zip);
  return { ...stored, consents: consents.length };
};

/** The court users of a court: whom an in-app filing is announced to (never its content). */
const courtUsers = (db: Db, courtId: string) =>
  db
    .select({ id: users.id })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, 'court_user')))
    .where(eq(users.courtId, courtId));

const fileIt = async (
  ctx: AppContext,
  tx: Db,
  after: AfterCommit,
  userId: string,
  actor: PartyActor,
  filing: FilingRow,
  built: { packageBlob: string; packageSha256: string },
  now: Date,
) => {
  await tx
    .update(agreementFilings)
    .set({
      status: 'filed',
      filedAt: now,
      packageBlob: built.packageBlob,
      packageSha256: built.packageSha256,
    })
    .where(eq(agreementFilings.id, filing.id));
  await record(tx, now, userId, filing, 'filed', {
    channel: filing.channel,
    packageSha256: built.packageSha256,
  });
  if (filing.channel === 'webhook') await enqueueFilingDelivery(tx, filing.id, now);
  if (filing.channel === 'in_app' && filing.courtId) {
    const recipients = await courtUsers(tx, filing.courtId);
    await notifyAll(
      ctx,
      tx,
      after,
      recipients.map((r) => ({
        userId: r.id,
        kind: 'agreements.court_filing',
        params: { number: actor.loaded.row.number, courtCaseNumber: filing.courtCaseNumber ?? '—' },
        link: '/court/filings',
      })),
    );
  }
  await tellParticipants({ ctx, tx, after, userId, actor }, 'filed');
};
