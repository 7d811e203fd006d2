import type { SessionZone } from '../../../core/schedule/zones.ts';
import { instantOf } from '../../../core/schedule/zones.ts';
import type { SessionView } from '../../schedule-api.ts';

// What the sessions panel decides without React: which sessions are still ahead, how a status
// reads, and turning what a person typed (a date and a time in the session's zone) into the API's
// instant. Range checks stay on the server, whose refusals name each field in the reader's language.

/** Ahead: a proposal still open, or a confirmed session not yet over. The rest is history. */
export const splitSessions = (sessions: readonly SessionView[], now: Date) => {
  const ahead = (s: SessionView) =>
    (s.status === 'proposed' && !s.lapsed) ||
    (s.status === 'confirmed' && new Date(s.endsAt).getTime() > now.getTime());
  return {
    upcoming: sessions.filter(ahead),
    // Most recent first: the last thing that happened is what people look for.
    earlier: sessions.filter((s) => !ahead(s)).reverse(),
  };
};

export type StatusKey = SessionView['status'] | 'lapsed' | 'waitingMediator';

/** How a session's state reads: a lapsed proposal and a party's other time waiting for the mediator say so. */
export const statusOf = (s: SessionView): StatusKey => {
  if (s.lapsed) return 'lapsed';
  if (s.status === 'proposed' && !s.mediatorAccepted) return 'waitingMediator';
  return s.status;
};

/** The instant typed as a date and a time in the session's zone, or null when either is not valid. */
export const startsAtOf = (zone: SessionZone, date: string, time: string) =>
  instantOf(zone, date.trim(), time.trim())?.toISOString() ?? null;

/** Whole minutes typed in a field, or null. */
export const parseMinutes = (text: string) => (/^\d{1,4}$/.test(text.trim()) ? Number(text.trim()) : null);
