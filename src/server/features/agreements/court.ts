import { and, desc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { courtDecision, courtFilingSummary } from '../../../contracts/agreements.ts';
import type { AppContext } from '../../context.ts';
import { agreementFilings, caseParties, cases } from '../../db/schema/index.ts';
import { audit } from '../../platform/audit.ts';
import type { Principal } from '../../platform/auth/sessions.ts';
import { Problem } from '../../platform/errors.ts';
import { transact } from '../../platform/transaction.ts';
import { applyAction } from '../cases/act.ts';
import { requireCourtOf } from '../cases/policy.ts';
import { loadCase } from '../cases/store.ts';
import { readFilingPackage } from './filing-package.ts';
import { decisionOf, type FilingRow, refundTiyn } from './filing-view.ts';
import { tellParticipants } from './notify.ts';

// The court's side of a filing delivered inside Kelisim (issue 6, channel in_app): the court user
// of the receiving court sees what was filed — the package both parties consented to, nothing
// else of the mediation (R-MED-17) — and records the ruling: approval (R-CPC-04, with the state
// fee refund it gives the plaintiff, R-CPC-06) or refusal with its reasons.

type Summary = z.infer<typeof courtFilingSummary>;
const FILED = ['filed', 'approved', 'refused'] as const;

const summaryOf = async (ctx: AppContext, filing: FilingRow): Promise<Summary> => {
  const [row] = await ctx.db
    .select({ number: cases.number, category: cases.category, stage: cases.stage })
    .from(cases)
    .where(eq(cases.id, filing.caseId));
  const parties = await ctx.db
    .select({ name: caseParties.fullName })
    .from(caseParties)
    .where(and(eq(caseParties.caseId, filing.caseId), eq(caseParties.consent, 'accepted')));
  return {
    id: filing.id,
    caseNumber: row?.number ?? '',
    courtCaseNumber: filing.courtCaseNumber,
    category: row?.category ?? 'civil',
    parties: parties.map((p) => p.name),
    status: filing.status as Summary['status'],
    filedAt: (filing.filedAt ?? filing.createdAt).toISOString(),
    packageSha256: filing.packageSha256 ?? '',
    decision: decisionOf(filing),
  };
};

export const courtFilings = async (ctx: AppContext, principal: Principal) => {
  const courtId = requireCourtOf(principal);
  const rows = await ctx.db
    .select()
    .from(agreementFilings)
    .where(
      and(
        eq(agreementFilings.courtId, courtId),
        eq(agreementFilings.channel, 'in_app'),
        inArray(agreementFilings.status, [...FILED]),
      ),
    )
    .orderBy(desc(agreementFilings.filedAt));
  return Promise.all(rows.map((row) => summaryOf(ctx, row)));
};

/** A filing of the caller's court that was filed (before every consent, it does not exist for the court). */
const courtFiling = async (ctx: AppContext, principal: Principal, filingId: string, lock = false) => {
  const courtId = requireCourtOf(principal);
  const query = ctx.db.select().from(agreementFilings).where(eq(agreementFilings.id, filingId));
  const [row] = await (lock ? query.for('update') : query);
  if (
    !row ||
    row.courtId !== courtId ||
    row.channel !== 'in_app' ||
    !(FILED as readonly string[]).includes(row.status)
  )
    throw new Problem(404, 'filing_not_found');
  return row;
};

export const courtPackage = async (ctx: AppContext, principal: Principal, filingId: string) => {
  const filing = await courtFiling(ctx, principal, filingId);
  if (!filing.packageBlob || !filing.packageSha256) throw new Problem(404, 'filing_not_found');
  const zip = await readFilingPackage(ctx, {
    caseId: filing.caseId,
    packageBlob: filing.packageBlob,
    packageSha256: filing.packageSha256,
  });
  return { bytes: zip, name: `kelisim-filing-${filing.id.slice(0, 8)}.zip` };
};

export const decideFiling = async (
  ctx: AppContext,
  principal: Principal,
  filingId: string,
  input: z.infer<typeof courtDecision>,
) => {
  const caseId = (await courtFiling(ctx, principal, filingId)).caseId;
  await transact(ctx, async (tx, after) => {
    const now = ctx.clock.now();
    const loaded = await loadCase(tx, caseId, 'update');
    const [filing] = await tx
      .select()
      .from(agreementFilings)
      .where(eq(agreementFilings.id, filingId))
      .for('update');
    if (filing?.status !== 'filed') throw new Problem(409, 'filing_already_decided');
    const approved = input.decision === 'approve';
    const fee = approved ? (input.stateFeeTiyn ?? null) : null;
    await tx
      .update(agreementFilings)
      .set({
        status: approved ? 'approved' : 'refused',
        decidedAt: now,
        decidedBy: principal.userId,
        rulingNumber: input.rulingNumber ?? null,
        rulingDate: input.rulingDate,
        refusalReason: approved ? null : input.reason,
        stateFeeTiyn: fee,
        refundTiyn: fee === null ? null : refundTiyn(fee, loaded.row.stage),
      })
      .where(eq(agreementFilings.id, filingId));
    await audit(
      tx,
      {
        actorId: principal.userId,
        action: approved ? 'filing.approved' : 'filing.refused',
        subjectType: 'agreement_filing',
        subjectId: filingId,
        data: {
          caseId: filing.caseId,
          rulingNumber: input.rulingNumber ?? null,
          rulingDate: input.rulingDate,
        },
      },
      now,
    );
    // Approval ends the case as approved by the court (R-CPC-04), told to everyone by the case's
    // own notice; a refusal leaves the case settled out of court, and the parties are told why.
    if (approved && loaded.row.status === 'settled')
      await applyAction(ctx, { tx, after, loaded }, { kind: 'system' }, principal.userId, {
        type: 'court_approve',
      });
    else
      await tellParticipants(
        { ctx, tx, after, userId: principal.userId, actor: { loaded } },
        approved ? 'court_approved' : 'court_refused',
        { ruling: input.rulingNumber ?? '—' },
      );
  });
  return summaryOf(ctx, await courtFiling(ctx, principal, filingId));
};
