import { z } from 'zod';
import { ADDRESS_MAX, SESSION_MODES, SESSION_STATUSES } from '../core/schedule/sessions.ts';
import { SESSION_ZONES } from '../core/schedule/zones.ts';

// Scheduling of mediation sessions (issue 5). Ranges and rules (start in the future, 15–480
// minutes, an address for meeting in person, who may be invited) are checked by core/schedule, so
// every refusal names its field with a message of its own; the contract checks shapes only.

export const sessionParams = z.object({ id: z.uuid('invalid_format'), sessionId: z.uuid('invalid_format') });

const startsAt = z.iso.datetime({ offset: true, message: 'invalid_date_time' });
const durationMinutes = z.number('required').int('session_duration_range');

export const sessionProposal = z.object({
  mode: z.enum(SESSION_MODES, 'invalid_value'),
  /** Where to meet, for a session in person. */
  address: z.string().trim().max(ADDRESS_MAX, 'too_long').nullish(),
  startsAt,
  durationMinutes,
  /** A caucus session with this party alone (and the mediator); absent for a joint session. */
  caucusPartyId: z.uuid('invalid_format').nullish(),
});

/** A party's other time for a proposal: the rest of the proposal stays as it was. */
export const sessionCounter = z.object({ startsAt, durationMinutes: durationMinutes.optional() });

export const sessionAnswer = z.object({ answer: z.enum(['accept', 'decline'], 'invalid_value') });

export const sessionAction = z.enum(['accept', 'decline', 'counter', 'cancel']);

export const sessionView = z
  .object({
    id: z.uuid(),
    /** The proposal this one answers with another time. */
    counterTo: z.uuid().nullable(),
    mode: z.enum(SESSION_MODES),
    address: z.string().nullable(),
    startsAt: z.iso.datetime(),
    endsAt: z.iso.datetime(),
    durationMinutes: z.number().int(),
    timeZone: z.enum(SESSION_ZONES),
    /** The zone's offset at the start, from the platform's zone table (not the reader's tzdata). */
    utcOffsetMinutes: z.number().int(),
    /** Local date and time in the session's zone, for forms and for readers without Intl. */
    localDate: z.iso.date(),
    localTime: z.string(),
    caucusPartyId: z.uuid().nullable(),
    status: z.enum(SESSION_STATUSES),
    /** A proposal nobody confirmed before its start. */
    lapsed: z.boolean(),
    proposedBy: z.object({ role: z.enum(['mediator', 'party']), partyId: z.uuid().nullable() }),
    mediatorAccepted: z.boolean(),
    answers: z.array(
      z.object({
        partyId: z.uuid(),
        answer: z.enum(['accepted', 'declined', 'pending']),
        at: z.iso.datetime().nullable(),
      }),
    ),
    /** What the caller may do with it now. */
    actions: z.array(sessionAction),
    confirmedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'CaseSession' });

export const sessionList = z
  .object({
    /** The zone new sessions of this case are in (from its region). */
    timeZone: z.enum(SESSION_ZONES),
    utcOffsetMinutes: z.number().int(),
    canPropose: z.boolean(),
    /** Whether joint sessions are possible (not after a positive safety screening, R-FAM-02). */
    jointAllowed: z.boolean(),
    sessions: z.array(sessionView),
  })
  .meta({ id: 'CaseSessions' });
