import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { screeningAnswers } from '../../../contracts/cases.ts';
import { isPositiveScreen } from '../../../core/cases/screening.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/open.ts';
import { caseScreenings, cases } from '../../db/schema/index.ts';

/**
 * R-FAM-02: stores a party's private screening answers (sealed under the case's key) and, if the
 * screen is positive, moves the whole case to separate sessions without saying why or for whom.
 */
export const storeScreening = async (
  ctx: AppContext,
  tx: Db,
  caseId: string,
  partyId: string,
  answers: z.infer<typeof screeningAnswers>,
) => {
  const sealed = await ctx.sealer.seal(tx, `case:${caseId}`, Buffer.from(JSON.stringify(answers)));
  const now = ctx.clock.now();
  await tx
    .insert(caseScreenings)
    .values({ partyId, caseId, answers: sealed, answeredAt: now })
    .onConflictDoUpdate({ target: caseScreenings.partyId, set: { answers: sealed, answeredAt: now } });
  const positive = isPositiveScreen(answers);
  if (positive) await tx.update(cases).set({ separateSessions: true }).where(eq(cases.id, caseId));
  return positive;
};
