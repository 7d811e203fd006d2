import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { CaseRequest, screeningAnswers } from '../../../contracts/cases.ts';
import { kzDate } from '../../../core/calendar/dates.ts';
import { requestProblems } from '../../../core/cases/request.ts';
import { HELP_LINES } from '../../../core/cases/screening.ts';
import type { AppContext } from '../../context.ts';
import { type Db, rowsOf } from '../../db/open.ts';
import { caseParties, cases, users } from '../../db/schema/index.ts';
import type { Principal } from '../../platform/auth/sessions.ts';
import { Problem } from '../../platform/errors.ts';
import { transact } from '../../platform/transaction.ts';
import { act, recordEvent, refusalProblem } from './act.ts';
import { inviteParty } from './invitations.ts';
import { requireViewer } from './policy.ts';
import { storeScreening } from './screening.ts';
import { createOnce, type LoadedCase, loadCase } from './store.ts';

// A party's request: a draft that only its author sees, the private safety screening, and the
// submission that invites the other party (issue 4, R-MED-09/10, R-FAM-02).

export const nextCaseNumber = async (tx: Db, now: Date) => {
  const [row] = rowsOf<{ n: string }>(await tx.execute(sql`select nextval('case_number_seq') as n`));
  return `KLS-${now.getUTCFullYear()}-${String(row?.n).padStart(6, '0')}`;
};

const requestColumns = (input: CaseRequest) => ({
  category: input.category ?? null,
  subject: input.subject ?? null,
  description: input.description ?? null,
  claimAmountKzt: input.claimAmountKzt ?? null,
  region: input.region ?? null,
  language: input.language ?? null,
  remote: input.remote ?? null,
  wantsPublicMediator: input.wantsPublicMediator ?? null,
});

const respondentColumns = (input: CaseRequest) => {
  const r = input.respondent ?? {};
  return {
    kind: r.kind ?? ('individual' as const),
    fullName: r.fullName ?? '',
    iin: r.kind === 'organisation' ? null : (r.iin ?? null),
    bin: r.kind === 'organisation' ? (r.bin ?? null) : null,
    email: r.email ?? null,
    phone: r.phone ?? null,
  };
};

/** Creates a draft; the same idempotency key from the same person returns the first draft. */
export const createDraft = async (
  ctx: AppContext,
  principal: Principal,
  input: CaseRequest,
  idempotencyKey: string | null,
) => {
  return createOnce(ctx.db, principal.userId, idempotencyKey, () =>
    transact(ctx, async (tx) => {
      const now = ctx.clock.now();
      const [account] = await tx.select().from(users).where(eq(users.id, principal.userId));
      if (!account) throw new Problem(401, 'unauthenticated');
      const [row] = await tx
        .insert(cases)
        .values({
          number: await nextCaseNumber(tx, now),
          status: 'draft',
          origin: 'party',
          createdBy: principal.userId,
          idempotencyKey,
          ...requestColumns(input),
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: cases.id, number: cases.number });
      if (!row) throw new Error('insert returned nothing');
      await tx.insert(caseParties).values([
        {
          caseId: row.id,
          side: 'initiator',
          kind: account.kind,
          fullName: account.fullName,
          iin: account.iin,
          bin: account.bin,
          email: account.email,
          phone: account.phone,
          userId: account.id,
          representative: input.representative ?? null,
          // Filing the request is the initiator's consent to mediate (R-MED-07).
          consent: 'accepted',
          consentAt: now,
        },
        { caseId: row.id, side: 'respondent', ...respondentColumns(input) },
      ]);
      await recordEvent(
        tx,
        {
          caseId: row.id,
          action: 'created',
          actor: 'party',
          actorUserId: principal.userId,
          from: null,
          to: 'draft',
          rule: null,
        },
        now,
      );
      return row;
    }),
  );
};

