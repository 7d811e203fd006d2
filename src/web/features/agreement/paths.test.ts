import { describe, expect, it } from 'vitest';
import { sampleDraft } from '../../../../test/agreements/sample.ts';
import type { AgreementDraft, Obligation } from '../../../core/agreements/types.ts';
import { validateAgreement } from '../../../core/agreements/validate.ts';
import {
  ancestors,
  documentOrder,
  FACTS,
  FIELD_PATTERNS,
  fieldId,
  fieldOf,
  fromServerField,
  patternOf,
  placeOf,
  problemsByField,
} from './paths.ts';

describe('a problem path → the field that shows it', () => {
  it('keeps paths the builder draws as they are', () => {
    for (const path of [
      'obligations[2].deadline',
      'obligations[0].deadline.instalments[3].amountTiyn',
      'obligations[1].method.iban',
      'obligations[1].method.kind',
      'obligations[0].subject.description.kk',
      'clauses[4].conditional',
      'clauses[0].text.ru',
      'case.subject.en',
      'place.kk',
      'legalCosts.shares',
      'mediatorFee.amountTiyn',
      'singaporeConvention',
      'case.administrativeDiscretion',
      'parties[1].representative',
      'parties[1].representative.basis.kk',
      'languages',
    ])
      expect(fieldOf(path), path).toBe(path);
  });

  it('moves a path without an input of its own to the nearest group', () => {
    expect(fieldOf('languages[1]')).toBe('languages');
    expect(fieldOf('legalCosts.shares[1].partyId')).toBe('legalCosts.shares');
    expect(fieldOf('mediatorFee.shares[0].partyId')).toBe('mediatorFee.shares');
    expect(fieldOf('parties[0].iin')).toBe('parties[0]');
    expect(fieldOf('parties[1].id')).toBe('parties[1]');
  });

  it('sends what nobody can edit here to the case facts', () => {
    for (const path of ['mediator.name', 'mediator.registryNumber', 'mediator.organisation.kk', 'date'])
      expect(fieldOf(path), path).toBe(FACTS);
  });

  it('walks up the path one step at a time', () => {
    expect(ancestors('obligations[2].deadline.instalments[0].date')).toEqual([
      'obligations[2].deadline.instalments[0].date',
      'obligations[2].deadline.instalments[0]',
      'obligations[2].deadline.instalments',
      'obligations[2].deadline',
      'obligations[2]',
      'obligations',
    ]);
    expect(patternOf('obligations[12].method.address.kk')).toBe('obligations[n].method.address.{lang}');
  });

  it('gives every field a DOM id without brackets or dots, distinct per path', () => {
    expect(fieldId('obligations[2].deadline')).toBe('agr-obligations-2-deadline');
    expect(fieldId('case.subject.kk')).toBe('agr-case-subject-kk');
    const ids = [...FIELD_PATTERNS].map((p) => fieldId(p.replaceAll('[n]', '[1]').replace('{lang}', 'kk')));
    expect(new Set(ids).size).toBe(ids.length);
  });
});

type Change = (d: AgreementDraft) => void;
const ob = (d: AgreementDraft, i: number) => d.obligations[i] as Obligation;

// Drafts broken in many ways at once: every problem core finds must land on a field the builder
// draws (only the mediator's data and the date, which the platform writes, go to the facts block).
const BREAKAGES: Change[] = [
  (d) => {
    d.languages = ['kk', 'ru', 'en', 'kk'];
    d.case.subject = {};
    d.place = {};
    d.clauses.push({ id: 'x', text: { kk: 'егер', ru: 'если', en: 'if' }, conditional: true });
  },
  (d) => {
    delete ob(d, 0).deadline;
    delete ob(d, 1).method;
    ob(d, 2).debtor = 'nobody';
    ob(d, 0).creditor = ob(d, 0).debtor;
    ob(d, 0).condition = { kind: 'suspensive', text: {} };
    ob(d, 0).topic = 'alimony';
  },
  (d) => {
    ob(d, 0).subject = { kind: 'money', amountTiyn: 0 };
    ob(d, 0).deadline = {
      kind: 'instalments',
      instalments: [
        { date: '2026-13-01', amountTiyn: 0 },
        { date: '2020-01-01', amountTiyn: 5 },
      ],
    };
    ob(d, 1).deadline = {
      kind: 'recurring',
      frequency: 'monthly',
      day: 31,
      from: '2027-01-01',
      until: '2026-12-01',
    };
    ob(d, 1).method = { kind: 'bank_transfer', iban: 'KZ00' };
    ob(d, 2).method = { kind: 'delivery', address: {} };
  },
  (d) => {
    d.legalCosts = { kind: 'split', shares: [{ partyId: 'zzz', percent: 10 }] };
    d.mediatorFee = { kind: 'split', amountTiyn: 0, shares: [{ partyId: 'a', percent: 20 }] };
    d.mediator = { ...d.mediator, name: '', registryNumber: '', kind: 'public' };
    d.singaporeConvention = true;
    d.case.category = 'administrative';
    d.case.administrativeDiscretion = 'no';
    d.date = 'not a date';
  },
  (d) => {
    d.obligations = [];
    d.clauses = [];
    d.parties = [{ ...(d.parties[1] as AgreementDraft['parties'][number]), representative: undefined }];
  },
];

