import { and, eq, isNull } from 'drizzle-orm';
import type { InterpreterInput, RepresentativeInput } from '../../../contracts/case-members.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/open.ts';
import { caseInterpreters, caseParties, caseRepresentatives, users } from '../../db/schema/index.ts';
import { audit } from '../../platform/audit.ts';
import type { Principal } from '../../platform/auth/sessions.ts';
import { fieldProblem, Problem } from '../../platform/errors.ts';
import { type AfterCommit, transact } from '../../platform/transaction.ts';
import { isPartyItself, requireViewer } from '../cases/policy.ts';
import { type LoadedCase, loadCase } from '../cases/store.ts';
import { notifyAll } from '../notifications/commands.ts';
import { publishRoomEvent } from '../room/events.ts';
import { accountsByIin, interpretersOf, membersView } from './queries.ts';
import { INTERPRETER_STATUSES, memberIinProblem, REPRESENTATIVE_STATUSES } from './rules.ts';

// A party names, changes or removes its representative; the mediator adds and removes interpreters
// (R-MED-15). Each change is audited in its transaction, the person named is told in the app, and
// an interpreter's sessions are refreshed at once (their cached principal lists the cases they
// interpret in: a removed interpreter is refused on the next request on every node).

/** Only the party itself manages its representative; a stranger learns nothing (404). */
const requirePartyItself = (loaded: LoadedCase, principal: Principal) => {
  const viewer = requireViewer(loaded, principal);
  if (!isPartyItself(viewer))
    throw new Problem(403, 'case_actor_not_allowed', { caseStatus: loaded.row.status, rule: 'R-MED-15' });
  return viewer.partyId;
};

const requireMediator = (loaded: LoadedCase, principal: Principal) => {
  const viewer = requireViewer(loaded, principal);
  if (viewer.role !== 'mediator')
    throw new Problem(403, 'case_actor_not_allowed', { caseStatus: loaded.row.status, rule: 'R-MED-15' });
};

const mediatorIin = async (db: Db, loaded: LoadedCase) => {
  if (!loaded.mediatorUserId) return null;
  const [row] = await db.select({ iin: users.iin }).from(users).where(eq(users.id, loaded.mediatorUserId));
  return row?.iin ?? null;
};

/** IINs of everyone in the case but `except` (the party whose representative is being replaced). */
const participantIins = async (db: Db, loaded: LoadedCase, except: { partyId?: string } = {}) => {
  const interpreters = (await interpretersOf(db, loaded.row.id)).filter((i) => i.removedAt === null);
  return [
    ...loaded.parties.map((p) => p.iin),
    ...loaded.parties.filter((p) => p.id !== except.partyId).map((p) => p.representative?.iin),
    await mediatorIin(db, loaded),
    ...interpreters.map((i) => i.iin),
  ];
};

/** Tells the accounts registered with this IIN, in the app only (the change needs nothing from them). */
const tellIin = async (
  ctx: AppContext,
  tx: Db,
  after: AfterCommit,
  iin: string,
  kind: string,
  params: Record<string, string>,
  caseId: string,
) => {
  const accounts = await accountsByIin(tx, [iin]);
  await notifyAll(
    ctx,
    tx,
    after,
    accounts.map((a) => ({ userId: a.id, kind, params, link: `/cases/${caseId}`, email: false })),
  );
  return accounts;
};

const refuseStatus = (loaded: LoadedCase, allowed: readonly string[], code: string) => {
  if (!allowed.includes(loaded.row.status))
    throw new Problem(409, code, { caseStatus: loaded.row.status, rule: 'R-MED-15' });
};

/**
 * Last after the commit (after any sessions are dropped): every node checks its live sockets on the
 * case again, so a removed member stops hearing the rooms at once (room/hub.ts).
 */
const tellLiveRooms = (ctx: AppContext, after: AfterCommit, caseId: string) =>
  after(() => publishRoomEvent(ctx, { type: 'members', caseId }));

export const setRepresentative = async (
  ctx: AppContext,
  principal: Principal,
  caseId: string,
  input: RepresentativeInput,
) => {
  await transact(ctx, async (tx, after) => {
    const loaded = await loadCase(tx, caseId, 'update');
    const partyId = requirePartyItself(loaded, principal);
    refuseStatus(loaded, REPRESENTATIVE_STATUSES, 'representative_case_closed');
    const party = loaded.parties.find((p) => p.id === partyId);
    if (!party) throw new Problem(404, 'not_found');
    const problem = memberIinProblem(input.iin, {
      self: principal.iin ?? party.iin,
      others: [party.iin, ...(await participantIins(tx, loaded, { partyId }))],
    });
    if (problem) throw fieldProblem('iin', problem);
    const now = ctx.clock.now();
    const previous = party.representative;
    await tx
      .update(caseRepresentatives)
      .set({ removedAt: now, removedBy: principal.userId })
      .where(and(eq(caseRepresentatives.partyId, partyId), isNull(caseRepresentatives.removedAt)));
    await tx
      .insert(caseRepresentatives)
      .values({ caseId, partyId, ...input, addedBy: principal.userId, addedAt: now });
    // The party's current representative, where the request form keeps it too (features/cases).
    await tx.update(caseParties).set({ representative: input }).where(eq(caseParties.id, partyId));
    await audit(
      tx,
      {
        actorId: principal.userId,
        action: 'case.representative_set',
        subjectType: 'case',
        subjectId: caseId,
        data: { partyId, fullName: input.fullName, iin: input.iin, powerOfAttorney: input.powerOfAttorney },
      },
      now,
    );
    const params = { number: loaded.row.number, party: party.fullName };
    if (previous && previous.iin !== input.iin)
      await tellIin(ctx, tx, after, previous.iin, 'members.representative_removed', params, caseId);
    if (previous?.iin !== input.iin)
      await tellIin(ctx, tx, after, input.iin, 'members.representative_added', params, caseId);
    tellLiveRooms(ctx, after, caseId);
  });
  return membersView(ctx, principal, caseId);
};

