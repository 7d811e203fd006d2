import { eq } from 'drizzle-orm';
import { kzDate } from '../../../core/calendar/dates.ts';
import { periodEnd } from '../../../core/calendar/periods.ts';
import {
  type Actor,
  type CaseAction,
  type CaseStatus,
  type Decision,
  decide,
  isClosed,
  type Refusal,
  TERM_DAYS,
} from '../../../core/cases/lifecycle.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/open.ts';
import { caseEvents, type cases, mediators } from '../../db/schema/index.ts';
import { audit } from '../../platform/audit.ts';
import type { Principal } from '../../platform/auth/sessions.ts';
import { Problem } from '../../platform/errors.ts';
import { type AfterCommit, transact } from '../../platform/transaction.ts';
import { notifyAll } from '../notifications/commands.ts';
import { caseReleased, caseTaken } from '../registry/case-record.ts';
import { buildContract } from './contract.ts';
import { requireViewer } from './policy.ts';
import { type LoadedCase, loadCase, saveFacts } from './store.ts';

// One use case runner for every lifecycle action: lock the case, ask the core state machine,
// store its answer with what entering the new status means, write the timeline and the audit
// event, and tell the other participants — all in one transaction, mail after commit.

const REFUSAL_STATUS: Record<Refusal['code'], number> = {
  case_action_not_allowed: 409,
  case_actor_not_allowed: 403,
  screening_required: 409,
  already_answered: 409,
  mediator_excluded: 409,
  extension_too_long: 422,
  already_confirmed: 409,
};

export const refusalProblem = (refusal: Refusal) =>
  new Problem(REFUSAL_STATUS[refusal.code], refusal.code, { caseStatus: refusal.status, rule: refusal.rule });

export type ActionContext = {
  tx: Db;
  after: AfterCommit;
  loaded: LoadedCase;
  decision: Extract<Decision, { ok: true }>;
  now: Date;
  actor: Actor;
};

/**
 * What entering a status means beyond the facts: the mediator's caseload, and the case columns to
 * set with the facts (the contract, the clock, the end).
 */
const enterStatus = async (c: ActionContext) => {
  const { tx, loaded, decision, now } = c;
  const { from, to } = decision;
  const set: Partial<typeof cases.$inferInsert> = {};
  if (from === to) return set;
  if (to === 'contract') {
    await caseTaken(tx, decision.facts.mediatorId as string);
    const contract = await buildContract(
      tx,
      { ...loaded, row: { ...loaded.row, mediatorId: decision.facts.mediatorId } },
      kzDate(now),
    );
    Object.assign(set, { contract: contract.terms, contractHash: contract.hash });
  }
  if (to === 'active') {
    // R-MED-07: mediation starts on the day the contract is concluded; R-MED-11: 30 days from it.
    const startedOn = kzDate(now);
    Object.assign(set, {
      startedOn,
      termEndsOn: periodEnd(startedOn, TERM_DAYS + decision.facts.extensionDays),
    });
  }
  // The mediation ends once: a court's later approval (settled → approved_by_court) keeps its end.
  if (isClosed(to) && !isClosed(from)) {
    set.endedAt = now;
    const mediatorId = loaded.row.mediatorId;
    if (mediatorId && (from === 'contract' || from === 'active'))
      await caseReleased(tx, mediatorId, { mediated: from === 'active', settled: to === 'settled' });
  }
  return set;
};

/** Everyone taking part in the case who has an account, but the one who acted. */
export const participantUserIds = async (tx: Db, loaded: LoadedCase, mediatorId: string | null) => {
  const ids = loaded.parties
    .filter((p) => p.userId && p.consent !== 'declined')
    .map((p) => p.userId as string);
  if (mediatorId && mediatorId === loaded.row.mediatorId && loaded.mediatorUserId)
    ids.push(loaded.mediatorUserId);
  else if (mediatorId) {
    // The mediator was set by this very action: not yet known from the loaded case.
    const [m] = await tx
      .select({ userId: mediators.userId })
      .from(mediators)
      .where(eq(mediators.id, mediatorId));
    if (m) ids.push(m.userId);
  }
  return [...new Set(ids)];
};

