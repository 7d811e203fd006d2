import { describe, expect, it } from 'vitest';
import { SAMPLE_BIN, SAMPLE_IIN, sampleDraft } from '../../../test/agreements/sample.ts';
import { completeKzId } from '../identity/kz-id.ts';
import { LAW_RULES } from '../law/index.ts';
import { SINGAPORE_CONVENTION } from './law.ts';
import { PROBLEM_CODES } from './problems.ts';
import type { AgreementDraft, Obligation } from './types.ts';
import {
  AGREEMENT_CHECKS,
  agreementErrors,
  explainProblem,
  isAgreementValid,
  validateAgreement,
} from './validate.ts';

// Each rule the agreement builder enforces, table by table: a draft that breaks it, the code, the
// rule id and the field path it must be reported at, and the rule's text as the "why".

type Change = (d: AgreementDraft) => void;
const draftWith = (change: Change) => {
  const d = sampleDraft();
  change(d);
  return d;
};
const ob = (d: AgreementDraft, i: number) => d.obligations[i] as Obligation;
const STATE_BIN = completeKzId('02014002345') as string;

const codesAt = (d: AgreementDraft) => validateAgreement(d).map((p) => `${p.code}@${p.path}`);

describe('a valid debt agreement with instalments', () => {
  it('has no problems at all', () => {
    expect(validateAgreement(sampleDraft())).toEqual([]);
    expect(isAgreementValid(sampleDraft())).toBe(true);
  });

  it('stays valid in one language, and with costs and fee left unsaid (set-off, contract fee)', () => {
    const d = draftWith((x) => {
      x.languages = ['ru'];
      x.legalCosts = undefined;
      x.mediatorFee = undefined;
    });
    expect(validateAgreement(d)).toEqual([]);
  });
});