export const removeRepresentative = async (ctx: AppContext, principal: Principal, caseId: string) => {
  await transact(ctx, async (tx, after) => {
    const loaded = await loadCase(tx, caseId, 'update');
    const partyId = requirePartyItself(loaded, principal);
    refuseStatus(loaded, REPRESENTATIVE_STATUSES, 'representative_case_closed');
    const party = loaded.parties.find((p) => p.id === partyId);
    const previous = party?.representative;
    if (!party || !previous) throw new Problem(404, 'representative_not_found');
    const now = ctx.clock.now();
    await tx
      .update(caseRepresentatives)
      .set({ removedAt: now, removedBy: principal.userId })
      .where(and(eq(caseRepresentatives.partyId, partyId), isNull(caseRepresentatives.removedAt)));
    await tx.update(caseParties).set({ representative: null }).where(eq(caseParties.id, partyId));
    await audit(
      tx,
      {
        actorId: principal.userId,
        action: 'case.representative_removed',
        subjectType: 'case',
        subjectId: caseId,
        data: { partyId, iin: previous.iin },
      },
      now,
    );
    const params = { number: loaded.row.number, party: party.fullName };
    await tellIin(ctx, tx, after, previous.iin, 'members.representative_removed', params, caseId);
    tellLiveRooms(ctx, after, caseId);
  });
  return membersView(ctx, principal, caseId);
};

/** The interpreter's accounts must see the change on their next request, on every node. */
const refreshSessions = (ctx: AppContext, after: AfterCommit, accounts: { id: string }[]) => {
  for (const account of accounts) after(() => ctx.sessions.userChanged(account.id));
};

export const addInterpreter = async (
  ctx: AppContext,
  principal: Principal,
  caseId: string,
  input: InterpreterInput,
) => {
  await transact(ctx, async (tx, after) => {
    const loaded = await loadCase(tx, caseId, 'update');
    requireMediator(loaded, principal);
    refuseStatus(loaded, INTERPRETER_STATUSES, 'interpreter_case_not_active');
    const problem = memberIinProblem(input.iin, {
      self: principal.iin ?? (await mediatorIin(tx, loaded)),
      others: await participantIins(tx, loaded),
    });
    if (problem) throw fieldProblem('iin', problem);
    const now = ctx.clock.now();
    const [row] = await tx
      .insert(caseInterpreters)
      .values({ caseId, ...input, addedBy: principal.userId, addedAt: now })
      .returning({ id: caseInterpreters.id });
    await audit(
      tx,
      {
        actorId: principal.userId,
        action: 'case.interpreter_added',
        subjectType: 'case',
        subjectId: caseId,
        data: {
          interpreterId: row?.id,
          fullName: input.fullName,
          iin: input.iin,
          languages: input.languages,
        },
      },
      now,
    );
    const params = { number: loaded.row.number };
    refreshSessions(
      ctx,
      after,
      await tellIin(ctx, tx, after, input.iin, 'members.interpreter_added', params, caseId),
    );
    tellLiveRooms(ctx, after, caseId);
  });
  return membersView(ctx, principal, caseId);
};

export const removeInterpreter = async (
  ctx: AppContext,
  principal: Principal,
  caseId: string,
  interpreterId: string,
) => {
  await transact(ctx, async (tx, after) => {
    const loaded = await loadCase(tx, caseId, 'update');
    requireMediator(loaded, principal);
    const [row] = await tx
      .select()
      .from(caseInterpreters)
      .where(
        and(
          eq(caseInterpreters.id, interpreterId),
          eq(caseInterpreters.caseId, caseId),
          isNull(caseInterpreters.removedAt),
        ),
      );
    if (!row) throw new Problem(404, 'interpreter_not_found');
    const now = ctx.clock.now();
    await tx
      .update(caseInterpreters)
      .set({ removedAt: now, removedBy: principal.userId })
      .where(eq(caseInterpreters.id, row.id));
    await audit(
      tx,
      {
        actorId: principal.userId,
        action: 'case.interpreter_removed',
        subjectType: 'case',
        subjectId: caseId,
        data: { interpreterId: row.id, iin: row.iin },
      },
      now,
    );
    const params = { number: loaded.row.number };
    refreshSessions(
      ctx,
      after,
      await tellIin(ctx, tx, after, row.iin, 'members.interpreter_removed', params, caseId),
    );
    tellLiveRooms(ctx, after, caseId);
  });
  return membersView(ctx, principal, caseId);
};