export const recordEvent = async (
  tx: Db,
  event: {
    caseId: string;
    action: string;
    actor: 'party' | 'mediator' | 'court' | 'system';
    actorUserId: string | null;
    from: CaseStatus | null;
    to: CaseStatus | null;
    rule: string | null;
    data?: Record<string, unknown>;
  },
  now: Date,
) => {
  await tx.insert(caseEvents).values({
    caseId: event.caseId,
    at: now,
    action: event.action,
    actor: event.actor,
    fromStatus: event.from,
    toStatus: event.to,
    rule: event.rule,
  });
  await audit(
    tx,
    {
      actorId: event.actorUserId,
      action: `case.${event.action}`,
      subjectType: 'case',
      subjectId: event.caseId,
      data: { from: event.from, to: event.to, rule: event.rule, ...event.data },
    },
    now,
  );
};

/** The notification everyone else gets: named after the new status, or the action when it stays. */
export const tellParticipants = async (
  ctx: AppContext,
  c: Pick<ActionContext, 'tx' | 'after' | 'loaded'>,
  kind: string,
  who: { except: string | null; mediatorId: string | null },
  message: { params?: Record<string, string | number>; email?: boolean } = {},
) => {
  const recipients = await participantUserIds(c.tx, c.loaded, who.mediatorId);
  await notifyAll(
    ctx,
    c.tx,
    c.after,
    recipients
      .filter((userId) => userId !== who.except)
      .map((userId) => ({
        userId,
        kind: `case.${kind}`,
        params: { number: c.loaded.row.number, ...message.params },
        link: `/cases/${c.loaded.row.id}`,
        email: message.email,
      })),
  );
};

type ActOptions = {
  /** Checks before the state machine (e.g. the contract hash the person saw). */
  check?: (loaded: LoadedCase) => void;
  /** The action's own records beyond the facts (declarations, ending reason, extension note). */
  extra?: (c: ActionContext) => Promise<void>;
  /** Data for the audit event. */
  data?: Record<string, unknown>;
  /** Private actions (the safety screening) leave no timeline entry and tell nobody. */
  quiet?: boolean;
};

/**
 * Takes an action on a case already loaded and locked in this transaction: the state machine
 * decides, then facts, status effects, the action's own records, timeline, audit, notifications.
 */
export const applyAction = async (
  ctx: AppContext,
  scope: { tx: Db; after: AfterCommit; loaded: LoadedCase },
  actor: Actor,
  actorUserId: string | null,
  action: CaseAction,
  options: ActOptions = {},
) => {
  const { tx, after, loaded } = scope;
  const now = ctx.clock.now();
  options.check?.(loaded);
  const decision = decide(loaded.facts, actor, action);
  if (!decision.ok) throw refusalProblem(decision);
  const c: ActionContext = { tx, after, loaded, decision, now, actor };
  await saveFacts(tx, loaded, decision.facts, now, await enterStatus(c));
  await options.extra?.(c);
  if (!options.quiet) {
    await recordEvent(
      tx,
      {
        caseId: loaded.row.id,
        action: action.type,
        actor: actor.kind,
        actorUserId,
        from: decision.from,
        to: decision.to,
        rule: decision.rule,
        data: options.data,
      },
      now,
    );
    const moved = decision.from !== decision.to;
    // Invited parties are told by the invitation itself (with its reply-by date). A step inside a
    // status (the other party's choice, a confirmation) is shown in the app; only a new status —
    // something to do or something that happened to the case — is also emailed, so a party is not
    // sent a mail for every click of the others.
    if (decision.to !== 'invited' || decision.from === 'invited')
      await tellParticipants(
        ctx,
        c,
        moved ? decision.to : action.type,
        { except: actorUserId, mediatorId: decision.facts.mediatorId ?? loaded.row.mediatorId },
        { email: moved },
      );
  }
  return { caseId: loaded.row.id, status: decision.to, facts: decision.facts };
};

/** A logged-in participant takes an action on a case. */
export const act = async (
  ctx: AppContext,
  caseId: string,
  principal: Principal,
  action: CaseAction,
  options: ActOptions = {},
) =>
  transact(ctx, async (tx, after) => {
    const loaded = await loadCase(tx, caseId, 'update');
    const viewer = requireViewer(loaded, principal);
    if (!viewer.actor)
      throw refusalProblem({
        ok: false,
        code: 'case_actor_not_allowed',
        status: loaded.facts.status,
        rule: 'R-MED-17',
      });
    return applyAction(ctx, { tx, after, loaded }, viewer.actor, principal.userId, action, options);
  });
