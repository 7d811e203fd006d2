import type { Locale } from '../identity/roles.ts';
import { fixedOffsetZone, offsetAt, type SessionZone, wallTime } from './zones.ts';

// A session's time in words, in the reader's language and the session's zone (not the reader's):
// the same on the server (emails) and in the browser (the case page). The offset comes from the
// zone table, so an old tzdata on a phone cannot shift it.

const INTL_LOCALE: Record<Locale, string> = { kk: 'kk-KZ', ru: 'ru-KZ', en: 'en' };

let nativeKazakh: boolean | undefined;
/** Chrome ships without Kazakh date names (it would print "2026 M12 1"); Node with full ICU has them. */
const hasKazakhDates = () => {
  nativeKazakh ??=
    new Intl.DateTimeFormat('kk-KZ', { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2020, 10, 15)) ===
    'қараша';
  return nativeKazakh;
};

/** Where Intl cannot say it in Kazakh, the numeric form of Kazakhstan's documents: 01.12.2026, 14:30. */
const numeric = (zone: SessionZone, instant: Date, withDate: boolean) => {
  const { date, time } = wallTime(zone, instant);
  const [y, m, d] = date.split('-');
  return withDate ? `${d}.${m}.${y}, ${time}` : time;
};

/** "Tuesday, 1 December 2026 at 14:30" in the reader's language, in the session's zone. */
export const formatSessionStart = (locale: Locale, instant: Date, zone: SessionZone) => {
  if (locale === 'kk' && !hasKazakhDates()) return numeric(zone, instant, true);
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    dateStyle: 'full',
    timeStyle: 'short',
    hourCycle: 'h23',
    timeZone: fixedOffsetZone(offsetAt(zone, instant)),
  }).format(instant);
};

/** "16:00": a time of day in the session's zone (the end of a session). */
export const formatSessionClock = (instant: Date, zone: SessionZone) => numeric(zone, instant, false);