describe('every problem core finds has a place on the form', () => {
  it.each(BREAKAGES.map((change, i) => [i, change] as const))('breakage %i', (_i, change) => {
    const draft = sampleDraft();
    change(draft);
    const problems = validateAgreement(draft);
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) {
      const field = fieldOf(problem.path);
      expect(FIELD_PATTERNS.has(patternOf(field)), problem.path).toBe(true);
      if (field === FACTS) expect(problem.path, problem.code).toMatch(/^(mediator|date)/);
    }
  });

  it('groups them by field, errors first', () => {
    const draft = sampleDraft();
    ob(draft, 0).subject = {
      kind: 'action',
      description: { kk: 'пәтер', ru: '', en: 'if the flat is sold' },
    };
    const byField = problemsByField(validateAgreement(draft));
    const description = byField.get('obligations[0].subject.description') ?? [];
    expect(description.map((p) => p.severity)).toEqual(['warning']);
    expect(byField.get('obligations[0].subject.description.ru')?.[0]?.code).toBe('text_missing');
  });
});

describe('field errors of the server', () => {
  it('turns the request body paths into draft paths', () => {
    expect(fromServerField('terms.obligations.0.subject.amountTiyn')).toBe(
      'obligations[0].subject.amountTiyn',
    );
    expect(fromServerField('terms.obligations.12.deadline.instalments.3.date')).toBe(
      'obligations[12].deadline.instalments[3].date',
    );
    expect(fromServerField('terms.subject.kk')).toBe('case.subject.kk');
    expect(fromServerField('terms.administrativeDiscretion')).toBe('case.administrativeDiscretion');
    expect(fromServerField('terms.parties.1.address.kk')).toBe('parties');
    expect(fromServerField('terms.languages')).toBe('languages');
  });

  it('keeps an agreement_invalid path (already a draft path) as it is', () => {
    expect(fromServerField('obligations[2].deadline')).toBe('obligations[2].deadline');
    expect(fromServerField('parties[0].iin')).toBe('parties[0].iin');
    expect(fromServerField('case.subject.ru')).toBe('case.subject.ru');
  });
});

describe('the order and the names of places', () => {
  it('sorts problems top to bottom as the form shows them', () => {
    const paths = [
      'singaporeConvention',
      'obligations[10].method',
      'clauses[0].text.kk',
      'obligations[2].deadline',
      'case.subject.kk',
      'mediator.name',
      'languages',
    ];
    expect([...paths].sort((a, b) => documentOrder(a).localeCompare(documentOrder(b)))).toEqual([
      'mediator.name',
      'languages',
      'case.subject.kk',
      'obligations[2].deadline',
      'obligations[10].method',
      'clauses[0].text.kk',
      'singaporeConvention',
    ]);
  });

  it('names obligations and clauses by their number as people count', () => {
    expect(placeOf('obligations[0].deadline.date')).toEqual({ key: 'obligation', n: 1 });
    expect(placeOf('clauses[3].text.kk')).toEqual({ key: 'clause', n: 4 });
    expect(placeOf('parties[1].representative')).toEqual({ key: 'party', n: 2 });
    expect(placeOf('case.subject.kk')).toEqual({ key: 'subject' });
    expect(placeOf('legalCosts.shares')).toEqual({ key: 'legalCosts' });
    expect(placeOf('mediator.name')).toEqual({ key: 'facts' });
  });
});
