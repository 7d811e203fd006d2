// Calendar dates in Kazakhstan (DOMAIN.md §5 "Time"). Deadlines are shown and stored as calendar
// dates, so everything here works on 'YYYY-MM-DD' strings and converts to instants only at the edges.
// Date arithmetic is done on UTC midnights: UTC has no DST, so adding a day is always 86 400 000 ms.

/** A calendar date 'YYYY-MM-DD' (proleptic Gregorian, years 0000–9999). */
export type IsoDate = string;

/** 1 = Monday … 7 = Sunday (ISO 8601). */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/**
 * The instant Asia/Almaty moved from UTC+6 to UTC+5: 2024-03-01 00:00 at +06, when clocks went back
 * to 2024-02-29 23:00 at +05 (tzdata 2024a). So the local day 2024-02-29 lasted 25 hours.
 *
 * Only Almaty's rule is modelled. The western regions (Aktobe, Atyrau, Mangystau, West Kazakhstan,
 * and Kyzylorda since December 2018) were already on +5 before that date, and Almaty itself used
 * summer time (+7) until 2004; neither matters for a platform whose first case is after 2024, and since 2024-03-01 the whole
 * country is on one zone.
 */
export const KZ_SINGLE_ZONE_FROM: Date = new Date('2024-02-29T18:00:00Z');

const OFFSET_BEFORE_MS = 6 * HOUR_MS;
const OFFSET_SINCE_MS = 5 * HOUR_MS;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Milliseconds of UTC midnight of a date, or NaN when the string is not a real calendar date. */
const utcMidnight = (date: string): number => {
  const match = ISO_DATE.exec(date);
  if (!match) return Number.NaN;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const at = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 onto 1900–1999.
  at.setUTCFullYear(y, m - 1, d);
  // Date rolls 2026-02-30 over to March; a rolled-over date is not the date that was asked for.
  return at.getUTCFullYear() === y && at.getUTCMonth() === m - 1 && at.getUTCDate() === d
    ? at.getTime()
    : Number.NaN;
};

const toMs = (date: IsoDate): number => {
  const ms = utcMidnight(date);
  if (Number.isNaN(ms)) throw new RangeError(`not a calendar date 'YYYY-MM-DD': ${JSON.stringify(date)}`);
  return ms;
};

const fromMs = (ms: number): IsoDate => new Date(ms).toISOString().slice(0, 10);

const instantMs = (instant: Date): number => {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('invalid Date');
  return ms;
};

/** True for a real calendar date written 'YYYY-MM-DD' (so '2026-02-30' is false). */
export const isIsoDate = (value: string): value is IsoDate => !Number.isNaN(utcMidnight(value));

/** Kazakhstan's (Almaty's) UTC offset in force at an instant; see KZ_SINGLE_ZONE_FROM. */
const kzOffsetMs = (ms: number): number =>
  ms < KZ_SINGLE_ZONE_FROM.getTime() ? OFFSET_BEFORE_MS : OFFSET_SINCE_MS;

/**
 * The calendar date in Kazakhstan at an instant (DOMAIN.md §5: one zone, UTC+5, since
 * 2024-03-01; Almaty was UTC+6 before). Since then a new day starts at 19:00 UTC.
 */
export const kzDate = (instant: Date): IsoDate => {
  const ms = instantMs(instant);
  return fromMs(ms + kzOffsetMs(ms));
};

/** The date n days after (n < 0: before) a date. Pure calendar arithmetic, no time zone involved. */
export const addDays = (date: IsoDate, n: number): IsoDate => {
  if (!Number.isInteger(n)) throw new RangeError(`days must be a whole number: ${n}`);
  return fromMs(toMs(date) + n * DAY_MS);
};

/** Calendar days from one date to another: daysBetween(d, addDays(d, n)) === n; negative when `to` is earlier. */
export const daysBetween = (from: IsoDate, to: IsoDate): number =>
  Math.round((toMs(to) - toMs(from)) / DAY_MS);

/**
 * The instant at 24:00 of a date in Kazakhstan, i.e. 00:00 of the next day there: the first instant
 * that is no longer that date. A period whose last day is `date` has run out at this instant
 * (DOMAIN.md §5, Civil Code: a period ends at 24:00 of its last day).
 */
export const endOfDay = (date: IsoDate): Date => {
  const nextMidnightUtc = toMs(date) + DAY_MS;
  // Local midnight of the next day under today's offset; if that instant is still before the switch
  // to +5, the old offset was in force at that midnight.
  const since = nextMidnightUtc - OFFSET_SINCE_MS;
  return new Date(since >= KZ_SINGLE_ZONE_FROM.getTime() ? since : nextMidnightUtc - OFFSET_BEFORE_MS);
};

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export const weekday = (date: IsoDate): Weekday => {
  const day = new Date(toMs(date)).getUTCDay();
  return (day === 0 ? 7 : day) as Weekday;
};

/** Saturday or Sunday: the weekly days off of the five-day week the courts and most employers keep. */
export const isWeekend = (date: IsoDate): boolean => weekday(date) >= 6;
