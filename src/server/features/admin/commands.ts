import { and, count, eq } from 'drizzle-orm';
import type { GrantableRole } from '../../../core/identity/roles.ts';
import type { AppContext } from '../../context.ts';
import { courts, oneTimeTokens, userRoles, users } from '../../db/schema/index.ts';
import { audit } from '../../platform/audit.ts';
import { newToken, type Principal, sha256Hex } from '../../platform/auth/sessions.ts';
import { fieldProblem, Problem } from '../../platform/errors.ts';
import { translate } from '../../platform/i18n.ts';
import { transact } from '../../platform/transaction.ts';
import { consumeToken, findUserByEmail, usableToken } from '../accounts/commands.ts';
import { notify } from '../notifications/commands.ts';

const INVITATION_TTL_MS = 7 * 24 * 3600 * 1000;

export type InvitationPayload = { role: GrantableRole; courtId?: string };

/**
 * A platform administrator invites an email address to a privileged role. The role is granted
 * only when the owner of that address accepts through the emailed link — nobody can give a role
 * to themselves.
 */
export const inviteToRole = async (
  ctx: AppContext,
  inviter: Principal,
  input: { email: string; role: GrantableRole; courtId?: string },
) => {
  if (input.email === inviter.email.toLowerCase()) throw fieldProblem('email', 'self_grant');
  if (input.role === 'court_user') {
    if (!input.courtId) throw fieldProblem('courtId', 'court_required');
    const [court] = await ctx.db.select({ id: courts.id }).from(courts).where(eq(courts.id, input.courtId));
    if (!court) throw fieldProblem('courtId', 'court_required');
  }
  const recipient = await findUserByEmail(ctx, input.email);
  const locale = recipient?.locale ?? inviter.locale;
  const token = newToken();
  const payload: InvitationPayload = {
    role: input.role,
    ...(input.role === 'court_user' && { courtId: input.courtId }),
  };
  await transact(ctx, async (tx, after) => {
    await tx.insert(oneTimeTokens).values({
      tokenHash: sha256Hex(token),
      purpose: 'role_invitation',
      email: input.email,
      payload,
      createdBy: inviter.userId,
      expiresAt: new Date(ctx.clock.now().getTime() + INVITATION_TTL_MS),
    });
    await audit(
      tx,
      {
        actorId: inviter.userId,
        action: 'role.invited',
        subjectType: 'invitation',
        subjectId: sha256Hex(token).slice(0, 16),
        data: { email: input.email, ...payload },
      },
      ctx.clock.now(),
    );
    const role = translate(locale, `roles.${input.role}`);
    const link = `${ctx.config.publicUrl}/invitation?token=${token}`;
    after(() =>
      ctx.mailer.send({
        to: input.email,
        subject: translate(locale, 'email.role_invitation.subject', { role }),
        text: `${translate(locale, 'email.role_invitation.body', { role, inviter: inviter.fullName, link })}\n\n--\n${translate(locale, 'email.footer')}`,
      }),
    );
  });
};

export const acceptInvitation = async (ctx: AppContext, principal: Principal, token: string) => {
  const invitation = await usableToken(ctx, token, 'role_invitation');
  if (invitation.email !== principal.email.toLowerCase()) {
    throw new Problem(403, 'invitation_email_mismatch', { email: invitation.email });
  }
  const payload = invitation.payload as InvitationPayload;
  await transact(ctx, async (tx, after) => {
    if (!(await consumeToken(ctx, tx, invitation.tokenHash))) throw new Problem(410, 'token_used');
    await tx
      .insert(userRoles)
      .values({ userId: principal.userId, role: payload.role, grantedBy: invitation.createdBy })
      .onConflictDoNothing();
    if (payload.courtId)
      await tx.update(users).set({ courtId: payload.courtId }).where(eq(users.id, principal.userId));
    await audit(
      tx,
      {
        actorId: principal.userId,
        action: 'role.granted',
        subjectType: 'user',
        subjectId: principal.userId,
        data: { role: payload.role, grantedBy: invitation.createdBy, courtId: payload.courtId ?? null },
      },
      ctx.clock.now(),
    );
    await notify(ctx, tx, after, {
      userId: principal.userId,
      kind: 'role_granted',
      params: { role: payload.role },
      link: '/',
    });
    after(() => ctx.sessions.userChanged(principal.userId));
  });
  return payload;
};

export const revokeRole = async (ctx: AppContext, admin: Principal, userId: string, role: GrantableRole) => {
  await transact(ctx, async (tx, after) => {
    if (role === 'platform_admin') {
      const [admins] = await tx
        .select({ n: count() })
        .from(userRoles)
        .where(eq(userRoles.role, 'platform_admin'));
      if ((admins?.n ?? 0) <= 1) throw new Problem(409, 'last_platform_admin');
    }
    const removed = await tx
      .delete(userRoles)
      .where(and(eq(userRoles.userId, userId), eq(userRoles.role, role)))
      .returning({ role: userRoles.role });
    if (removed.length === 0) throw new Problem(404, 'not_found');
    if (role === 'court_user') await tx.update(users).set({ courtId: null }).where(eq(users.id, userId));
    await audit(
      tx,
      {
        actorId: admin.userId,
        action: 'role.revoked',
        subjectType: 'user',
        subjectId: userId,
        data: { role },
      },
      ctx.clock.now(),
    );
    await notify(ctx, tx, after, { userId, kind: 'role_revoked', params: { role } });
    after(() => ctx.sessions.userChanged(userId));
  });
};
