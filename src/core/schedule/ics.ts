import { offsetAt, type SessionZone, ZONE_CHANGES } from './zones.ts';

// An iCalendar file (RFC 5545) for one session, published by the platform (RFC 5546 PUBLISH): the
// parties accept or decline in Kelisim, so calendar programs are told, not asked. A confirmed
// session is published once; its cancellation re-publishes the same UID with a higher SEQUENCE
// and STATUS:CANCELLED. Times are local to the session's zone (DTSTART;TZID=…) with a VTIMEZONE
// written from the zone table, so the file is right even where the reader's tzdata is old.

export type CalendarEvent = {
  /** Stable for the session: an update replaces the event instead of adding another. */
  uid: string;
  /** 0 when published, higher for each later version (the cancellation). */
  sequence: number;
  status: 'CONFIRMED' | 'CANCELLED';
  /** When this version of the file was made. */
  stamp: Date;
  start: Date;
  durationMinutes: number;
  zone: SessionZone;
  summary: string;
  description: string;
  location: string | null;
  url: string;
  organizer: { name: string; email: string };
};

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** 'YYYYMMDDTHHMMSS' of an instant shifted by an offset: local time without a zone suffix. */
const localStamp = (instant: Date, offsetMinutes: number) => {
  const t = new Date(instant.getTime() + offsetMinutes * 60_000);
  return `${pad(t.getUTCFullYear(), 4)}${pad(t.getUTCMonth() + 1)}${pad(t.getUTCDate())}T${pad(t.getUTCHours())}${pad(t.getUTCMinutes())}${pad(t.getUTCSeconds())}`;
};

const utcStamp = (instant: Date) => `${localStamp(instant, 0)}Z`;

/** '+0500' (UTC offset property value). */
const offsetValue = (minutes: number) => {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
};

/** '+05' as tzdata abbreviates Kazakhstan's zones. */
const offsetName = (minutes: number) => offsetValue(minutes).replace(/00$/, '');

/** TEXT values: backslash, semicolon, comma and line breaks are escaped (RFC 5545 §3.3.11). */
export const escapeText = (value: string) =>
  value
    .replaceAll('\\', '\\\\')
    .replaceAll(';', '\\;')
    .replaceAll(',', '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');

/** A parameter value: quoted, without the double quotes and control characters it may not hold. */
const paramValue = (value: string) => `"${value.replace(/["\p{Cc}]/gu, '')}"`;

const encoder = new TextEncoder();

/**
 * Lines longer than 75 octets are folded (RFC 5545 §3.1): CRLF and a space, never inside a
 * character (Kazakh and Russian letters take two octets in UTF-8).
 */
export const foldLine = (line: string) => {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // Continuation lines start with a space, which counts towards their 75 octets.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
};

/**
 * The zone's definition: one STANDARD observance per change of offset in the table (Kazakhstan
 * has had no summer time since 2004), each starting at its local onset time before the change.
 */
export const vtimezone = (zone: SessionZone): string[] => [
  'BEGIN:VTIMEZONE',
  `TZID:${zone}`,
  ...ZONE_CHANGES[zone].flatMap((change) => [
    'BEGIN:STANDARD',
    `DTSTART:${localStamp(change.at, change.from)}`,
    `TZOFFSETFROM:${offsetValue(change.from)}`,
    `TZOFFSETTO:${offsetValue(change.to)}`,
    `TZNAME:${offsetName(change.to)}`,
    'END:STANDARD',
  ]),
  'END:VTIMEZONE',
];

/** The whole file, CRLF line ends, ready to attach as text/calendar; method=PUBLISH. */
export const sessionCalendar = (event: CalendarEvent): string => {
  const end = new Date(event.start.getTime() + event.durationMinutes * 60_000);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Kelisim//Mediation sessions//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...vtimezone(event.zone),
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `DTSTAMP:${utcStamp(event.stamp)}`,
    `SEQUENCE:${event.sequence}`,
    `STATUS:${event.status}`,
    `DTSTART;TZID=${event.zone}:${localStamp(event.start, offsetAt(event.zone, event.start))}`,
    `DTEND;TZID=${event.zone}:${localStamp(end, offsetAt(event.zone, end))}`,
    `SUMMARY:${escapeText(event.summary)}`,
    `DESCRIPTION:${escapeText(event.description)}`,
    ...(event.location ? [`LOCATION:${escapeText(event.location)}`] : []),
    `URL:${event.url}`,
    `ORGANIZER;CN=${paramValue(event.organizer.name)}:mailto:${event.organizer.email}`,
    'TRANSP:OPAQUE',
    'CLASS:PRIVATE',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
};