const RULE_TABLE: [string, string, string | null, Change, string][] = [
  // R-CPC-03: deadline and method for every obligation, no suspensive conditions.
  ['R-CPC-03', 'deadline_required', 'R-CPC-03', (d) => delete ob(d, 1).deadline, 'obligations[1].deadline'],
  ['R-CPC-03', 'method_required', 'R-CPC-03', (d) => delete ob(d, 2).method, 'obligations[2].method'],
  [
    'R-CPC-03',
    'suspensive_condition',
    'R-CPC-03',
    (d) => {
      ob(d, 0).condition = {
        kind: 'suspensive',
        text: { kk: 'пәтер сатылса', ru: 'если квартира будет продана', en: 'if the flat is sold' },
      };
    },
    'obligations[0].condition',
  ],
  [
    'R-CPC-03',
    'suspensive_condition',
    'R-CPC-03',
    (d) => {
      (d.clauses[0] as { conditional?: boolean }).conditional = true;
    },
    'clauses[0].conditional',
  ],
  [
    'R-CPC-03',
    'obligation_subject_required',
    'R-CPC-03',
    (d) => delete ob(d, 1).subject,
    'obligations[1].subject',
  ],
  [
    'R-CPC-03',
    'instalments_sum_mismatch',
    'R-CPC-03',
    (d) => {
      const deadline = ob(d, 0).deadline;
      if (deadline?.kind === 'instalments')
        (deadline.instalments[5] as { amountTiyn: number }).amountTiyn = 1;
    },
    'obligations[0].deadline.instalments',
  ],
  [
    'R-CPC-03',
    'instalments_not_ascending',
    'R-CPC-03',
    (d) => {
      const deadline = ob(d, 0).deadline;
      if (deadline?.kind === 'instalments') (deadline.instalments[2] as { date: string }).date = '2026-04-01';
    },
    'obligations[0].deadline.instalments[2].date',
  ],
  [
    'R-CPC-03',
    'deadline_before_agreement',
    'R-CPC-03',
    (d) => {
      ob(d, 1).deadline = { kind: 'date', date: '2026-03-01' };
    },
    'obligations[1].deadline.date',
  ],
  [
    'R-CPC-03',
    'deadline_date_invalid',
    'R-CPC-03',
    (d) => {
      ob(d, 1).deadline = { kind: 'date', date: '2026-02-30' };
    },
    'obligations[1].deadline.date',
  ],
  [
    'R-CPC-03',
    'method_incompatible',
    'R-CPC-03',
    (d) => {
      ob(d, 0).method = { kind: 'in_person' };
    },
    'obligations[0].method.kind',
  ],
  [
    'R-CPC-03',
    'iban_invalid',
    'R-CPC-03',
    (d) => {
      ob(d, 0).method = { kind: 'bank_transfer', iban: 'KZ87125KZT5004100100' };
    },
    'obligations[0].method.iban',
  ],
  [
    'R-CPC-03',
    'amount_invalid',
    'R-CPC-03',
    (d) => {
      ob(d, 0).subject = { kind: 'money', amountTiyn: 12.5 };
    },
    'obligations[0].subject.amountTiyn',
  ],
  [
    'R-CPC-03',
    'recurring_day_invalid',
    'R-CPC-03',
    (d) => {
      ob(d, 2).deadline = {
        kind: 'recurring',
        frequency: 'monthly',
        day: 31,
        from: '2026-04-01',
        until: '2027-04-01',
      };
    },
    'obligations[2].deadline.day',
  ],
  [
    'R-CPC-03',
    'shares_not_100',
    'R-CPC-03',
    (d) => {
      d.legalCosts = { kind: 'split', shares: [{ partyId: 'a', percent: 30 }] };
    },
    'legalCosts.shares',
  ],
  // R-MED-21: contents of the settlement agreement.
  ['R-MED-21', 'parties_too_few', 'R-MED-21', (d) => d.parties.splice(1), 'parties'],
  [
    'R-MED-21',
    'iin_invalid',
    'R-MED-21',
    (d) => {
      (d.parties[0] as { iin: string }).iin =
        `${SAMPLE_IIN.slice(0, 11)}${(Number(SAMPLE_IIN[11]) + 1) % 10}`;
    },
    'parties[0].iin',
  ],
  [
    'R-MED-21',
    'text_missing',
    'R-MED-21',
    (d) => {
      delete d.case.subject.kk;
    },
    'case.subject.kk',
  ],
  [
    'R-MED-21',
    'obligation_party_unknown',
    'R-MED-21',
    (d) => {
      ob(d, 1).creditor = 'z';
    },
    'obligations[1].creditor',
  ],
  [
    'R-MED-21',
    'terms_required',
    'R-MED-21',
    (d) => d.obligations.splice(0) && d.clauses.splice(0),
    'obligations',
  ],
  // R-SG-01/04: the Singapore Convention clause.
  [
    'R-SG-01',
    'singapore_state_party',
    'R-SG-01',
    (d) => {
      d.case.category = 'commercial';
      d.case.international = true;
      d.singaporeConvention = true;
      d.parties[1] = {
        ...(d.parties[1] as AgreementDraft['parties'][number]),
        kind: 'state_body',
        bin: STATE_BIN,
      };
    },
    'singaporeConvention',
  ],
  [
    'R-SG-01',
    'singapore_not_international',
    'R-SG-01',
    (d) => {
      d.case.category = 'commercial';
      d.singaporeConvention = true;
    },
    'singaporeConvention',
  ],
  [
    'R-SG-04',
    'singapore_excluded_category',
    'R-SG-04',
    (d) => {
      d.case.category = 'labour';
      d.case.international = true;
      d.singaporeConvention = true;
    },
    'singaporeConvention',
  ],
  // R-ADM-01 / R-MED-05: administrative cases.
  [
    'R-ADM-01',
    'administrative_no_discretion',
    'R-ADM-01',
    (d) => {
      d.case.category = 'administrative';
      d.case.administrativeDiscretion = 'no';
      d.parties[1] = {
        ...(d.parties[1] as AgreementDraft['parties'][number]),
        kind: 'state_body',
        bin: STATE_BIN,
      };
    },
    'case.administrativeDiscretion',
  ],
  [
    'R-ADM-01',
    'administrative_discretion_unconfirmed',
    'R-ADM-01',
    (d) => {
      d.case.category = 'administrative';
      d.parties[1] = {
        ...(d.parties[1] as AgreementDraft['parties'][number]),
        kind: 'state_body',
        bin: STATE_BIN,
      };
    },
    'case.administrativeDiscretion',
  ],
  [
    'R-MED-05',
    'administrative_body_missing',
    'R-MED-05',
    (d) => {
      d.case.category = 'administrative';
      d.case.administrativeDiscretion = 'yes';
    },
    'parties',
  ],
  // R-FAM-01: alimony is a money term of a family agreement.
  [
    'R-FAM-01',
    'alimony_outside_family',
    'R-FAM-01',
    (d) => {
      ob(d, 0).topic = 'alimony';
    },
    'obligations[0].topic',
  ],
  [
    'R-FAM-01',
    'alimony_not_money',
    'R-FAM-01',
    (d) => {
      d.case.category = 'family';
      ob(d, 1).topic = 'alimony';
    },
    'obligations[1].subject',
  ],
  // R-MED-14: a public mediator works free of charge.
  [
    'R-MED-14',
    'public_mediator_fee',
    'R-MED-14',
    (d) => {
      d.mediator.kind = 'public';
    },
    'mediatorFee',
  ],
];

