import { asc, count, desc, eq, ilike, inArray, or } from 'drizzle-orm';
import type { Locale, Role } from '../../../core/identity/roles.ts';
import type { AppContext } from '../../context.ts';
import { courts, userRoles, users } from '../../db/schema/index.ts';
import { courtName } from '../../platform/auth/sessions.ts';
import { Problem } from '../../platform/errors.ts';
import { usableToken } from '../accounts/commands.ts';
import type { InvitationPayload } from './commands.ts';

type CourtRow = typeof courts.$inferSelect;
const courtView = (court: CourtRow | null | undefined, locale: Locale) =>
  court ? { id: court.id, code: court.code, name: courtName(court, locale), region: court.region } : null;

export const listCourts = async (ctx: AppContext, locale: Locale) =>
  (await ctx.db.select().from(courts).orderBy(asc(courts.code))).map(
    (court) => courtView(court, locale) as NonNullable<ReturnType<typeof courtView>>,
  );

export const listUsers = async (
  ctx: AppContext,
  locale: Locale,
  query: { q?: string; offset: number; limit: number },
) => {
  const pattern = query.q ? `%${query.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%` : undefined;
  const where = pattern ? or(ilike(users.email, pattern), ilike(users.fullName, pattern)) : undefined;
  const rows = await ctx.db
    .select({ user: users, court: courts })
    .from(users)
    .leftJoin(courts, eq(courts.id, users.courtId))
    .where(where)
    .orderBy(desc(users.createdAt))
    .offset(query.offset)
    .limit(query.limit);
  const [total] = await ctx.db.select({ n: count() }).from(users).where(where);
  const ids = rows.map((row) => row.user.id);
  const roles = ids.length ? await ctx.db.select().from(userRoles).where(inArray(userRoles.userId, ids)) : [];
  return {
    total: total?.n ?? 0,
    users: rows.map(({ user, court }) => ({
      id: user.id,
      email: user.email,
      fullName: user.fullName,
      kind: user.kind,
      roles: roles
        .filter((r) => r.userId === user.id)
        .map((r) => r.role as Role)
        .sort(),
      court: courtView(court, locale),
      createdAt: user.createdAt.toISOString(),
    })),
  };
};

/** What an invitation link offers, shown before the invitee accepts (the token is the credential). */
export const viewInvitation = async (ctx: AppContext, token: string, locale: Locale) => {
  const invitation = await usableToken(ctx, token, 'role_invitation');
  const payload = invitation.payload as InvitationPayload;
  const [inviter] = invitation.createdBy
    ? await ctx.db.select({ fullName: users.fullName }).from(users).where(eq(users.id, invitation.createdBy))
    : [];
  const [court] = payload.courtId
    ? await ctx.db.select().from(courts).where(eq(courts.id, payload.courtId))
    : [];
  if (!inviter) throw new Problem(400, 'token_invalid');
  return {
    email: invitation.email,
    role: payload.role,
    court: courtView(court, locale),
    inviterName: inviter.fullName,
    expiresAt: invitation.expiresAt.toISOString(),
  };
};
