import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { type CalendarEvent, escapeText, foldLine, sessionCalendar } from './ics.ts';
import { SESSION_ZONES, type SessionZone } from './zones.ts';

// The file is read back with an independent parser (ical.js, Mozilla's), not with our own code.

const event = (overrides: Partial<CalendarEvent> = {}): CalendarEvent => ({
  uid: '6f1c0f7e-3b7a-4a55-9a3e-2f1f0c7e9d11@kelisim.kz',
  sequence: 0,
  status: 'CONFIRMED',
  stamp: new Date('2026-11-24T09:00:00Z'),
  start: new Date('2026-12-01T09:30:00Z'),
  durationMinutes: 90,
  zone: 'Asia/Almaty',
  summary: 'Медиация: KLS-2026-000001 — бірлескен кездесу',
  description: 'Бейне байланыс. Іс беті: http://kelisim.test/cases/1\nҚұпия; жазылмайды, эфирге шықпайды.',
  location: null,
  url: 'http://kelisim.test/cases/1',
  organizer: { name: 'Гүлнар Маратқызы Әбенова', email: 'mediator@demo.kelisim.kz' },
  ...overrides,
});

/** Parses the file and returns its event with its start resolved through the file's own VTIMEZONE. */
const parse = (text: string) => {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const zone = calendar.getFirstSubcomponent('vtimezone');
  if (!zone) throw new Error('no VTIMEZONE');
  const timezone = new ICAL.Timezone(zone);
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT');
  const parsed = new ICAL.Event(vevent);
  // Resolve TZID against the file's definition, never against a built-in table.
  parsed.startDate.zone = timezone;
  parsed.endDate.zone = timezone;
  return { calendar, timezone, vevent, parsed };
};

describe('the session calendar file', () => {
  it('parses, publishes, and starts at the right instant in Asia/Almaty at UTC+5', () => {
    const text = sessionCalendar(event());
    const { calendar, timezone, vevent, parsed } = parse(text);
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(timezone.tzid).toBe('Asia/Almaty');
    expect(vevent.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Asia/Almaty');
    expect(String(vevent.getFirstPropertyValue('dtstart'))).toBe('2026-12-01T14:30:00');
    expect(parsed.startDate.toJSDate().toISOString()).toBe('2026-12-01T09:30:00.000Z');
    expect(parsed.endDate.toJSDate().toISOString()).toBe('2026-12-01T11:00:00.000Z');
    expect(parsed.startDate.utcOffset()).toBe(5 * 3600);
    expect(parsed.summary).toBe(event().summary);
    expect(parsed.description).toBe(event().description);
    expect(parsed.uid).toBe(event().uid);
    expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(vevent.getFirstProperty('organizer')?.getParameter('cn')).toBe('Гүлнар Маратқызы Әбенова');
  });

  it.each(SESSION_ZONES)('carries %s with its offset for the date of the session', (zone: SessionZone) => {
    const { timezone, parsed } = parse(sessionCalendar(event({ zone })));
    expect(timezone.tzid).toBe(zone);
    expect(parsed.startDate.toJSDate().toISOString()).toBe('2026-12-01T09:30:00.000Z');
    expect(parsed.startDate.utcOffset()).toBe(5 * 3600);
    // The same definition gives the old offset before 2024 where the zone had one.
    const before = ICAL.Time.fromData({ year: 2023, month: 12, day: 1, hour: 12, minute: 0 }, timezone);
    const expected = zone === 'Asia/Almaty' || zone === 'Asia/Qostanay' ? 6 : 5;
    expect(before.utcOffset()).toBe(expected * 3600);
  });

  it('writes a cancellation as a later version of the same event', () => {
    const { vevent } = parse(sessionCalendar(event({ sequence: 1, status: 'CANCELLED' })));
    expect(vevent.getFirstPropertyValue('sequence')).toBe(1);
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
  });

  it('keeps an in-person address with commas and semicolons intact', () => {
    const location = 'Петропавл қ., Абай к-сі, 12; 3-қабат, 305 бөлме';
    const { parsed } = parse(sessionCalendar(event({ location })));
    expect(parsed.location).toBe(location);
  });

  it('ends lines with CRLF and folds them at 75 octets without splitting a letter', () => {
    const text = sessionCalendar(event({ summary: 'Ә'.repeat(200) }));
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replaceAll('\r\n', '')).not.toContain('\n');
    for (const line of text.split('\r\n'))
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(text).not.toContain('\uFFFD');
    expect(foldLine('a'.repeat(75))).toBe('a'.repeat(75));
    expect(foldLine('a'.repeat(76))).toBe(`${'a'.repeat(75)}\r\n a`);
  });

  it('escapes text values', () => {
    expect(escapeText('a, b; c\\d\ne')).toBe('a\\, b\\; c\\\\d\\ne');
  });
});
