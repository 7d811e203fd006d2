import { describe, expect, it } from 'vitest';
import type { SessionView } from '../../schedule-api.ts';
import { parseMinutes, splitSessions, startsAtOf, statusOf } from './model.ts';

const now = new Date('2026-11-24T09:00:00Z');
const session = (overrides: Partial<SessionView>): SessionView => ({
  id: '11111111-1111-4111-8111-111111111111',
  counterTo: null,
  mode: 'video',
  address: null,
  startsAt: '2026-11-25T09:00:00.000Z',
  endsAt: '2026-11-25T10:00:00.000Z',
  durationMinutes: 60,
  timeZone: 'Asia/Almaty',
  utcOffsetMinutes: 300,
  localDate: '2026-11-25',
  localTime: '14:00',
  caucusPartyId: null,
  status: 'proposed',
  lapsed: false,
  proposedBy: { role: 'mediator', partyId: null },
  mediatorAccepted: true,
  answers: [],
  actions: [],
  confirmedAt: null,
  createdAt: '2026-11-24T08:00:00.000Z',
  ...overrides,
});

describe('the sessions panel model', () => {
  it('keeps open proposals and confirmed sessions not yet over ahead, the rest as history', () => {
    const open = session({ id: 'a' });
    const running = session({
      id: 'b',
      status: 'confirmed',
      startsAt: '2026-11-24T08:30:00.000Z',
      endsAt: '2026-11-24T09:30:00.000Z',
    });
    const over = session({
      id: 'c',
      status: 'confirmed',
      startsAt: '2026-11-23T08:00:00.000Z',
      endsAt: '2026-11-23T09:00:00.000Z',
    });
    const lapsed = session({ id: 'd', lapsed: true });
    const cancelled = session({ id: 'e', status: 'cancelled' });
    const { upcoming, earlier } = splitSessions([over, running, open, lapsed, cancelled], now);
    expect(upcoming.map((s) => s.id)).toEqual(['b', 'a']);
    expect(earlier.map((s) => s.id)).toEqual(['e', 'd', 'c']);
  });

  it('says when a proposal lapsed or waits for the mediator', () => {
    expect(statusOf(session({ lapsed: true }))).toBe('lapsed');
    expect(statusOf(session({ mediatorAccepted: false }))).toBe('waitingMediator');
    expect(statusOf(session({ status: 'confirmed' }))).toBe('confirmed');
  });

  it('reads a date and time in the session’s zone, and whole minutes', () => {
    expect(startsAtOf('Asia/Almaty', '2026-12-01', '14:30')).toBe('2026-12-01T09:30:00.000Z');
    expect(startsAtOf('Asia/Aqtobe', ' 2026-12-01 ', '09:00')).toBe('2026-12-01T04:00:00.000Z');
    expect(startsAtOf('Asia/Almaty', '', '14:30')).toBeNull();
    expect(startsAtOf('Asia/Almaty', '2026-12-01', '25:00')).toBeNull();
    expect(parseMinutes(' 90 ')).toBe(90);
    expect(parseMinutes('1.5')).toBeNull();
    expect(parseMinutes('')).toBeNull();
  });
});
