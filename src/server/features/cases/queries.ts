import { and, asc, count, desc, eq, inArray, notInArray, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { caseListQuery } from '../../../contracts/cases.ts';
import { daysLeft } from '../../../core/calendar/periods.ts';
import {
  availableActions,
  type CaseStatus,
  CLOSED_STATUSES,
  waitingFor,
} from '../../../core/cases/lifecycle.ts';
import type { Locale } from '../../../core/identity/roles.ts';
import type { CaseNeeds } from '../../../core/registry/matching.ts';
import { type RoomMember, roomsOf } from '../../../core/room/rooms.ts';
import type { AppContext } from '../../context.ts';
import { caseEvents, caseParties, cases, mediatorRatings, mediators, users } from '../../db/schema/index.ts';
import type { Principal } from '../../platform/auth/sessions.ts';
import { Problem } from '../../platform/errors.ts';
import { mediatorSummary } from '../registry/case-record.ts';
import { matchMediators } from '../registry/queries.ts';
import { unreadByCase } from '../room/queries.ts';
import { courtOf } from './contract.ts';
import { mayRate } from './mediation.ts';
import { isPartyItself, mediatorIdOf, requireViewer, type Viewer } from './policy.ts';
import { caseFacts, type LoadedCase, loadCase, type PartyRow } from './store.ts';

// What each participant sees of a case. The court sees status, parties' names and the outcome,
// never the content (R-MED-17); a party sees its own screening status, never the other's.

const iso = (value: Date | null) => value?.toISOString() ?? null;

/** The court and an interpreter see who the parties are, not their identity numbers or contacts. */
const seesIdentity = (viewer: Viewer) => viewer.role !== 'court' && viewer.role !== 'interpreter';

const partyView = (p: PartyRow, viewer: Viewer, initiatorView: boolean) => ({
  id: p.id,
  side: p.side,
  kind: p.kind,
  fullName: p.fullName,
  idNumber: seesIdentity(viewer) ? (p.iin ?? p.bin) : null,
  email: seesIdentity(viewer) ? p.email : null,
  phone: seesIdentity(viewer) ? p.phone : null,
  representative: p.representative
    ? { fullName: p.representative.fullName, powerOfAttorney: p.representative.powerOfAttorney }
    : null,
  consent: p.consent,
  // Proof of notice is for whoever sent the proposal (and the mediator, the court): R-MED-10.
  invitation:
    p.invitedAt && (initiatorView || viewer.role !== 'party')
      ? {
          sentAt: iso(p.invitedAt),
          deliveredAt: iso(p.deliveredAt),
          readAt: iso(p.readAt),
          replyBy: p.replyBy,
        }
      : null,
  mediatorChoiceId: p.mediatorChoiceId,
  contractConfirmedAt: iso(p.contractConfirmedAt),
  screened: viewer.role === 'party' && viewer.partyId === p.id ? p.screenedAt !== null : null,
});

const requestOf = (loaded: LoadedCase) => {
  const { row, parties } = loaded;
  const respondent = parties.find((p) => p.side === 'respondent');
  const initiator = parties.find((p) => p.side === 'initiator');
  return {
    category: row.category ?? undefined,
    subject: row.subject ?? undefined,
    description: row.description ?? undefined,
    claimAmountKzt: row.claimAmountKzt,
    region: row.region ?? undefined,
    language: row.language ?? undefined,
    remote: row.remote ?? undefined,
    wantsPublicMediator: row.wantsPublicMediator ?? undefined,
    respondent: respondent
      ? {
          kind: respondent.kind,
          fullName: respondent.fullName || undefined,
          iin: respondent.iin ?? undefined,
          bin: respondent.bin ?? undefined,
          email: respondent.email ?? undefined,
          phone: respondent.phone ?? undefined,
        }
      : undefined,
    representative: initiator?.representative ?? null,
  };
};

export const caseView = async (ctx: AppContext, principal: Principal, caseId: string, locale: Locale) => {
  const loaded = await loadCase(ctx.db, caseId);
  const viewer = requireViewer(loaded, principal);
  const { row, facts } = loaded;
  const now = ctx.clock.now();
  const viewerParty =
    viewer.role === 'party' ? loaded.parties.find((p) => p.id === viewer.partyId) : undefined;
  const mediator = row.mediatorId ? await mediatorSummary(ctx.db, row.mediatorId, locale) : null;
  const court = row.courtId ? await courtOf(ctx.db, row.courtId, locale) : null;
  const timeline = await ctx.db
    .select()
    .from(caseEvents)
    .where(eq(caseEvents.caseId, caseId))
    .orderBy(asc(caseEvents.id));
  const myRating =
    viewer.role === 'party'
      ? (
          await ctx.db
            .select({ stars: mediatorRatings.stars })
            .from(mediatorRatings)
            .where(and(eq(mediatorRatings.caseId, caseId), eq(mediatorRatings.partyId, viewer.partyId)))
        )[0]
      : undefined;
  // The request's particulars and the contract: not for the court (R-MED-17), nor an interpreter.
  const isContent = seesIdentity(viewer);
  return {
    id: row.id,
    number: row.number,
    status: facts.status,
    origin: row.origin,
    request: isContent ? requestOf(loaded) : null,
    separateSessions: row.separateSessions,
    screeningRequired: facts.screeningRequired,
    viewer: {
      role: viewer.role,
      ...(viewer.role === 'party' && { via: viewer.via }),
      partyId: viewer.role === 'party' ? viewer.partyId : null,
      actions: viewer.actor ? availableActions(facts, viewer.actor) : [],
    },
    waiting: waitingFor(facts),
    parties: loaded.parties.map((p) =>
      partyView(p, viewer, viewerParty?.side === 'initiator' && row.origin === 'party'),
    ),
    mediator: mediator && {
      id: mediator.id,
      fullName: mediator.fullName,
      kind: mediator.kind,
      registryNumber: mediator.registryNumber,
      organisation: mediator.organisation,
    },
    suggestedMediatorId: row.suggestedMediatorId,
    excludedMediatorIds: row.excludedMediatorIds,
    contract:
      isContent && row.contract && row.contractHash
        ? {
            hash: row.contractHash,
            terms: row.contract,
            mediatorConfirmedAt: iso(row.mediatorConfirmedAt),
          }
        : null,
    term:
      row.startedOn && row.termEndsOn
        ? {
            startedOn: row.startedOn,
            endsOn: row.termEndsOn,
            extensionDays: row.extensionDays,
            daysLeft: facts.status === 'active' ? daysLeft(now, row.termEndsOn) : 0,
          }
        : null,
    ending: row.endedAt
      ? {
          outcome: facts.status,
          reason: row.endReason,
          note: isContent ? row.endNote : null,
          at: row.endedAt.toISOString(),
        }
      : null,
    court:
      court && row.courtCaseNumber && row.proceeding && row.stage
        ? {
            name: court.name,
            caseNumber: row.courtCaseNumber,
            proceeding: row.proceeding,
            stage: row.stage,
            judgeName: row.judgeName ?? '',
          }
        : null,
    rating:
      isPartyItself(viewer) && row.mediatorId
        ? {
            canRate: !myRating && mayRate(facts.status, row.startedOn !== null),
            stars: myRating?.stars ?? null,
          }
        : null,
    timeline: timeline.map((e) => ({
      at: e.at.toISOString(),
      action: e.action,
      actor: e.actor,
      from: e.fromStatus as CaseStatus | null,
      to: e.toStatus as CaseStatus | null,
      rule: e.rule,
    })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
};

/** Matching suggestions for the case's needs, without mediators who declined or declared a conflict. */
export const caseSuggestions = async (
  ctx: AppContext,
  principal: Principal,
  caseId: string,
  locale: Locale,
) => {
  const loaded = await loadCase(ctx.db, caseId);
  const viewer = requireViewer(loaded, principal);
  if (viewer.role !== 'party') throw new Problem(404, 'not_found');
  const { row } = loaded;
  const needs = {
    category: row.category,
    language: row.language,
    region: row.region,
    remote: row.remote ?? true,
    wantsPublic: row.wantsPublicMediator ?? false,
  } as CaseNeeds;
  return { suggestions: await matchMediators(ctx, needs, 10, locale, row.excludedMediatorIds) };
};

const statusFilter = (status: z.infer<typeof caseListQuery>['status']): SQL | undefined => {
  if (status === 'all') return undefined;
  if (status === 'open') return notInArray(cases.status, [...CLOSED_STATUSES]);
  if (status === 'closed') return inArray(cases.status, [...CLOSED_STATUSES]);
  return eq(cases.status, status);
};

/** The dashboard: cases where the person is a party, the mediator, or (court users) the referring court. */
export const listCases = async (
  ctx: AppContext,
  principal: Principal,
  query: z.infer<typeof caseListQuery>,
) => {
  const mediatorId = principal.roles.includes('mediator')
    ? await mediatorIdOf(ctx.db, principal.userId)
    : null;
  const courtId = principal.roles.includes('court_user') ? principal.courtId : null;
  const mine = or(
    sql`exists (select 1 from case_parties p where p.case_id = ${cases.id} and p.user_id = ${principal.userId} and p.consent <> 'declined')`,
    mediatorId ? eq(cases.mediatorId, mediatorId) : undefined,
    courtId ? eq(cases.courtId, courtId) : undefined,
  );
  const where = and(mine, statusFilter(query.status));
  const [total] = await ctx.db.select({ n: count() }).from(cases).where(where);
  const rows = await ctx.db
    .select()
    .from(cases)
    .where(where)
    .orderBy(desc(cases.updatedAt), asc(cases.id))
    .limit(query.limit)
    .offset(query.offset);
  const ids = rows.map((r) => r.id);
  const parties = ids.length
    ? await ctx.db
        .select()
        .from(caseParties)
        .where(inArray(caseParties.caseId, ids))
        .orderBy(asc(caseParties.side), asc(caseParties.id))
    : [];
  const mediatorIds = [...new Set(rows.map((r) => r.mediatorId).filter((id): id is string => Boolean(id)))];
  const mediatorNames = new Map(
    mediatorIds.length
      ? (
          await ctx.db
            .select({ id: mediators.id, fullName: users.fullName })
            .from(mediators)
            .innerJoin(users, eq(users.id, mediators.userId))
            .where(inArray(mediators.id, mediatorIds))
        ).map((m) => [m.id, m.fullName])
      : [],
  );
  const now = ctx.clock.now();
  // The rooms each case's reader may read (core/room), for the unread count beside each case.
  const roomsByCase = new Map(
    rows.map((row) => {
      const own = parties.filter((p) => p.caseId === row.id);
      const myParty = own.find((p) => p.userId === principal.userId && p.consent === 'accepted');
      const member: RoomMember = myParty
        ? { role: 'party', partyId: myParty.id }
        : mediatorId && row.mediatorId === mediatorId
          ? { role: 'mediator' }
          : { role: 'court' };
      const roomCase = {
        status: row.status,
        separateSessions: row.separateSessions,
        partyIds: own.filter((p) => p.consent === 'accepted').map((p) => p.id),
      };
      return [row.id, roomsOf(roomCase, member)];
    }),
  );
  const unread = await unreadByCase(ctx.db, principal.userId, roomsByCase);
  return {
    total: total?.n ?? 0,
    cases: rows.map((row) => {
      const own = parties.filter((p) => p.caseId === row.id);
      const facts = caseFacts(row, own);
      const myParty = own.find((p) => p.userId === principal.userId && p.consent !== 'declined');
      const myRole: 'party' | 'mediator' | 'court' = myParty
        ? 'party'
        : mediatorId && row.mediatorId === mediatorId
          ? 'mediator'
          : 'court';
      const waiting = waitingFor(facts);
      const waitingOnMe = myParty
        ? waiting.partyIds.includes(myParty.id)
        : myRole === 'mediator' &&
          (waiting.code === 'mediator_answer' || waiting.code === 'mediator_contract');
      const deadline =
        row.status === 'active'
          ? row.termEndsOn
          : row.status === 'invited'
            ? (own.find((p) => p.consent === 'pending')?.replyBy ?? null)
            : null;
      return {
        id: row.id,
        number: row.number,
        status: facts.status,
        origin: row.origin,
        category: row.category,
        subject: myRole === 'court' ? null : row.subject,
        myRole,
        parties: own.map((p) => p.fullName).filter(Boolean),
        mediatorName: row.mediatorId ? (mediatorNames.get(row.mediatorId) ?? null) : null,
        waiting: waiting.code,
        waitingOnMe,
        daysLeft: deadline ? daysLeft(now, deadline) : null,
        unreadMessages: unread.get(row.id) ?? 0,
        updatedAt: row.updatedAt.toISOString(),
      };
    }),
  };
};