describe.each(RULE_TABLE)('%s: %s', (_id, code, rule, change, path) => {
  const d = draftWith(change);
  const problems = validateAgreement(d);
  const problem = problems.find((p) => p.code === code && p.path === path);

  it(`is reported at ${path} with its rule`, () => {
    expect(problem, JSON.stringify(problems)).toBeDefined();
    expect(problem?.rule).toBe(rule);
    expect(problem?.severity).toBe('error');
    expect(isAgreementValid(d)).toBe(false);
  });

  it('quotes the text of the rule in every language', () => {
    if (!problem || !rule) return;
    for (const lang of ['kk', 'ru', 'en'] as const) {
      const why = explainProblem(problem, lang);
      expect(why?.id).toBe(rule);
      const table = { ...LAW_RULES, ...SINGAPORE_CONVENTION } as Record<
        string,
        { text: Record<string, string> }
      >;
      expect(why?.text).toBe(table[rule]?.text[lang]);
    }
  });
});

describe('R-CPC-03 text', () => {
  it('names the missing deadline and suspensive conditions in the quoted rule', () => {
    const d = draftWith((x) => delete ob(x, 0).deadline);
    const [problem] = agreementErrors(d);
    expect(problem?.code).toBe('deadline_required');
    expect(explainProblem(problem as NonNullable<typeof problem>, 'ru')?.text).toContain(
      'отлагательных условий',
    );
    expect(explainProblem(problem as NonNullable<typeof problem>, 'kk')?.text).toContain(
      'кейінге қалдыратын шарттар',
    );
  });
});

describe('warnings do not block', () => {
  it.each([
    [
      'condition wording in a clause',
      (d: AgreementDraft) => {
        d.clauses.push({
          id: 'c3',
          text: {
            kk: 'Егер пәтер сатылса, қарыз бірден төленеді.',
            ru: 'Если квартира будет продана, долг погашается сразу.',
            en: 'If the flat is sold, the debt is paid at once.',
          },
        });
      },
      'condition_wording',
      'clauses[2].text',
    ],
    [
      'Singapore clause in a court case',
      (d: AgreementDraft) => {
        d.case.category = 'commercial';
        d.case.international = true;
        d.singaporeConvention = true;
      },
      'singapore_court_approval',
      'singaporeConvention',
    ],
    [
      'criminal reconciliation without redress',
      (d: AgreementDraft) => {
        d.case.category = 'criminal';
      },
      'criminal_redress_missing',
      'obligations',
    ],
  ] as const)('%s', (_name, change, code, path) => {
    const d = draftWith(change);
    expect(codesAt(d)).toContain(`${code}@${path}`);
    expect(validateAgreement(d).find((p) => p.code === code)?.severity).toBe('warning');
    expect(isAgreementValid(d)).toBe(true);
  });
});

describe('the check tables', () => {
  it('use only known codes, and every code is used', () => {
    const used = new Set(AGREEMENT_CHECKS.map((c) => c.code));
    expect([...used].every((c) => PROBLEM_CODES.includes(c))).toBe(true);
    expect(PROBLEM_CODES.filter((c) => !used.has(c))).toEqual([]);
  });

  it('cite rules that exist', () => {
    for (const check of AGREEMENT_CHECKS) {
      if (!check.rule) continue;
      expect(explainProblem({ ...check, path: '' }, 'en')?.text.length, check.code).toBeGreaterThan(30);
    }
  });

  it('report the same person twice on both sides', () => {
    const d = draftWith((x) => {
      x.parties[1] = { id: 'b', kind: 'individual', name: 'Тағы біреу', iin: SAMPLE_IIN };
    });
    expect(codesAt(d)).toContain('party_duplicate@parties[1].iin');
    expect(SAMPLE_BIN).not.toBe(SAMPLE_IIN);
  });
});

describe('condition wording is noticed in every language (R-CPC-03)', () => {
  it.each([
    ['kk', 'Егер пәтер сатылса, қарыз бірден төленеді.'],
    ['ru', 'Если квартира будет продана, долг погашается сразу.'],
    ['en', 'If the flat is sold, the debt is paid at once.'],
  ] as const)('%s alone', (lang, text) => {
    const draft = sampleDraft();
    draft.clauses.push({ id: 'c9', text: { [lang]: text } });
    expect(validateAgreement(draft).map((p) => p.code)).toContain('condition_wording');
  });

  it('does not take a word that merely contains the letters for one', () => {
    const draft = sampleDraft();
    draft.clauses.push({
      id: 'c9',
      text: { en: 'Paid to Clifford Ltd.', kk: 'Бегердің үйіне жеткізіледі.', ru: 'Доставка в Бесливку.' },
    });
    expect(
      validateAgreement(draft).filter((p) => p.path.startsWith('clauses[') && p.code === 'condition_wording'),
    ).toEqual([]);
  });
});
