import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/open.ts';
import { caseParties, cases } from '../../db/schema/index.ts';

// What other features may ask about someone's part in cases, without reading case tables.

/**
 * Was this person a party of a case that this mediator took (the mediator accepted it)? Only
 * they can file an ethics complaint about the mediator (issue 3).
 */
export const wasPartyWithMediator = async (db: Db, userId: string, mediatorId: string) => {
  const [row] = await db
    .select({ id: cases.id })
    .from(cases)
    .innerJoin(caseParties, eq(caseParties.caseId, cases.id))
    .where(
      and(
        eq(caseParties.userId, userId),
        eq(caseParties.consent, 'accepted'),
        eq(cases.mediatorId, mediatorId),
        isNotNull(cases.contractHash),
        sql`${cases.status} <> 'mediator_asked'`,
      ),
    )
    .limit(1);
  return Boolean(row);
};
