import { describe, expect, it } from 'vitest';
import type { MatchSuggestion } from '../../api.ts';
import type { CasePartyView, CaseView } from '../../cases-api.ts';
import {
  choicesOutside,
  choosers,
  confirmations,
  endingBody,
  extensionLeft,
  orderSuggestions,
  parseDays,
  ruleText,
  showsNotice,
  stepStates,
  undeclared,
  viewerConfirmed,
  WAITING_RULES,
  waitingNames,
  waitsForViewer,
} from './model.ts';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const M1 = '00000000-0000-4000-8000-000000000001';
const M2 = '00000000-0000-4000-8000-000000000002';

const party = (
  id: string,
  side: CasePartyView['side'],
  change: Partial<CasePartyView> = {},
): CasePartyView => ({
  id,
  side,
  kind: 'individual',
  fullName: side === 'initiator' ? 'Айгерім' : 'Ерлан',
  idNumber: null,
  email: null,
  phone: null,
  representative: null,
  consent: 'accepted',
  invitation:
    side === 'respondent'
      ? { sentAt: '2026-11-20T05:00:00.000Z', deliveredAt: null, readAt: null, replyBy: '2026-11-30' }
      : null,
  mediatorChoiceId: null,
  contractConfirmedAt: null,
  screened: null,
  ...change,
});

const view = (change: Partial<CaseView> = {}): CaseView => ({
  id: '00000000-0000-4000-8000-0000000000c0',
  number: 'K-2026-000001',
  status: 'choosing_mediator',
  origin: 'party',
  request: null,
  separateSessions: false,
  screeningRequired: false,
  viewer: { role: 'party', partyId: A, actions: ['choose_mediator', 'withdraw'] },
  waiting: { code: 'mediator_choice', partyIds: [A, B] },
  parties: [party(A, 'initiator'), party(B, 'respondent')],
  mediator: null,
  suggestedMediatorId: null,
  excludedMediatorIds: [],
  contract: null,
  term: null,
  ending: null,
  court: null,
  rating: null,
  timeline: [],
  createdAt: '2026-11-20T05:00:00.000Z',
  updatedAt: '2026-11-20T05:00:00.000Z',
  ...change,
});

const suggestion = (id: string) => ({ id, fullName: id }) as MatchSuggestion;

describe('what the case waits for', () => {
  it('waits for the viewer when the viewer is among the parties it waits for', () => {
    expect(waitsForViewer(view())).toBe(true);
    expect(waitsForViewer(view({ waiting: { code: 'mediator_choice', partyIds: [B] } }))).toBe(false);
  });

  it('waits for the mediator while the mediator has to answer or confirm', () => {
    const mediator = { role: 'mediator' as const, partyId: null, actions: [] };
    expect(
      waitsForViewer(view({ viewer: mediator, waiting: { code: 'mediator_answer', partyIds: [] } })),
    ).toBe(true);
    expect(waitsForViewer(view({ viewer: mediator, waiting: { code: 'mediation', partyIds: [] } }))).toBe(
      false,
    );
    // While parties still confirm, the mediator may confirm too: it is their turn as long as they can.
    const contract = { code: 'contract_confirmation' as const, partyIds: [A] };
    expect(
      waitsForViewer(view({ viewer: { ...mediator, actions: ['confirm_contract'] }, waiting: contract })),
    ).toBe(true);
    expect(waitsForViewer(view({ viewer: mediator, waiting: contract }))).toBe(false);
  });

  it('names the others it waits for, never the viewer', () => {
    expect(waitingNames(view())).toEqual(['Ерлан']);
  });

  it('cites the rule of every waiting state the core can produce', () => {
    expect(WAITING_RULES.reply).toBe('R-MED-10');
    expect(WAITING_RULES.mediator_choice).toBe('R-MED-06');
    expect(WAITING_RULES.contract_confirmation).toBe('R-MED-20');
    expect(WAITING_RULES.mediation).toBe('R-MED-11');
    expect(WAITING_RULES.nothing).toBeNull();
  });
});

describe('the steps of a case', () => {
  it('marks earlier steps done, the status’s step current, later ones to come', () => {
    expect(stepStates('contract').map((s) => s.state)).toEqual([
      'done',
      'done',
      'done',
      'current',
      'todo',
      'todo',
    ]);
    expect(stepStates('mediator_asked').find((s) => s.state === 'current')?.key).toBe('mediator');
    expect(stepStates('withdrawn').at(-1)?.state).toBe('current');
  });
});

