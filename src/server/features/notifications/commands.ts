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
  /** Also by email (the default); steps that need nobody to act stay in the app. */
  email?: boolean;
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
 * Records in-app notifications in the caller's transaction (one INSERT for all) and, after commit,
 * emails each in the recipient's language and tells every node that their unread counts changed.
 */
export const notifyAll = async (ctx: AppContext, tx: Db, after: AfterCommit, inputs: NotificationInput[]) => {
  if (inputs.length === 0) return;
  await tx.insert(notifications).values(
    inputs.map((input) => ({
      userId: input.userId,
      kind: input.kind,
      params: input.params ?? {},
      link: input.link ?? null,
      emailed: input.email !== false,
    })),
  );
  const userIds = [...new Set(inputs.map((input) => input.userId))];
  const recipients = await tx
    .select({ id: users.id, email: users.email, fullName: users.fullName, locale: users.locale })
    .from(users)
    .where(inArray(users.id, userIds));
  after(() => ctx.sessions.unreadChanged(userIds));
  for (const input of inputs) {
    const user = recipients.find((r) => r.id === input.userId);
    if (!user || input.email === false) continue;
    after(() => {
      const text = notificationText(input.kind, input.params ?? {}, user.locale);
      const link = `${ctx.config.publicUrl}${input.link ?? '/notifications'}`;
      return ctx.mailer.send({
        to: user.email,
        subject: translate(user.locale, 'email.notification.subject', { text }),
        text: `${translate(user.locale, 'email.notification.body', { name: user.fullName, text, link })}\n\n--\n${translate(user.locale, 'email.footer')}`,
      });
    });
  }
};

export const notify = (ctx: AppContext, tx: Db, after: AfterCommit, input: NotificationInput) =>
  notifyAll(ctx, tx, after, [input]);

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
  await ctx.sessions.unreadChanged([userId]);
};
