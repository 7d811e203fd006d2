import { eq, inArray } from 'drizzle-orm';
import type { Locale } from '../../../core/identity/roles.ts';
import { formatSessionClock, formatSessionStart } from '../../../core/schedule/format.ts';
import { sessionCalendar } from '../../../core/schedule/ics.ts';
import { offsetAt, utcOffsetLabel, wallTime, zoneKey } from '../../../core/schedule/zones.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/open.ts';
import { users } from '../../db/schema/index.ts';
import { translate } from '../../platform/i18n.ts';
import type { MailMessage } from '../../platform/mail/types.ts';
import type { SessionRow } from './store.ts';

// Words about a session for notifications and emails, and the emails that carry its calendar
// file: on confirmation (the event) and on cancellation (the same event, cancelled). Each person
// gets them in their own language, with the time in the session's zone.

/** Notification params: stored with the notification and shown in any language, so no words. */
export const whenParams = (row: SessionRow) => {
  const { date, time, offsetMinutes } = wallTime(row.timeZone, row.startsAt);
  return { date, time, zone: `${row.timeZone}, ${utcOffsetLabel(offsetMinutes)}` };
};

export const caseLink = (ctx: AppContext, caseId: string) =>
  `${ctx.config.publicUrl}/cases/${caseId}#sessions`;

/** The organizer's address in the file: the platform's own (replies are not read), never a person's. */
const platformAddress = (ctx: AppContext) =>
  /<([^>]+)>/.exec(ctx.config.mailFrom)?.[1] ?? ctx.config.mailFrom;

type Recipient = { email: string; fullName: string; locale: Locale };

export type SessionMail = {
  kind: 'confirmed' | 'cancelled';
  caseId: string;
  caseNumber: string;
  row: SessionRow;
  mediatorName: string;
  now: Date;
};

const words = (ctx: AppContext, mail: SessionMail, to: Recipient) => {
  const { row } = mail;
  const t = (key: string, params: Record<string, string | number> = {}) => translate(to.locale, key, params);
  const link = caseLink(ctx, mail.caseId);
  const end = new Date(row.startsAt.getTime() + row.durationMinutes * 60_000);
  const mode = t(`email.session.modes.${row.mode}`);
  const caucus = row.caucusPartyId !== null;
  return {
    link,
    mode,
    summary: t(`email.session.summary.${caucus ? 'caucus' : 'joint'}`, { number: mail.caseNumber }),
    description: t('email.session.description', { mode, link }),
    params: {
      name: to.fullName,
      number: mail.caseNumber,
      when: formatSessionStart(to.locale, row.startsAt, row.timeZone),
      end: formatSessionClock(end, row.timeZone),
      zone: t(`email.session.zones.${zoneKey(row.timeZone)}`),
      offset: utcOffsetLabel(offsetAt(row.timeZone, row.startsAt)),
      minutes: row.durationMinutes,
      mode,
      place:
        row.mode === 'in_person'
          ? t('email.session.place.in_person', { address: row.address ?? '' })
          : t('email.session.place.remote'),
      caucusNote: caucus ? t('email.session.caucusNote') : '',
      link,
    },
  };
};

/** The session's calendar file as this reader gets it (summary and description in their language). */
export const sessionFile = (ctx: AppContext, mail: SessionMail, locale: Locale) => {
  const w = words(ctx, mail, { email: '', fullName: '', locale });
  return sessionCalendar({
    uid: `${mail.row.id}@kelisim.kz`,
    // The cancellation replaces the published event: same UID, a later version.
    sequence: mail.kind === 'confirmed' ? 0 : 1,
    status: mail.kind === 'confirmed' ? 'CONFIRMED' : 'CANCELLED',
    stamp: mail.now,
    start: mail.row.startsAt,
    durationMinutes: mail.row.durationMinutes,
    zone: mail.row.timeZone,
    summary: w.summary,
    description: w.description,
    location: mail.row.mode === 'in_person' ? mail.row.address : w.link,
    url: w.link,
    organizer: { name: mail.mediatorName, email: platformAddress(ctx) },
  });
};

const message = (ctx: AppContext, mail: SessionMail, to: Recipient): MailMessage => {
  const { params } = words(ctx, mail, to);
  const key = `email.session_${mail.kind}`;
  return {
    to: to.email,
    subject: translate(to.locale, `${key}.subject`, params),
    text: `${translate(to.locale, `${key}.body`, params)}\n\n--\n${translate(to.locale, 'email.footer')}`,
    attachments: [
      {
        filename: mail.kind === 'confirmed' ? 'kelisim-session.ics' : 'kelisim-session-cancelled.ics',
        content: sessionFile(ctx, mail, to.locale),
        contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
      },
    ],
  };
};

/** The mediator's name, the organizer of every session of the case. */
export const mediatorNameOf = async (db: Db, mediatorUserId: string | null) => {
  if (!mediatorUserId) return 'Kelisim';
  const [row] = await db.select({ fullName: users.fullName }).from(users).where(eq(users.id, mediatorUserId));
  return row?.fullName ?? 'Kelisim';
};

/**
 * Composes the session's emails for these accounts inside the transaction (their addresses and
 * languages as they are now) and sends them after commit: no network inside the transaction.
 */
export const queueSessionMail = async (
  ctx: AppContext,
  tx: Db,
  after: (effect: () => Promise<unknown>) => void,
  userIds: readonly string[],
  mail: Omit<SessionMail, 'mediatorName'> & { mediatorUserId: string | null },
) => {
  if (userIds.length === 0) return;
  const people = await tx
    .select({ email: users.email, fullName: users.fullName, locale: users.locale })
    .from(users)
    .where(inArray(users.id, [...userIds]));
  const { mediatorUserId, ...rest } = mail;
  const full = { ...rest, mediatorName: await mediatorNameOf(tx, mediatorUserId) };
  for (const person of people) {
    const composed = message(ctx, full, person);
    after(() => ctx.mailer.send(composed));
  }
};
