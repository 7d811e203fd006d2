import { describe, expect, it } from 'vitest';
import {
  actionsOf,
  concernedParties,
  dueReminder,
  isAgreed,
  maySee,
  type Proposal,
  proposalIssues,
  refusal,
  type SessionFacts,
} from './sessions.ts';

const now = new Date('2026-11-24T09:00:00Z');
const hours = (n: number) => new Date(now.getTime() + n * 3_600_000);
const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const parties = [A, B];

const proposal = (overrides: Partial<Proposal> = {}): Proposal => ({
  mode: 'video',
  address: null,
  startsAt: hours(48),
  durationMinutes: 90,
  caucusPartyId: null,
  ...overrides,
});
const issuesOf = (p: Partial<Proposal>, separateSessions = false) =>
  proposalIssues(proposal(p), { now, partyIds: parties, separateSessions }).map(
    (i) => `${i.field}:${i.code}`,
  );

const session = (overrides: Partial<SessionFacts> = {}): SessionFacts => ({
  status: 'proposed',
  startsAt: hours(48),
  caucusPartyId: null,
  mediatorAccepted: true,
  answers: {},
  ...overrides,
});

describe('a proposed session', () => {
  it('is fine when it is in the future, 15–480 minutes, and names who it is for', () => {
    expect(issuesOf({})).toEqual([]);
    expect(issuesOf({ mode: 'in_person', address: 'Абай к-сі, 12' })).toEqual([]);
    expect(issuesOf({ caucusPartyId: A })).toEqual([]);
    expect(issuesOf({ durationMinutes: 15 })).toEqual([]);
    expect(issuesOf({ durationMinutes: 480 })).toEqual([]);
  });

  it('names every field that is wrong', () => {
    expect(issuesOf({ startsAt: now })).toEqual(['startsAt:session_start_past']);
    expect(issuesOf({ startsAt: hours(24 * 181) })).toEqual(['startsAt:session_start_too_far']);
    expect(issuesOf({ durationMinutes: 14 })).toEqual(['durationMinutes:session_duration_range']);
    expect(issuesOf({ durationMinutes: 481 })).toEqual(['durationMinutes:session_duration_range']);
    expect(issuesOf({ durationMinutes: 30.5 })).toEqual(['durationMinutes:session_duration_range']);
    expect(issuesOf({ mode: 'in_person', address: '  ' })).toEqual(['address:session_address_required']);
    expect(issuesOf({ caucusPartyId: '33333333-3333-4333-8333-333333333333' })).toEqual([
      'caucusPartyId:session_party_unknown',
    ]);
    expect(issuesOf({ startsAt: hours(-1), durationMinutes: 5, mode: 'in_person' })).toEqual([
      'startsAt:session_start_past',
      'durationMinutes:session_duration_range',
      'address:session_address_required',
    ]);
  });

  it('must be a caucus when the safety screening separated the parties (R-FAM-02)', () => {
    expect(issuesOf({}, true)).toEqual(['caucusPartyId:session_caucus_required']);
    expect(issuesOf({ caucusPartyId: B }, true)).toEqual([]);
  });
});

describe('who a session concerns and who sees it', () => {
  it('concerns every party, or the caucus party alone', () => {
    expect(concernedParties(null, parties)).toEqual(parties);
    expect(concernedParties(B, parties)).toEqual([B]);
  });

  it('shows a caucus session to its party and the mediator only, and nothing to a court (R-MED-17)', () => {
    expect(maySee(A, { role: 'party', partyId: A })).toBe(true);
    expect(maySee(A, { role: 'party', partyId: B })).toBe(false);
    expect(maySee(A, { role: 'mediator' })).toBe(true);
    expect(maySee(null, { role: 'party', partyId: B })).toBe(true);
    expect(maySee(null, { role: 'court' })).toBe(false);
  });

  it('is agreed when the mediator and every concerned party accepted', () => {
    expect(isAgreed(session({ answers: { A: 'accepted' } }), parties)).toBe(false);
    expect(isAgreed(session({ answers: { [A]: 'accepted', [B]: 'accepted' } }), parties)).toBe(true);
    expect(isAgreed(session({ answers: { [A]: 'accepted', [B]: 'declined' } }), parties)).toBe(false);
    expect(isAgreed(session({ caucusPartyId: B, answers: { [B]: 'accepted' } }), parties)).toBe(true);
    expect(
      isAgreed(session({ mediatorAccepted: false, answers: { [A]: 'accepted', [B]: 'accepted' } }), parties),
    ).toBe(false);
  });
});

describe('what each person may do', () => {
  const partyA = { role: 'party' as const, partyId: A };
  const mediator = { role: 'mediator' as const };

  it('lets a party answer once, the mediator answer a counter-proposal, and only the mediator cancel', () => {
    expect(actionsOf(session(), partyA, parties, now)).toEqual(['accept', 'decline', 'counter']);
    expect(actionsOf(session({ answers: { [A]: 'accepted' } }), partyA, parties, now)).toEqual([]);
    expect(refusal(session({ answers: { [A]: 'accepted' } }), partyA, 'accept', parties, now)).toBe(
      'already_answered',
    );
    expect(actionsOf(session(), mediator, parties, now)).toEqual(['cancel']);
    expect(actionsOf(session({ mediatorAccepted: false }), mediator, parties, now)).toEqual([
      'accept',
      'decline',
      'cancel',
    ]);
    expect(actionsOf(session({ caucusPartyId: B }), partyA, parties, now)).toEqual([]);
    expect(refusal(session(), { role: 'court' }, 'accept', parties, now)).toBe('case_actor_not_allowed');
  });

  it('closes a session that started, was declined or was cancelled', () => {
    expect(refusal(session({ startsAt: hours(-1) }), partyA, 'accept', parties, now)).toBe('session_started');
    expect(refusal(session({ status: 'declined' }), partyA, 'accept', parties, now)).toBe('session_not_open');
    expect(refusal(session({ status: 'confirmed' }), partyA, 'decline', parties, now)).toBe(
      'session_not_open',
    );
    expect(actionsOf(session({ status: 'confirmed' }), mediator, parties, now)).toEqual(['cancel']);
    expect(refusal(session({ status: 'cancelled' }), mediator, 'cancel', parties, now)).toBe(
      'session_not_open',
    );
    expect(
      refusal(session({ status: 'confirmed', startsAt: hours(-1) }), mediator, 'cancel', parties, now),
    ).toBe('session_started');
  });
});

describe('reminders', () => {
  it('are due 24 hours and 1 hour before the start, once each', () => {
    expect(dueReminder(hours(30), now, null)).toBeNull();
    expect(dueReminder(hours(24), now, null)).toBe(24);
    expect(dueReminder(hours(23), now, 24)).toBeNull();
    expect(dueReminder(hours(1), now, 24)).toBe(1);
    expect(dueReminder(hours(0.5), now, 1)).toBeNull();
    expect(dueReminder(hours(-0.1), now, 24)).toBeNull();
  });

  it('go straight to the nearest one when the earlier was missed', () => {
    expect(dueReminder(hours(0.5), now, null)).toBe(1);
  });
});
