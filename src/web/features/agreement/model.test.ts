import { describe, expect, it } from 'vitest';
import { sampleDraft } from '../../../../test/agreements/sample.ts';
import type { CaseView } from '../../cases-api.ts';
import {
  canStart,
  equalShares,
  factsOf,
  fitLayout,
  instalmentsTotal,
  layoutsFor,
  mayRead,
  newItemId,
  offersSingapore,
  orderedLanguages,
  partyIdsOf,
  shortHash,
  subjectFrom,
  textFor,
} from './model.ts';

describe('languages and the PDF layout', () => {
  it('offers the bilingual layout only with both Kazakh and Russian', () => {
    expect(layoutsFor(['kk', 'ru'])).toEqual(['kk+ru', 'kk', 'ru']);
    expect(layoutsFor(['kk', 'en'])).toEqual(['kk', 'en']);
    expect(layoutsFor([])).toEqual([]);
  });

  it('keeps a layout that still fits, else prefers the bilingual one, else the first language', () => {
    expect(fitLayout('kk+ru', ['kk', 'ru', 'en'])).toBe('kk+ru');
    expect(fitLayout('kk+ru', ['ru', 'en'])).toBe('ru');
    expect(fitLayout('en', ['kk', 'ru'])).toBe('kk+ru');
    expect(orderedLanguages(['en', 'kk'])).toEqual(['kk', 'en']);
  });
});

describe('facts for validating in the browser', () => {
  it('takes the case, parties and mediator from the server draft, the date as the later of its and today', () => {
    const draft = sampleDraft();
    const facts = factsOf(draft, '2026-04-01');
    expect(facts.caseNumber).toBe(draft.case.number);
    expect(facts.courtCaseNumber).toBe(draft.case.courtCaseNumber);
    expect(facts.date).toBe('2026-04-01');
    expect(factsOf(draft, '2026-01-01').date).toBe(draft.date);
    expect(facts.parties.every((p) => !('address' in p) && !('representative' in p))).toBe(true);
    expect(facts.mediator).toEqual(draft.mediator);
  });
});

describe('new items, shares and sums', () => {
  it('gives obligations and clauses ids that are not taken', () => {
    const values = [0.1, 0.1, 0.2];
    const random = () => values.shift() ?? 0.3;
    const first = newItemId('o', [], random);
    expect(first).toMatch(/^o-[0-9a-z]{6}$/);
    expect(newItemId('o', [{ id: first }], random)).not.toBe(first);
  });

  it('splits shares equally to a total of exactly 100', () => {
    expect(equalShares(['a', 'b'])).toEqual([
      { partyId: 'a', percent: 50 },
      { partyId: 'b', percent: 50 },
    ]);
    expect(equalShares(['a', 'b', 'c']).map((s) => s.percent)).toEqual([33, 33, 34]);
  });

  it('adds a schedule in tiyn, a row without a sum as 0', () => {
    expect(
      instalmentsTotal([
        { date: '2026-05-01', amountTiyn: 150_000_00 },
        { date: '2026-06-01', amountTiyn: 29 },
        { date: '2026-07-01', amountTiyn: Number.NaN },
      ]),
    ).toBe(150_000_29);
  });
});

describe('texts for reading', () => {
  it('reads in the reader’s language when there, else the agreement’s first language that has it', () => {
    expect(textFor({ kk: 'Қарыз', ru: 'Долг' }, 'ru', ['kk', 'ru'])).toEqual({ text: 'Долг', lang: 'ru' });
    expect(textFor({ kk: 'Қарыз', ru: ' ' }, 'ru', ['kk', 'ru'])).toEqual({ text: 'Қарыз', lang: 'kk' });
    expect(textFor({}, 'en', ['kk'])).toBeNull();
  });

  it('puts the case subject in the mediation’s language, or the first one', () => {
    expect(subjectFrom('Долг по договору', 'ru', ['kk', 'ru'])).toEqual({ ru: 'Долг по договору' });
    expect(subjectFrom('Debt', 'de', ['kk', 'ru'])).toEqual({ kk: 'Debt' });
    expect(subjectFrom('  ', 'kk', ['kk'])).toEqual({});
  });

  it('quotes the first 12 characters of a hash', () => {
    expect(shortHash('0123456789abcdef')).toBe('0123456789ab');
  });
});

describe('who sees and starts the agreement', () => {
  const viewer = (role: CaseView['viewer']['role'], via?: 'self' | 'representative') => ({
    role,
    via,
    partyId: null,
    actions: [],
  });

  it('lets the mediator or a party acting for itself start it while the mediation runs', () => {
    expect(canStart({ status: 'active', viewer: viewer('mediator') })).toBe(true);
    expect(canStart({ status: 'active', viewer: viewer('party', 'self') })).toBe(true);
    expect(canStart({ status: 'active', viewer: viewer('party', 'representative') })).toBe(false);
    expect(canStart({ status: 'settled', viewer: viewer('mediator') })).toBe(false);
    expect(canStart({ status: 'active', viewer: viewer('interpreter') })).toBe(false);
  });

  it('asks for it while active and after the end, never for a court or an interpreter', () => {
    expect(mayRead({ status: 'active', viewer: viewer('party') }, false)).toBe(true);
    expect(mayRead({ status: 'settled', viewer: viewer('mediator') }, true)).toBe(true);
    expect(mayRead({ status: 'contract', viewer: viewer('mediator') }, false)).toBe(false);
    expect(mayRead({ status: 'active', viewer: viewer('court') }, false)).toBe(false);
    expect(mayRead({ status: 'active', viewer: viewer('interpreter') }, false)).toBe(false);
  });

  it('lists the parties with the one who asked for mediation first', () => {
    const parties = [
      { id: 'r', side: 'respondent' },
      { id: 'i', side: 'initiator' },
    ] as CaseView['parties'];
    expect(partyIdsOf({ parties })).toEqual(['i', 'r']);
  });

  it('offers the Singapore Convention for civil and commercial cases only', () => {
    expect(offersSingapore('commercial')).toBe(true);
    expect(offersSingapore('civil')).toBe(true);
    expect(offersSingapore('family')).toBe(false);
    expect(offersSingapore('administrative')).toBe(false);
  });
});
