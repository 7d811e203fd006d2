import { asc, eq } from 'drizzle-orm';
import type { FilingView } from '../../../contracts/agreements.ts';
import type { CourtStage } from '../../../core/cases/court.ts';
import type { Locale } from '../../../core/identity/roles.ts';
import { FEE_REFUND_PERCENT } from '../../../core/law/civil-procedure.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/open.ts';
import {
  agreementFilingConsents,
  agreementFilings,
  caseParties,
  courts,
  filingDeliveries,
} from '../../db/schema/index.ts';
import type { AgreementRow } from './store.ts';

// The filing as the parties and the mediator see it: consents, delivery log, the court's decision
// and the state fee refund it gives the plaintiff (R-CPC-06).

export type FilingRow = typeof agreementFilings.$inferSelect;

export const findFiling = async (db: Db, agreementId: string, lock = false) => {
  const query = db.select().from(agreementFilings).where(eq(agreementFilings.agreementId, agreementId));
  const [row] = await (lock ? query.for('update') : query);
  return row ?? null;
};

/** R-CPC-06: the refund on the fee the ruling states; a case no court referred is at first instance. */
export const refundTiyn = (stateFeeTiyn: number, stage: CourtStage | null) =>
  Math.floor((stateFeeTiyn * FEE_REFUND_PERCENT[stage ?? 'first_instance']) / 100);

export const decisionOf = (filing: FilingRow) =>
  filing.decidedAt
    ? {
        approved: filing.status === 'approved',
        rulingNumber: filing.rulingNumber,
        rulingDate: filing.rulingDate,
        reason: filing.refusalReason,
        refund:
          filing.status === 'approved' && filing.stateFeeTiyn !== null && filing.refundTiyn !== null
            ? {
                stateFeeTiyn: filing.stateFeeTiyn,
                refundTiyn: filing.refundTiyn,
                percent: Math.round((filing.refundTiyn / Math.max(filing.stateFeeTiyn, 1)) * 100),
              }
            : null,
        at: filing.decidedAt.toISOString(),
      }
    : null;

export const filingViewOf = async (
  ctx: AppContext,
  row: AgreementRow,
  locale: Locale,
): Promise<FilingView | null> => {
  const filing = await findFiling(ctx.db, row.id);
  if (!filing) return null;
  const parties = await ctx.db
    .select({ id: caseParties.id, name: caseParties.fullName, consent: caseParties.consent })
    .from(caseParties)
    .where(eq(caseParties.caseId, row.caseId));
  const consents = await ctx.db
    .select()
    .from(agreementFilingConsents)
    .where(eq(agreementFilingConsents.filingId, filing.id));
  const deliveries = await ctx.db
    .select()
    .from(filingDeliveries)
    .where(eq(filingDeliveries.filingId, filing.id))
    .orderBy(asc(filingDeliveries.attempt));
  const [court] = filing.courtId
    ? await ctx.db
        .select({ kk: courts.nameKk, ru: courts.nameRu, en: courts.nameEn })
        .from(courts)
        .where(eq(courts.id, filing.courtId))
    : [];
  return {
    id: filing.id,
    channel: filing.channel,
    courtName: court ? court[locale] : null,
    courtCaseNumber: filing.courtCaseNumber,
    status: filing.status,
    consents: parties
      .filter((p) => p.consent === 'accepted')
      .map((p) => ({
        partyId: p.id,
        name: p.name,
        at: consents.find((c) => c.partyId === p.id)?.at.toISOString() ?? null,
      })),
    filedAt: filing.filedAt?.toISOString() ?? null,
    deliveries: deliveries.map((d) => ({
      attempt: d.attempt,
      status: d.status,
      httpStatus: d.httpStatus,
      at: d.attemptedAt?.toISOString() ?? null,
    })),
    decision: decisionOf(filing),
  };
};
