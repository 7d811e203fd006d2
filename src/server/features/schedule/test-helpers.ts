import fs from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import type { TestApp } from '../../../../test/app.ts';
import { call } from '../../../../test/cases.ts';

// Shared by the scheduling integration tests: times relative to the test clock, the calls, and
// the calendar files read back from the outbox's .eml files with an independent parser (ical.js).

const HOUR_MS = 3_600_000;

export const hoursFromNow = (t: TestApp, hours: number) =>
  new Date(t.clock.now().getTime() + hours * HOUR_MS).toISOString();

export const proposal = (t: TestApp, overrides: object = {}) => ({
  mode: 'video',
  startsAt: hoursFromNow(t, 48),
  durationMinutes: 90,
  ...overrides,
});

type Who = { cookie: string };

export const sessionsOf = async (t: TestApp, caseId: string, who: Who) => {
  const response = await call(t, 'GET', `/api/cases/${caseId}/sessions`, who.cookie);
  if (response.statusCode !== 200) throw new Error(`sessions: ${response.statusCode} ${response.body}`);
  return response.json() as {
    timeZone: string;
    canPropose: boolean;
    sessions: {
      id: string;
      status: string;
      counterTo: string | null;
      caucusPartyId: string | null;
      actions: string[];
      timeZone: string;
      localDate: string;
      localTime: string;
      mediatorAccepted: boolean;
      answers: { partyId: string; answer: string }[];
    }[];
  };
};

export const propose = async (t: TestApp, caseId: string, mediator: Who, overrides: object = {}) => {
  const response = await call(
    t,
    'POST',
    `/api/cases/${caseId}/sessions`,
    mediator.cookie,
    proposal(t, overrides),
  );
  if (response.statusCode !== 201) throw new Error(`propose: ${response.statusCode} ${response.body}`);
  const sessions = response.json().sessions as { id: string; createdAt: string }[];
  return sessions.reduce((a, b) => (a.createdAt > b.createdAt ? a : b)).id;
};

export const answer = (
  t: TestApp,
  caseId: string,
  sessionId: string,
  who: Who,
  value: 'accept' | 'decline',
) => call(t, 'POST', `/api/cases/${caseId}/sessions/${sessionId}/answer`, who.cookie, { answer: value });

type Outboxed = { to: string; subject: string; text: string; eml: string };

/** Every mail in the outbox with its raw message, oldest first. */
export const outbox = (t: TestApp): Outboxed[] => {
  if (!fs.existsSync(t.outboxDir)) return [];
  return fs
    .readdirSync(t.outboxDir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({
      ...JSON.parse(fs.readFileSync(path.join(t.outboxDir, name), 'utf8')),
      eml: fs.readFileSync(path.join(t.outboxDir, name.replace(/\.json$/, '.eml')), 'utf8'),
    }));
};

/** The text/calendar attachment of a composed message, decoded. */
export const calendarOf = (eml: string) => {
  const start = eml.search(/^Content-Type: text\/calendar/im);
  if (start < 0) return null;
  const part = eml.slice(start);
  const headersEnd = part.indexOf('\n\n');
  const headers = part.slice(0, headersEnd);
  const body = part.slice(headersEnd + 2, part.search(/\n--[^\n]+/));
  if (/Content-Transfer-Encoding: base64/i.test(headers))
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/Content-Transfer-Encoding: quoted-printable/i.test(headers))
    return Buffer.from(
      body
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9A-F]{2})/gi, (_, hex) => String.fromCharCode(Number.parseInt(hex, 16))),
      'latin1',
    ).toString('utf8');
  return body;
};

/** The event of a calendar file, its times resolved through the file's own VTIMEZONE. */
export const parseCalendar = (text: string) => {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vtimezone = calendar.getFirstSubcomponent('vtimezone');
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (!vtimezone || !vevent) throw new Error('no VTIMEZONE or VEVENT');
  const timezone = new ICAL.Timezone(vtimezone);
  const event = new ICAL.Event(vevent);
  event.startDate.zone = timezone;
  return {
    method: calendar.getFirstPropertyValue('method'),
    tzid: timezone.tzid,
    dtstartTzid: vevent.getFirstProperty('dtstart')?.getParameter('tzid'),
    start: event.startDate.toJSDate().toISOString(),
    offsetSeconds: event.startDate.utcOffset(),
    local: String(vevent.getFirstPropertyValue('dtstart')),
    status: vevent.getFirstPropertyValue('status'),
    sequence: vevent.getFirstPropertyValue('sequence'),
    uid: event.uid,
    summary: event.summary,
  };
};
