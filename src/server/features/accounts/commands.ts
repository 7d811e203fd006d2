import { and, eq, isNull, ne } from 'drizzle-orm';
import type { RegisterRequest } from '../../../contracts/accounts.ts';
import type { Locale } from '../../../core/identity/roles.ts';
import type { AppContext } from '../../context.ts';
import { oneTimeTokens, sessions, userRoles, users } from '../../db/schema/index.ts';
import { audit } from '../../platform/audit.ts';
import { newToken, sha256Hex } from '../../platform/auth/sessions.ts';
import { fieldProblem, Problem } from '../../platform/errors.ts';
import { translate } from '../../platform/i18n.ts';
import { hashPassword, verifyPassword } from '../../platform/passwords.ts';
import { isUniqueViolation, transact } from '../../platform/transaction.ts';
import { notify } from '../notifications/commands.ts';

const RESET_TTL_MS = 60 * 60 * 1000;

export const findUserByEmail = async (ctx: AppContext, email: string) =>
  (await ctx.db.select().from(users).where(eq(users.email, email.toLowerCase())))[0];

const emailTaken = () => new Problem(409, 'email_taken', {}, [{ field: 'email', code: 'email_taken' }]);

/** A new account is always a party; every other role needs a platform administrator. */
export const register = async (ctx: AppContext, input: RegisterRequest, locale: Locale) => {
  if (await findUserByEmail(ctx, input.email)) throw emailTaken();
  const passwordHash = await hashPassword(input.password, ctx.config.scryptCost);
  try {
    return await transact(ctx, async (tx, after) => {
      const [user] = await tx
        .insert(users)
        .values({
          email: input.email,
          passwordHash,
          fullName: input.fullName,
          kind: input.kind,
          iin: input.iin ?? null,
          bin: input.kind === 'organisation' ? input.bin : null,
          organisationName: input.kind === 'organisation' ? input.organisationName : null,
          phone: input.phone ?? null,
          locale: input.locale ?? locale,
        })
        .returning({ id: users.id });
      if (!user) throw new Error('insert returned nothing');
      await tx.insert(userRoles).values({ userId: user.id, role: 'party' });
      await audit(
        tx,
        {
          actorId: user.id,
          action: 'user.registered',
          subjectType: 'user',
          subjectId: user.id,
          data: { kind: input.kind },
        },
        ctx.clock.now(),
      );
      const session = await ctx.sessions.create(tx, user.id);
      await notify(ctx, tx, after, {
        userId: user.id,
        kind: 'welcome',
        params: { name: input.fullName },
        link: '/',
      });
      return { userId: user.id, session };
    });
  } catch (error) {
    // Two registrations with one address at the same moment: the unique index decides.
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
};

// Compared against when the email is unknown, so the answer takes as long either way.
let dummyHash: Promise<string> | undefined;

export const login = async (ctx: AppContext, email: string, password: string, ip: string) => {
  const limiterKey = `${email.toLowerCase()}|${ip}`;
  const blockedMs = await ctx.loginFailures.blockedFor(limiterKey);
  if (blockedMs > 0) {
    const seconds = Math.ceil(blockedMs / 1000);
    throw new Problem(429, 'login_locked', { minutes: Math.ceil(seconds / 60) }, [], {
      'retry-after': String(seconds),
    });
  }
  const user = await findUserByEmail(ctx, email);
  dummyHash ??= hashPassword('not a password', ctx.config.scryptCost);
  const valid = await verifyPassword(password, user?.passwordHash ?? (await dummyHash));
  if (!user || !valid) {
    await ctx.loginFailures.recordFailure(limiterKey);
    if (user) {
      await transact(ctx, (tx) =>
        audit(
          tx,
          {
            actorId: null,
            action: 'user.login_failed',
            subjectType: 'user',
            subjectId: user.id,
            data: { ip },
          },
          ctx.clock.now(),
        ),
      );
    }
    throw new Problem(401, 'invalid_credentials');
  }
  await ctx.loginFailures.reset(limiterKey);
  const session = await transact(ctx, async (tx) => {
    await audit(
      tx,
      { actorId: user.id, action: 'user.login', subjectType: 'user', subjectId: user.id, data: { ip } },
      ctx.clock.now(),
    );
    return ctx.sessions.create(tx, user.id);
  });
  return { userId: user.id, session };
};

export const logout = async (ctx: AppContext, userId: string, sessionHash: string) => {
  await transact(ctx, async (tx, after) => {
    await tx.delete(sessions).where(eq(sessions.tokenHash, sessionHash));
    await audit(
      tx,
      { actorId: userId, action: 'user.logout', subjectType: 'user', subjectId: userId },
      ctx.clock.now(),
    );
    after(() => ctx.sessions.userChanged(userId));
  });
};

export type ProfileChange = {
  fullName?: string;
  phone?: string | null;
  organisationName?: string;
  locale?: Locale;
};

export const updateProfile = async (ctx: AppContext, userId: string, change: ProfileChange) => {
  const fields = Object.entries(change).filter(([, value]) => value !== undefined);
  if (fields.length === 0) return;
  await transact(ctx, async (tx, after) => {
    await tx
      .update(users)
      .set({ ...Object.fromEntries(fields), updatedAt: ctx.clock.now() })
      .where(eq(users.id, userId));
    // The audit names what changed, not the personal data itself.
    await audit(
      tx,
      {
        actorId: userId,
        action: 'user.profile_changed',
        subjectType: 'user',
        subjectId: userId,
        data: { fields: fields.map(([key]) => key).sort() },
      },
      ctx.clock.now(),
    );
    after(() => ctx.sessions.userChanged(userId));
  });
};

export const changePassword = async (
  ctx: AppContext,
  userId: string,
  sessionHash: string,
  current: string,
  next: string,
) => {
  const [user] = await ctx.db.select().from(users).where(eq(users.id, userId));
  if (!user || !(await verifyPassword(current, user.passwordHash)))
    throw fieldProblem('currentPassword', 'wrong_password');
  const passwordHash = await hashPassword(next, ctx.config.scryptCost);
  await transact(ctx, async (tx, after) => {
    await tx.update(users).set({ passwordHash, updatedAt: ctx.clock.now() }).where(eq(users.id, userId));
    // Other devices are logged out; this one stays.
    await tx.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.tokenHash, sessionHash)));
    await audit(
      tx,
      { actorId: userId, action: 'user.password_changed', subjectType: 'user', subjectId: userId },
      ctx.clock.now(),
    );
    await notify(ctx, tx, after, { userId, kind: 'password_changed', link: '/profile' });
    // Sessions were deleted: every node must stop honouring them now.
    after(() => ctx.sessions.userChanged(userId));
  });
};

