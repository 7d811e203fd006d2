import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { ending, extension, mediatorAnswer, rating } from '../../../contracts/cases.ts';
import { periodEnd } from '../../../core/calendar/periods.ts';
import { TERM_DAYS } from '../../../core/cases/lifecycle.ts';
import type { AppContext } from '../../context.ts';
import { cases, conflictDeclarations, mediatorRatings } from '../../db/schema/index.ts';
import type { Principal } from '../../platform/auth/sessions.ts';
import { Problem } from '../../platform/errors.ts';
import { isUniqueViolation, transact } from '../../platform/transaction.ts';
import { mediatorSummary, ratingGiven } from '../registry/case-record.ts';
import { act, recordEvent } from './act.ts';
import { isPartyItself, requireViewer } from './policy.ts';
import { loadCase } from './store.ts';

// From "both parties agree on a mediator" to the end of the mediation: choice, the mediator's
// conflict-of-interest declaration (R-MED-06), the contract (R-MED-20), the term (R-MED-11),
// the endings (R-MED-15, R-MED-21) and the parties' rating of the mediator.

/** A party proposes or approves a mediator; only listed mediators can be chosen. */
export const chooseMediator = async (
  ctx: AppContext,
  principal: Principal,
  caseId: string,
  mediatorId: string,
) => {
  const mediator = await mediatorSummary(ctx.db, mediatorId, principal.locale);
  if (!mediator?.listed)
    throw new Problem(400, 'validation_failed', {}, [{ field: 'mediatorId', code: 'mediator_not_listed' }]);
  return act(ctx, caseId, principal, { type: 'choose_mediator', mediatorId }, { data: { mediatorId } });
};

/**
 * The asked mediator answers. Accepting needs a "no conflict" declaration for every party;
 * a declared conflict is a refusal that also keeps them out of this case (R-MED-06).
 */
export const answerAsMediator = (
  ctx: AppContext,
  principal: Principal,
  caseId: string,
  answer: z.infer<typeof mediatorAnswer>,
) =>
  act(ctx, caseId, principal, answer.accept ? { type: 'mediator_accept' } : { type: 'mediator_decline' }, {
    check: ({ parties }) => {
      if (!answer.accept) return;
      const declared = new Set(answer.declarations.map((d) => d.partyId));
      const missing = parties.filter((p) => !declared.has(p.id));
      if (missing.length)
        throw new Problem(400, 'validation_failed', {}, [
          { field: 'declarations', code: 'declare_each_party' },
        ]);
    },
    extra: async ({ tx, loaded, now, actor }) => {
      if (actor.kind !== 'mediator') return;
      const rows = answer.accept
        ? loaded.parties.map((p) => ({ partyId: p.id, conflict: false, note: null }))
        : [{ partyId: null, conflict: answer.reason === 'conflict', note: answer.note ?? null }];
      await tx
        .insert(conflictDeclarations)
        .values(rows.map((r) => ({ ...r, caseId, mediatorId: actor.mediatorId, declaredAt: now })));
    },
    data: answer.accept ? { declarations: 'no_conflict' } : { reason: answer.reason },
  });

/** A party or the mediator confirms the contract they read: the hash must be the current one. */
export const confirmContract = (
  ctx: AppContext,
  principal: Principal,
  caseId: string,
  contractHash: string,
) =>
  act(
    ctx,
    caseId,
    principal,
    { type: 'confirm_contract' },
    {
      check: ({ row }) => {
        if (row.status === 'contract' && row.contractHash !== contractHash)
          throw new Problem(409, 'contract_changed');
      },
      data: { contractHash, method: 'in_app' },
    },
  );

/** R-MED-11: the mediator records an extension the parties agreed to; the term moves. */
export const extendTerm = (
  ctx: AppContext,
  principal: Principal,
  caseId: string,
  input: z.infer<typeof extension>,
) =>
  act(
    ctx,
    caseId,
    principal,
    { type: 'extend', days: input.days },
    {
      extra: async ({ tx, loaded, decision }) => {
        const startedOn = loaded.row.startedOn as string;
        await tx
          .update(cases)
          .set({
            termEndsOn: periodEnd(startedOn, TERM_DAYS + decision.facts.extensionDays),
            remindedAtDays: null,
          })
          .where(eq(cases.id, caseId));
      },
      data: { days: input.days, note: input.note },
    },
  );

export const endMediation = (
  ctx: AppContext,
  principal: Principal,
  caseId: string,
  input: z.infer<typeof ending>,
) => {
  const action =
    input.outcome === 'terminated'
      ? ({ type: 'terminate', reason: input.reason } as const)
      : ({ type: 'end', outcome: input.outcome } as const);
  const reason = input.outcome === 'terminated' ? input.reason : null;
  return act(ctx, caseId, principal, action, {
    extra: async ({ tx }) => {
      await tx
        .update(cases)
        .set({ endReason: reason, endNote: input.note ?? null })
        .where(eq(cases.id, caseId));
    },
    data: { reason },
  });
};

/** Voluntariness: a party may leave at any time, saying why if they wish. */
export const withdraw = (ctx: AppContext, principal: Principal, caseId: string, reason: string | undefined) =>
  act(
    ctx,
    caseId,
    principal,
    { type: 'withdraw' },
    {
      extra: async ({ tx }) => {
        await tx
          .update(cases)
          .set({ endReason: 'withdrawn', endNote: reason ?? null })
          .where(eq(cases.id, caseId));
      },
    },
  );

/** Statuses after which the parties have met a mediator and may rate them. */
const RATEABLE = ['settled', 'not_settled', 'terminated', 'term_expired', 'withdrawn'];

export const mayRate = (status: string, contractConcluded: boolean) =>
  RATEABLE.includes(status) && contractConcluded;

/** Once per case and party, after the case ended with a mediation that took place. */
export const rateMediator = (
  ctx: AppContext,
  principal: Principal,
  caseId: string,
  input: z.infer<typeof rating>,
) =>
  transact(ctx, async (tx) => {
    const loaded = await loadCase(tx, caseId, 'update');
    const viewer = requireViewer(loaded, principal);
    const mediatorId = loaded.row.mediatorId;
    // The party's own opinion of the mediator: not its representative's (policy.ts).
    if (!isPartyItself(viewer))
      throw new Problem(403, 'case_actor_not_allowed', { caseStatus: loaded.row.status, rule: '' });
    if (!mediatorId || !mayRate(loaded.row.status, loaded.row.startedOn !== null))
      throw new Problem(409, 'case_action_not_allowed', { caseStatus: loaded.row.status, rule: 'R-MED-06' });
    const now = ctx.clock.now();
    try {
      await tx.transaction(async (inner) => {
        await inner.insert(mediatorRatings).values({
          caseId,
          mediatorId,
          partyId: viewer.partyId,
          stars: input.stars,
          comment: input.comment ?? null,
          createdAt: now,
        });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new Problem(409, 'already_rated');
      throw error;
    }
    await ratingGiven(tx, mediatorId, input.stars);
    await recordEvent(
      tx,
      {
        caseId,
        action: 'rated',
        actor: 'party',
        actorUserId: principal.userId,
        from: null,
        to: null,
        rule: null,
        data: { stars: input.stars },
      },
      now,
    );
  });
