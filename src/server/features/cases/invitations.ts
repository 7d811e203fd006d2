import { randomBytes } from 'node:crypto';
import { and, eq, isNull, lt } from 'drizzle-orm';
import type { z } from 'zod';
import type { screeningAnswers } from '../../../contracts/cases.ts';
import { endOfDay, kzDate } from '../../../core/calendar/dates.ts';
import { periodEnd } from '../../../core/calendar/periods.ts';
import { REPLY_WINDOW_DAYS } from '../../../core/cases/lifecycle.ts';
import type { Locale } from '../../../core/identity/roles.ts';
import type { DisputeCategory, MediationLanguage, Region } from '../../../core/registry/reference.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/open.ts';
import { caseParties, cases, users } from '../../db/schema/index.ts';
import type { Principal } from '../../platform/auth/sessions.ts';
import { sha256Hex } from '../../platform/auth/sessions.ts';
import { Problem } from '../../platform/errors.ts';
import { translate } from '../../platform/i18n.ts';
import { type AfterCommit, transact } from '../../platform/transaction.ts';
import { notify } from '../notifications/commands.ts';
import { applyAction } from './act.ts';
import { courtOf } from './contract.ts';
import { storeScreening } from './screening.ts';
import { type LoadedCase, loadCase, type PartyRow } from './store.ts';

// R-MED-07/09/10: a written proposal to mediate, with a 10-calendar-day reply window. The link's
// token is the proof of who received it; accepting needs the account whose IIN/BIN was named.

const invitationLink = (ctx: AppContext, token: string) =>
  `${ctx.config.publicUrl}/cases/invitation/${token}`;

/** The invited person may have no account yet: the email speaks Kazakh and Russian (and English if chosen). */
const invitationLocales = (caseLanguage: string | null): Locale[] =>
  caseLanguage === 'en' ? ['kk', 'ru', 'en'] : ['kk', 'ru'];

const inviterName = async (db: Db, loaded: LoadedCase, locale: Locale) => {
  if (loaded.row.origin === 'court') return (await courtOf(db, loaded.row.courtId, locale))?.name ?? '';
  return loaded.parties.find((p) => p.side === 'initiator')?.fullName ?? '';
};

/** The account that is this party, if it is registered: same IIN (individual) or BIN (organisation). */
const registeredAccount = async (db: Db, party: PartyRow) => {
  const match = party.iin ? eq(users.iin, party.iin) : party.bin ? eq(users.bin, party.bin) : null;
  if (!match) return null;
  const [account] = await db.select({ id: users.id, email: users.email }).from(users).where(match);
  return account ?? null;
};

/**
 * Invites one party: a fresh token (only its hash is stored), the reply-by date, an email to the
 * address given and an in-app notification if the party already has an account. Delivery is
 * recorded when the mail server took the message or the notification was stored.
 */
export const inviteParty = async (
  ctx: AppContext,
  tx: Db,
  after: AfterCommit,
  loaded: LoadedCase,
  party: PartyRow,
  today: string,
) => {
  const token = randomBytes(24).toString('base64url');
  const now = ctx.clock.now();
  const replyBy = periodEnd(today, REPLY_WINDOW_DAYS);
  const account = await registeredAccount(tx, party);
  await tx
    .update(caseParties)
    .set({
      inviteTokenHash: sha256Hex(token),
      invitedAt: now,
      replyBy,
      deliveredAt: account ? now : null,
      readAt: null,
    })
    .where(eq(caseParties.id, party.id));
  const link = invitationLink(ctx, token);
  if (account)
    await notify(ctx, tx, after, {
      userId: account.id,
      kind: 'case.invited',
      params: { number: loaded.row.number, replyBy },
      link: `/cases/invitation/${token}`,
    });
  if (!party.email || party.email === account?.email) return;
  const locales = invitationLocales(loaded.row.language);
  const params = {
    number: loaded.row.number,
    subject: loaded.row.subject ?? '',
    replyBy,
    link,
  };
  const names = await Promise.all(locales.map((l) => inviterName(tx, loaded, l)));
  const to = party.email;
  after(async () => {
    await ctx.mailer.send({
      to,
      subject: locales
        .map((l, i) => translate(l, 'email.case_invitation.subject', { ...params, inviter: names[i] ?? '' }))
        .join(' / '),
      text: locales
        .map(
          (l, i) =>
            `${translate(l, 'email.case_invitation.body', { ...params, inviter: names[i] ?? '', name: party.fullName })}\n\n--\n${translate(l, 'email.footer')}`,
        )
        .join('\n\n==========\n\n'),
    });
    await ctx.db
      .update(caseParties)
      .set({ deliveredAt: ctx.clock.now() })
      .where(eq(caseParties.id, party.id));
  });
};

const partyByToken = async (db: Db, token: string) => {
  const [party] = await db
    .select()
    .from(caseParties)
    .where(eq(caseParties.inviteTokenHash, sha256Hex(token)));
  if (!party) throw new Problem(404, 'not_found');
  return party;
};

const identityMatches = (party: PartyRow, account: { iin: string | null; bin: string | null }) =>
  party.kind === 'organisation'
    ? Boolean(party.bin && party.bin === account.bin)
    : Boolean(party.iin && party.iin === account.iin);

