import { KZ_SINGLE_ZONE_FROM } from '../calendar/dates.ts';
import type { Region } from '../registry/reference.ts';

// The time zone a mediation session is shown and sent in: the case's region decides (issue 5).
//
// Since 1 March 2024 the whole of Kazakhstan keeps UTC+5 (a Government decree of December 2023
// on the calculation of time, DOMAIN.md §5; IANA tzdata 2024a: Asia/Almaty and Asia/Qostanay moved
// from +06 to +05 at 2024-03-01 00:00 local time). The zones keep their own names because their
// pasts differ, and a calendar program must be told the right one.
//
// The offsets are kept here as data, not read from the runtime's tzdata: a phone or a server whose
// tzdata predates 2024a would otherwise put an Almaty session an hour late. zones.test.ts checks
// this table against the runtime's tzdata wherever that is current.

export const SESSION_ZONES = [
  'Asia/Almaty',
  'Asia/Aqtobe',
  'Asia/Atyrau',
  'Asia/Aqtau',
  'Asia/Oral',
  'Asia/Qyzylorda',
  'Asia/Qostanay',
] as const;
export type SessionZone = (typeof SESSION_ZONES)[number];

/** Where a region's clocks are set; every region not listed keeps Almaty's time. */
const REGION_ZONES: Partial<Record<Region, SessionZone>> = {
  aktobe: 'Asia/Aqtobe',
  atyrau: 'Asia/Atyrau',
  mangystau: 'Asia/Aqtau',
  west_kazakhstan: 'Asia/Oral',
  kyzylorda: 'Asia/Qyzylorda',
  kostanay: 'Asia/Qostanay',
};

/** The zone of a case's region (Asia/Almaty when the case names no region). */
export const zoneOfRegion = (region: Region | null | undefined): SessionZone =>
  (region && REGION_ZONES[region]) || 'Asia/Almaty';

/** A change of a zone's UTC offset, in minutes east of UTC. */
type Change = { at: Date; from: number; to: number };

// Kazakhstan stopped summer time after 31 October 2004 ("2004 Oct 31 2:00s" in tzdata: 02:00 of
// standard time). The table starts there; instants before it are not modelled.
const endOfSummerTime = (standardOffsetHours: number, from: number, to: number): Change => ({
  at: new Date(Date.UTC(2004, 9, 31, 2 - standardOffsetHours)),
  from,
  to,
});
const H = 60;

/** Every change of each zone's offset since 2004, oldest first (tzdata 2025c, file `asia`). */
export const ZONE_CHANGES: Record<SessionZone, readonly Change[]> = {
  'Asia/Almaty': [endOfSummerTime(6, 7 * H, 6 * H), { at: KZ_SINGLE_ZONE_FROM, from: 6 * H, to: 5 * H }],
  'Asia/Qostanay': [endOfSummerTime(5, 6 * H, 6 * H), { at: KZ_SINGLE_ZONE_FROM, from: 6 * H, to: 5 * H }],
  // Kyzylorda moved to +05 on 21 December 2018 at 00:00 local time.
  'Asia/Qyzylorda': [
    endOfSummerTime(5, 6 * H, 6 * H),
    { at: new Date('2018-12-20T18:00:00Z'), from: 6 * H, to: 5 * H },
  ],
  'Asia/Aqtobe': [endOfSummerTime(5, 6 * H, 5 * H)],
  'Asia/Atyrau': [endOfSummerTime(4, 5 * H, 5 * H)],
  'Asia/Aqtau': [endOfSummerTime(4, 5 * H, 5 * H)],
  'Asia/Oral': [endOfSummerTime(4, 5 * H, 5 * H)],
};

/** The first instant the table describes: earlier instants have no known offset here. */
export const ZONE_TABLE_FROM = new Date(
  Math.max(...SESSION_ZONES.map((z) => ZONE_CHANGES[z][0]?.at.getTime() ?? 0)),
);

/** The zone's offset from UTC (minutes east) at an instant. */
export const offsetAt = (zone: SessionZone, instant: Date): number => {
  const changes = ZONE_CHANGES[zone];
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('invalid Date');
  let offset: number | null = null;
  for (const change of changes) if (change.at.getTime() <= ms) offset = change.to;
  if (offset === null)
    throw new RangeError(`${zone} is not described before ${changes[0]?.at.toISOString()}`);
  return offset;
};

export type WallTime = {
  /** 'YYYY-MM-DD' in the zone. */
  date: string;
  /** 'HH:MM', 24-hour, in the zone. */
  time: string;
  offsetMinutes: number;
};

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** What a clock in the zone shows at an instant. */
export const wallTime = (zone: SessionZone, instant: Date): WallTime => {
  const offsetMinutes = offsetAt(zone, instant);
  const local = new Date(instant.getTime() + offsetMinutes * 60_000);
  return {
    date: `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`,
    time: `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`,
    offsetMinutes,
  };
};

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * The instant a clock in the zone shows this date and time, or null when the text is not a real
 * date ('YYYY-MM-DD') and time ('HH:MM'). A time skipped by a change of offset does not occur
 * after 2004 in these zones (every change since set clocks back), so one answer always exists;
 * of a time shown twice, the later instant is taken.
 */
export const instantOf = (zone: SessionZone, date: string, time: string): Date | null => {
  const d = DATE.exec(date);
  const t = TIME.exec(time);
  if (!d || !t) return null;
  const [, y, m, day] = d.map(Number) as [number, number, number, number];
  const asUtc = new Date(0);
  asUtc.setUTCFullYear(y, m - 1, day);
  if (asUtc.getUTCMonth() !== m - 1 || asUtc.getUTCDate() !== day) return null;
  asUtc.setUTCHours(Number(t[1]), Number(t[2]));
  // Each offset the zone ever had gives one candidate; a candidate holds if that offset was in force.
  const offsets = [...new Set(ZONE_CHANGES[zone].flatMap((c) => [c.from, c.to]))];
  const holds = offsets
    .map((offset) => ({ offset, instant: new Date(asUtc.getTime() - offset * 60_000) }))
    .filter(({ offset, instant }) => instant >= ZONE_TABLE_FROM && offsetAt(zone, instant) === offset)
    .map(({ instant }) => instant.getTime());
  return holds.length ? new Date(Math.max(...holds)) : null;
};

/** 'UTC+5', 'UTC+5:30', 'UTC−3' (with a minus sign, not a hyphen). */
export const utcOffsetLabel = (offsetMinutes: number) => {
  const sign = offsetMinutes < 0 ? '−' : '+';
  const abs = Math.abs(offsetMinutes);
  const minutes = abs % 60;
  return `UTC${sign}${Math.floor(abs / 60)}${minutes ? `:${pad(minutes)}` : ''}`;
};

/**
 * A fixed-offset zone Intl knows everywhere (POSIX signs are inverted: UTC+5 is 'Etc/GMT-5'), so a
 * browser formats a session's time from this table's offset rather than from its own tzdata.
 */
export const fixedOffsetZone = (offsetMinutes: number) => {
  // Every offset Kazakhstan has used is whole hours; Etc zones can say nothing else.
  if (offsetMinutes % 60 !== 0) throw new RangeError(`not a whole-hour offset: ${offsetMinutes}`);
  const hours = offsetMinutes / 60;
  return hours === 0 ? 'Etc/GMT' : `Etc/GMT${hours > 0 ? '-' : '+'}${Math.abs(hours)}`;
};

/** The message key part naming a zone in words ("Almaty time"): 'Asia/Aqtobe' → 'aqtobe'. */
export const zoneKey = (zone: SessionZone) => zone.slice('Asia/'.length).toLowerCase();
