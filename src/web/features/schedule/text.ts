import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../core/identity/roles.ts';
import { formatSessionClock, formatSessionStart } from '../../../core/schedule/format.ts';
import { type SessionZone, utcOffsetLabel, zoneKey } from '../../../core/schedule/zones.ts';
import { currentLocale } from '../../i18n.ts';

/**
 * Words and times of the sessions panel in the reader's language. Times are always in the
 * session's zone (never the device's), with the zone named: a party in Aktobe and a mediator in
 * Astana read the same clock time for the same session.
 */
export const useScheduleText = () => {
  const { t, i18n } = useTranslation();
  const locale: Locale = i18n.language ? currentLocale() : 'kk';
  const zone = (timeZone: SessionZone, offsetMinutes: number) =>
    t('web.schedule.zone', {
      zone: t(`email.session.zones.${zoneKey(timeZone)}`),
      offset: utcOffsetLabel(offsetMinutes),
    });
  return {
    t,
    locale,
    zone,
    /** "Tuesday, 1 December 2026 at 14:30–16:00". */
    when: (session: { startsAt: string; endsAt: string; timeZone: SessionZone }) =>
      t('web.schedule.when', {
        start: formatSessionStart(locale, new Date(session.startsAt), session.timeZone),
        end: formatSessionClock(new Date(session.endsAt), session.timeZone),
      }),
  };
};

export type ScheduleText = ReturnType<typeof useScheduleText>;