/** The proposal as the invited person sees it; the first opening is recorded as "read" (proof of notice). */
export const invitationView = async (
  ctx: AppContext,
  token: string,
  principal: Principal | null,
  locale: Locale,
) => {
  const party = await partyByToken(ctx.db, token);
  const now = ctx.clock.now();
  if (!party.readAt)
    await ctx.db
      .update(caseParties)
      .set({ readAt: now })
      .where(and(eq(caseParties.id, party.id), isNull(caseParties.readAt)));
  const loaded = await loadCase(ctx.db, party.caseId);
  const { row } = loaded;
  const court = await courtOf(ctx.db, row.courtId, locale);
  let viewerMatches: boolean | null = null;
  if (principal) {
    const [account] = await ctx.db
      .select({ iin: users.iin, bin: users.bin })
      .from(users)
      .where(eq(users.id, principal.userId));
    viewerMatches = account ? identityMatches(party, account) : false;
  }
  return {
    caseId: row.id,
    number: row.number,
    status: loaded.facts.status,
    origin: row.origin,
    category: row.category as DisputeCategory,
    subject: row.subject ?? '',
    description: row.description,
    claimAmountKzt: row.claimAmountKzt,
    region: row.region as Region,
    language: row.language as MediationLanguage,
    remote: row.remote ?? true,
    wantsPublicMediator: row.wantsPublicMediator ?? false,
    invitedBy: await inviterName(ctx.db, loaded, locale),
    court: court && row.courtCaseNumber ? { name: court.name, caseNumber: row.courtCaseNumber } : null,
    invitee: { fullName: party.fullName, kind: party.kind },
    replyBy: party.replyBy ?? '',
    consent: party.consent,
    screeningRequired: loaded.facts.screeningRequired,
    viewerMatches,
  };
};

/** R-MED-10: after the last day of the window the proposal counts as rejected. */
const requireOpenWindow = (ctx: AppContext, party: PartyRow) => {
  if (party.replyBy && ctx.clock.now() >= endOfDay(party.replyBy))
    throw new Problem(410, 'invitation_expired');
};

export const acceptInvitation = async (
  ctx: AppContext,
  principal: Principal,
  token: string,
  screening: z.infer<typeof screeningAnswers> | undefined,
) => acceptAsParty(ctx, principal, (await partyByToken(ctx.db, token)).id, screening);

/** The named party accepts (R-MED-07): only from the account with that IIN/BIN, within the window. */
export const acceptAsParty = (
  ctx: AppContext,
  principal: Principal,
  partyId: string,
  screening: z.infer<typeof screeningAnswers> | undefined,
) =>
  transact(ctx, async (tx, after) => {
    const [party] = await tx.select().from(caseParties).where(eq(caseParties.id, partyId));
    if (!party) throw new Problem(404, 'not_found');
    const loaded = await loadCase(tx, party.caseId, 'update');
    requireOpenWindow(ctx, party);
    const [account] = await tx
      .select({ iin: users.iin, bin: users.bin })
      .from(users)
      .where(eq(users.id, principal.userId));
    if (!account || !identityMatches(party, account)) throw new Problem(403, 'invitation_identity_mismatch');
    // The same person cannot sit on both sides of one dispute.
    if (loaded.parties.some((p) => p.id !== party.id && p.userId === principal.userId))
      throw new Problem(403, 'invitation_identity_mismatch');
    await tx.update(caseParties).set({ userId: principal.userId }).where(eq(caseParties.id, party.id));
    const linked = {
      ...loaded,
      parties: loaded.parties.map((p) => (p.id === party.id ? { ...p, userId: principal.userId } : p)),
    };
    const actor = { kind: 'party' as const, partyId: party.id };
    let current = linked;
    if (screening && linked.facts.screeningRequired) {
      const screened = await applyAction(
        ctx,
        { tx, after, loaded: linked },
        actor,
        principal.userId,
        { type: 'record_screening' },
        {
          quiet: true,
          extra: async () => {
            await storeScreening(ctx, tx, party.caseId, party.id, screening);
          },
        },
      );
      current = { ...linked, facts: screened.facts };
    }
    await applyAction(ctx, { tx, after, loaded: current }, actor, principal.userId, {
      type: 'accept_invitation',
    });
    return { caseId: party.caseId };
  });

/** Declining needs only the link (the token is the proof it reached the person). */
export const declineInvitation = (
  ctx: AppContext,
  token: string,
  reason: string | undefined,
  principal: Principal | null,
) =>
  transact(ctx, async (tx, after) => {
    const party = await partyByToken(tx, token);
    const loaded = await loadCase(tx, party.caseId, 'update');
    requireOpenWindow(ctx, party);
    await applyAction(
      ctx,
      { tx, after, loaded },
      { kind: 'party', partyId: party.id },
      principal?.userId ?? null,
      { type: 'decline_invitation' },
      {
        extra: async () => {
          await tx
            .update(caseParties)
            .set({ declineReason: reason ?? null })
            .where(eq(caseParties.id, party.id));
        },
        data: { partyId: party.id },
      },
    );
    return { ok: true as const };
  });

/** Cases whose reply window has run out for a party who has not answered (the deadline worker). */
export const overdueInvitations = async (ctx: AppContext, limit = 500) => {
  // endOfDay(replyBy) <= now exactly when replyBy is before today's date in Kazakhstan.
  const rows = await ctx.db
    .selectDistinct({ caseId: caseParties.caseId })
    .from(caseParties)
    .innerJoin(cases, eq(cases.id, caseParties.caseId))
    .where(
      and(
        eq(caseParties.consent, 'pending'),
        eq(cases.status, 'invited'),
        lt(caseParties.replyBy, kzDate(ctx.clock.now())),
      ),
    )
    .limit(limit);
  return rows.map((r) => r.caseId);
};
