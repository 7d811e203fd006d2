import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Locale } from '../../../core/identity/roles.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/open.ts';
import { notifications, users } from '../../db/schema/index.ts';
import { translate } from '../../platform/i18n.ts';
import type { AfterCommit } from '../../platform/transaction.ts';

export type NotificationInput = {
  userId: string;
  kind: string;
  params?: Record<string, string | number>;
  /** Path inside the web app the notification leads to, e.g. /profile. */
  link?: string;
};

/** Params that are message keys (a role) are translated for each reader, not stored translated. */
const localizedParams = (params: Record<string, string | number>, locale: Locale) =>
  Object.fromEntries(
    Object.entries(params).map(([key, value]) => [
      key,
      key === 'role' ? translate(locale, `roles.${value}`) : value,
    ]),
  );

export const notificationText = (kind: string, params: Record<string, string | number>, locale: Locale) =>
  translate(locale, `notifications.${kind}`, localizedParams(params, locale));

/**
 * Records an in-app notification in the caller's transaction and, after commit, emails it in the
 * recipient's language and tells every node that the unread count changed.
 */
export const notify = async (ctx: AppContext, tx: Db, after: AfterCommit, input: NotificationInput) => {
  const params = input.params ?? {};
  await tx
    .insert(notifications)
    .values({ userId: input.userId, kind: input.kind, params, link: input.link ?? null, emailed: true });
  const [user] = await tx
    .select({ email: users.email, fullName: users.fullName, locale: users.locale })
    .from(users)
    .where(eq(users.id, input.userId));
  after(() => ctx.sessions.userChanged(input.userId));
  if (!user) return;
  after(() => {
    const text = notificationText(input.kind, params, user.locale);
    const link = `${ctx.config.publicUrl}${input.link ?? '/notifications'}`;
    return ctx.mailer.send({
      to: user.email,
      subject: translate(user.locale, 'email.notification.subject', { text }),
      text: `${translate(user.locale, 'email.notification.body', { name: user.fullName, text, link })}\n\n--\n${translate(user.locale, 'email.footer')}`,
    });
  });
};

export const markNotificationsRead = async (
  ctx: AppContext,
  userId: string,
  selection: { ids?: string[]; all?: boolean },
) => {
  const now = ctx.clock.now();
  const mine = and(eq(notifications.userId, userId), isNull(notifications.readAt));
  if (selection.all) await ctx.db.update(notifications).set({ readAt: now }).where(mine);
  else if (selection.ids?.length) {
    await ctx.db
      .update(notifications)
      .set({ readAt: now })
      .where(and(mine, inArray(notifications.id, selection.ids)));
  }
  await ctx.sessions.userChanged(userId);
};