describe('rule texts', () => {
  it('come from core/law in the reader’s language, or not at all', () => {
    expect(ruleText('R-MED-06', 'en')).toMatch(/impartial/);
    expect(ruleText('R-NOPE-99', 'kk')).toBeNull();
  });
});

describe('proof of notice', () => {
  it('is shown where the server sent it, never to the invited party about itself', () => {
    const [initiator, respondent] = view().parties as [CasePartyView, CasePartyView];
    expect(showsNotice(view(), respondent)).toBe(true);
    expect(showsNotice(view(), initiator)).toBe(false);
    expect(showsNotice(view({ viewer: { role: 'party', partyId: B, actions: [] } }), respondent)).toBe(false);
    expect(showsNotice(view({ viewer: { role: 'mediator', partyId: null, actions: [] } }), respondent)).toBe(
      true,
    );
  });
});

describe('mediator choice', () => {
  it('puts the court’s rotation pick first and keeps the ranking otherwise', () => {
    const list = [suggestion(M1), suggestion(M2), suggestion('m3')];
    expect(orderSuggestions(list, M2).map((s) => s.id)).toEqual([M2, M1, 'm3']);
    expect(orderSuggestions(list, null).map((s) => s.id)).toEqual([M1, M2, 'm3']);
    expect(orderSuggestions(list, 'gone').map((s) => s.id)).toEqual([M1, M2, 'm3']);
  });

  it('says who chose whom, and which choices are not among the suggestions', () => {
    const parties = [
      party(A, 'initiator', { mediatorChoiceId: M1 }),
      party(B, 'respondent', { mediatorChoiceId: M2 }),
    ];
    expect(choosers(parties, M1).map((p) => p.id)).toEqual([A]);
    expect(choicesOutside(parties, [suggestion(M1)]).map((p) => p.id)).toEqual([B]);
  });
});

describe('the mediator’s declaration (R-MED-06)', () => {
  it('lists the parties not yet declared', () => {
    expect(undeclared(view().parties, new Set([A]))).toEqual([B]);
    expect(undeclared(view().parties, new Set([A, B]))).toEqual([]);
  });
});

describe('extension and ending', () => {
  it('leaves at most 30 extension days in total (R-MED-11)', () => {
    expect(extensionLeft(null)).toBe(0);
    const term = { startedOn: '2026-11-01', endsOn: '2026-12-11', extensionDays: 10, daysLeft: 12 };
    expect(extensionLeft(term)).toBe(20);
    expect(extensionLeft({ ...term, extensionDays: 30 })).toBe(0);
  });

  it('reads whole days only', () => {
    expect(parseDays(' 7 ')).toBe(7);
    expect(parseDays('7.5')).toBeNull();
    expect(parseDays('-1')).toBeNull();
    expect(parseDays('')).toBeNull();
  });

  it('sends an outcome, or a termination with its reason (R-MED-15)', () => {
    expect(endingBody('settled', '  ')).toEqual({ outcome: 'settled', note: undefined });
    expect(endingBody('futile', 'No progress')).toEqual({
      outcome: 'terminated',
      reason: 'futile',
      note: 'No progress',
    });
  });
});

describe('contract confirmations', () => {
  it('lists every party and the mediator with the time they confirmed', () => {
    const v = view({
      status: 'contract',
      parties: [
        party(A, 'initiator', { contractConfirmedAt: '2026-11-21T05:00:00.000Z' }),
        party(B, 'respondent'),
      ],
      mediator: {
        id: M1,
        fullName: 'Гүлнар',
        kind: 'professional',
        registryNumber: null,
        organisation: null,
      },
      contract: {
        hash: 'a'.repeat(64),
        terms: {} as NonNullable<CaseView['contract']>['terms'],
        mediatorConfirmedAt: null,
      },
    });
    expect(confirmations(v).map((c) => [c.who, c.at])).toEqual([
      ['party', '2026-11-21T05:00:00.000Z'],
      ['party', null],
      ['mediator', null],
    ]);
    expect(viewerConfirmed(v)).toBe(true);
    expect(viewerConfirmed({ ...v, viewer: { role: 'mediator', partyId: null, actions: [] } })).toBe(false);
  });
});