const requireDraftOfInitiator = (loaded: LoadedCase, principal: Principal) => {
  const viewer = requireViewer(loaded, principal);
  const initiator = loaded.parties.find((p) => p.side === 'initiator');
  if (viewer.role !== 'party' || viewer.partyId !== initiator?.id)
    throw refusalProblem({
      ok: false,
      code: 'case_actor_not_allowed',
      status: loaded.facts.status,
      rule: 'R-MED-09',
    });
  if (loaded.row.status !== 'draft')
    throw refusalProblem({
      ok: false,
      code: 'case_action_not_allowed',
      status: loaded.facts.status,
      rule: 'R-MED-09',
    });
  return initiator;
};

/** Replaces the draft's fields with what the form holds now. */
export const updateDraft = (ctx: AppContext, principal: Principal, caseId: string, input: CaseRequest) =>
  transact(ctx, async (tx) => {
    const loaded = await loadCase(tx, caseId, 'update');
    const initiator = requireDraftOfInitiator(loaded, principal);
    const now = ctx.clock.now();
    await tx
      .update(cases)
      .set({ ...requestColumns(input), updatedAt: now })
      .where(eq(cases.id, caseId));
    await tx
      .update(caseParties)
      .set({ representative: input.representative ?? null })
      .where(eq(caseParties.id, initiator.id));
    await tx
      .update(caseParties)
      .set(respondentColumns(input))
      .where(and(eq(caseParties.caseId, caseId), eq(caseParties.side, 'respondent')));
  });

export const discardDraft = (ctx: AppContext, principal: Principal, caseId: string) =>
  transact(ctx, async (tx) => {
    const loaded = await loadCase(tx, caseId, 'update');
    requireDraftOfInitiator(loaded, principal);
    // Nothing was sent to anyone: a discarded draft leaves no trace but the audit's.
    await tx.delete(cases).where(eq(cases.id, caseId));
  });

export const answerScreening = async (
  ctx: AppContext,
  principal: Principal,
  caseId: string,
  answers: z.infer<typeof screeningAnswers>,
) => {
  let positive = false;
  const result = await act(
    ctx,
    caseId,
    principal,
    { type: 'record_screening' },
    {
      quiet: true,
      extra: async ({ tx, actor }) => {
        if (actor.kind !== 'party') return;
        positive = await storeScreening(ctx, tx, caseId, actor.partyId, answers);
      },
    },
  );
  const [row] = await ctx.db
    .select({ separate: cases.separateSessions })
    .from(cases)
    .where(eq(cases.id, result.caseId));
  return {
    positive,
    separateSessions: row?.separate ?? positive,
    helpLines: positive ? [...HELP_LINES] : [],
  };
};

/** Sends the request: the draft must be complete (field errors otherwise), then the other party is invited. */
export const submitRequest = (ctx: AppContext, principal: Principal, caseId: string) =>
  act(
    ctx,
    caseId,
    principal,
    { type: 'submit' },
    {
      check: ({ row, parties }) => {
        if (row.status !== 'draft') return;
        const initiator = parties.find((p) => p.side === 'initiator');
        const respondent = parties.find((p) => p.side === 'respondent');
        const problems = requestProblems(
          {
            ...row,
            respondent: respondent && {
              kind: respondent.kind,
              fullName: respondent.fullName,
              iin: respondent.iin ?? undefined,
              bin: respondent.bin ?? undefined,
              email: respondent.email ?? undefined,
              phone: respondent.phone ?? undefined,
            },
          },
          { iin: initiator?.iin ?? null, bin: initiator?.bin ?? null, email: initiator?.email ?? '' },
        );
        if (problems.length) throw new Problem(400, 'validation_failed', {}, problems);
      },
      extra: async ({ tx, after, loaded, now }) => {
        await tx.update(cases).set({ submittedAt: now }).where(eq(cases.id, caseId));
        const respondent = loaded.parties.find((p) => p.side === 'respondent');
        if (respondent) await inviteParty(ctx, tx, after, loaded, respondent, kzDate(now));
      },
    },
  );