/** Always answers the same, so that the form does not reveal which emails have accounts. */
export const requestPasswordReset = async (ctx: AppContext, email: string) => {
  const user = await findUserByEmail(ctx, email);
  if (!user) return;
  const token = newToken();
  await transact(ctx, async (tx, after) => {
    await tx.insert(oneTimeTokens).values({
      tokenHash: sha256Hex(token),
      purpose: 'password_reset',
      userId: user.id,
      email: user.email,
      expiresAt: new Date(ctx.clock.now().getTime() + RESET_TTL_MS),
    });
    await audit(
      tx,
      { actorId: null, action: 'user.password_reset_requested', subjectType: 'user', subjectId: user.id },
      ctx.clock.now(),
    );
    const link = `${ctx.config.publicUrl}/reset-password?token=${token}`;
    after(() =>
      ctx.mailer.send({
        to: user.email,
        subject: translate(user.locale, 'email.password_reset.subject'),
        text: `${translate(user.locale, 'email.password_reset.body', { name: user.fullName, link })}\n\n--\n${translate(user.locale, 'email.footer')}`,
      }),
    );
  });
};

/** Finds a one-time token and refuses it clearly when unknown, used or expired. */
export const usableToken = async (
  ctx: AppContext,
  token: string,
  purpose: 'password_reset' | 'role_invitation',
) => {
  const [row] = await ctx.db
    .select()
    .from(oneTimeTokens)
    .where(and(eq(oneTimeTokens.tokenHash, sha256Hex(token)), eq(oneTimeTokens.purpose, purpose)));
  if (!row) throw new Problem(400, 'token_invalid');
  if (row.usedAt) throw new Problem(410, 'token_used');
  if (row.expiresAt <= ctx.clock.now()) throw new Problem(410, 'token_expired');
  return row;
};

/** Marks the token used inside `tx`; false when another request used it first. */
export const consumeToken = async (ctx: AppContext, tx: AppContext['db'], tokenHash: string) => {
  const used = await tx
    .update(oneTimeTokens)
    .set({ usedAt: ctx.clock.now() })
    .where(and(eq(oneTimeTokens.tokenHash, tokenHash), isNull(oneTimeTokens.usedAt)))
    .returning({ tokenHash: oneTimeTokens.tokenHash });
  return used.length === 1;
};

export const confirmPasswordReset = async (ctx: AppContext, token: string, newPassword: string) => {
  const row = await usableToken(ctx, token, 'password_reset');
  const userId = row.userId;
  if (!userId) throw new Problem(400, 'token_invalid');
  const passwordHash = await hashPassword(newPassword, ctx.config.scryptCost);
  await transact(ctx, async (tx, after) => {
    if (!(await consumeToken(ctx, tx, row.tokenHash))) throw new Problem(410, 'token_used');
    await tx.update(users).set({ passwordHash, updatedAt: ctx.clock.now() }).where(eq(users.id, userId));
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    await audit(
      tx,
      { actorId: userId, action: 'user.password_reset', subjectType: 'user', subjectId: userId },
      ctx.clock.now(),
    );
    await notify(ctx, tx, after, { userId, kind: 'password_changed', link: '/profile' });
    // Sessions were deleted: every node must stop honouring them now.
    after(() => ctx.sessions.userChanged(userId));
  });
};
