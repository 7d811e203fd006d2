import type { z } from 'zod';
import type { courtReferral } from '../../../contracts/cases.ts';
import { kzDate } from '../../../core/calendar/dates.ts';
import { courtReferralCheck } from '../../../core/cases/explorer-court.ts';
import { partyProblems } from '../../../core/cases/request.ts';
import type { AppContext } from '../../context.ts';
import { caseParties, cases } from '../../db/schema/index.ts';
import type { Principal } from '../../platform/auth/sessions.ts';
import { type FieldError, Problem } from '../../platform/errors.ts';
import { transact } from '../../platform/transaction.ts';
import { rotationPick } from '../registry/case-record.ts';
import { recordEvent } from './act.ts';
import { nextCaseNumber } from './intake.ts';
import { inviteParty } from './invitations.ts';
import { requireCourtOf } from './policy.ts';
import { createOnce, loadCase } from './store.ts';

// A court refers a pending case to mediation (R-CPC-01): both parties are invited as in any
// request (nobody is compelled, R-MED-09); with rotation, the parties are first offered the next
// mediator in the court's fair rotation. The court later sees status and outcome only (R-MED-17).

type Referral = z.infer<typeof courtReferral>;

/** Each party as a request's respondent is checked (core `partyProblems`); the two must differ. */
const referralProblems = (input: Referral): FieldError[] =>
  input.parties.flatMap((party, i) =>
    partyProblems(
      party,
      `parties.${i}`,
      input.parties.slice(0, i).map((p) => ({ iin: p.iin ?? null, bin: p.bin ?? null })),
      'same_party',
    ),
  );

export const referCase = async (
  ctx: AppContext,
  principal: Principal,
  input: Referral,
  idempotencyKey: string | null,
) => {
  const courtId = requireCourtOf(principal);
  const check = courtReferralCheck({
    proceeding: input.proceeding,
    stage: input.stage,
    category: input.category,
  });
  if (!check.allowed) throw new Problem(422, 'referral_not_allowed', { rules: check.rules.join(', ') });
  const problems = referralProblems(input);
  if (problems.length) throw new Problem(400, 'validation_failed', {}, problems);
  return createOnce(ctx.db, principal.userId, idempotencyKey, () =>
    transact(ctx, async (tx, after) => {
      const now = ctx.clock.now();
      const needs = {
        category: input.category,
        language: input.language,
        region: input.region,
        remote: input.remote,
        wantsPublic: input.wantsPublicMediator,
      };
      const suggested =
        input.mediatorSelection === 'rotation' ? await rotationPick(tx, needs, [], now) : null;
      const [row] = await tx
        .insert(cases)
        .values({
          number: await nextCaseNumber(tx, now),
          status: 'invited',
          origin: 'court',
          createdBy: principal.userId,
          idempotencyKey,
          category: input.category,
          subject: input.subject,
          claimAmountKzt: input.claimAmountKzt ?? null,
          region: input.region,
          language: input.language,
          remote: input.remote,
          wantsPublicMediator: input.wantsPublicMediator,
          suggestedMediatorId: suggested,
          courtId,
          courtCaseNumber: input.courtCaseNumber,
          proceeding: input.proceeding,
          stage: input.stage,
          judgeName: input.judgeName,
          submittedAt: now,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: cases.id, number: cases.number });
      if (!row) throw new Error('insert returned nothing');
      await tx.insert(caseParties).values(
        input.parties.map((p, i) => ({
          caseId: row.id,
          side: i === 0 ? ('initiator' as const) : ('respondent' as const),
          kind: p.kind,
          fullName: p.fullName,
          iin: p.kind === 'individual' ? (p.iin ?? null) : null,
          bin: p.kind === 'organisation' ? (p.bin ?? null) : null,
          email: p.email ?? null,
          phone: p.phone ?? null,
        })),
      );
      const loaded = await loadCase(tx, row.id);
      for (const party of loaded.parties) await inviteParty(ctx, tx, after, loaded, party, kzDate(now));
      await recordEvent(
        tx,
        {
          caseId: row.id,
          action: 'referred',
          actor: 'court',
          actorUserId: principal.userId,
          from: null,
          to: 'invited',
          rule: check.rules[0] ?? 'R-CPC-01',
          data: { courtId, suggestedMediatorId: suggested },
        },
        now,
      );
      return row;
    }),
  );
};
