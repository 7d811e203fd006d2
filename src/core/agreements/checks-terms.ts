import { isIsoDate } from '../calendar/dates.ts';
import { isValidIban } from './iban.ts';
import { type Check, each, type Hit, isPositiveTiyn } from './problems.ts';
import type { AgreementDraft, Deadline, MethodKind, Obligation, ObligationSubject } from './types.ts';

// R-CPC-03: a settlement filed with the court states its terms, the deadline and the method of
// performance of each, and no suspensive condition. Checked on every agreement, court-bound or
// not: an agreement a court would refuse is not one the platform should let the parties sign.

const obligations = (d: AgreementDraft, hit: (o: Obligation, path: string) => Hit[] | boolean) =>
  each(d.obligations, 'obligations', hit);

/** Dates a deadline names, with their paths (for date validity and "not before the agreement"). */
const deadlineDates = (deadline: Deadline, path: string): Hit[] => {
  if (deadline.kind === 'date') return [{ path: `${path}.date`, params: { date: deadline.date } }];
  if (deadline.kind === 'recurring')
    return [
      { path: `${path}.from`, params: { date: deadline.from } },
      { path: `${path}.until`, params: { date: deadline.until } },
    ];
  return deadline.instalments.map((item, i) => ({
    path: `${path}.instalments[${i}].date`,
    params: { date: item.date },
  }));
};

const dates = (d: AgreementDraft) =>
  obligations(d, (o, path) => (o.deadline ? deadlineDates(o.deadline, `${path}.deadline`) : []));

/** Which methods fit which kind of subject: money is paid, an act is performed or delivered. */
const METHODS_BY_SUBJECT: Readonly<Record<ObligationSubject['kind'], readonly MethodKind[]>> = {
  money: ['bank_transfer', 'cash_receipt', 'other'],
  action: ['delivery', 'in_person', 'other'],
};

/**
 * Wording that usually introduces a condition ("if", "provided that"). Only a warning: "in case of
 * delay, a penalty of …" is a lawful term, but "if the flat is sold, then …" is a suspensive
 * condition in disguise, and the mediator should look.
 */
export const CONDITION_WORDING: Readonly<Record<'kk' | 'ru' | 'en', readonly RegExp[]>> = {
  // Whole words by letters, not \b: in JavaScript \b knows only ASCII letters, never Cyrillic ones.
  kk: [/(?<!\p{L})егер(?!\p{L})/iu, /шартымен/iu, /жағдайда ғана/iu],
  ru: [/(?<!\p{L})если(?!\p{L})/iu, /при условии/iu, /в случае,? если/iu],
  en: [/(?<!\p{L})if(?!\p{L})/iu, /provided that/iu, /on condition/iu, /subject to/iu],
};

const soundsConditional = (text: Partial<Record<'kk' | 'ru' | 'en', string>> | undefined) =>
  Object.entries(text ?? {}).some(([lang, value]) =>
    (CONDITION_WORDING[lang as 'kk' | 'ru' | 'en'] ?? []).some((re) => re.test(value ?? '')),
  );

const instalmentsOf = (o: Obligation) => (o.deadline?.kind === 'instalments' ? o.deadline.instalments : null);

export const TERM_CHECKS: readonly Check[] = [
  {
    code: 'obligation_party_unknown',
    rule: 'R-MED-21',
    severity: 'error',
    find: (d) =>
      obligations(d, (o, path) =>
        (['debtor', 'creditor'] as const)
          .filter((side) => !d.parties.some((p) => p.id === o[side]))
          .map((side) => ({ path: `${path}.${side}` })),
      ),
  },
  {
    code: 'obligation_same_party',
    rule: 'R-MED-21',
    severity: 'error',
    find: (d) => obligations(d, (o, path) => (o.debtor === o.creditor ? [{ path: `${path}.creditor` }] : [])),
  },
  {
    code: 'obligation_subject_required',
    rule: 'R-CPC-03',
    severity: 'error',
    find: (d) => obligations(d, (o, path) => (o.subject ? [] : [{ path: `${path}.subject` }])),
  },
  {
    code: 'amount_invalid',
    rule: 'R-CPC-03',
    severity: 'error',
    find: (d) =>
      obligations(d, (o, path) =>
        o.subject?.kind === 'money' && !isPositiveTiyn(o.subject.amountTiyn)
          ? [{ path: `${path}.subject.amountTiyn` }]
          : [],
      ),
  },
  {
    code: 'deadline_required',
    rule: 'R-CPC-03',
    severity: 'error',
    find: (d) => obligations(d, (o, path) => (o.deadline ? [] : [{ path: `${path}.deadline` }])),
  },
  {
    code: 'method_required',
    rule: 'R-CPC-03',
    severity: 'error',
    find: (d) => obligations(d, (o, path) => (o.method ? [] : [{ path: `${path}.method` }])),
  },
  {
    code: 'suspensive_condition',
    rule: 'R-CPC-03',
    severity: 'error',
    find: (d) => [
      ...obligations(d, (o, path) =>
        o.condition?.kind === 'suspensive' ? [{ path: `${path}.condition` }] : [],
      ),
      ...each(d.clauses, 'clauses', (c, path) => (c.conditional ? [{ path: `${path}.conditional` }] : [])),
    ],
  },
  {
    code: 'condition_wording',
    rule: 'R-CPC-03',
    severity: 'warning',
    find: (d) => [
      ...each(d.clauses, 'clauses', (c, path) =>
        !c.conditional && soundsConditional(c.text) ? [{ path: `${path}.text` }] : [],
      ),
      ...obligations(d, (o, path) =>
        o.subject?.kind === 'action' && soundsConditional(o.subject.description)
          ? [{ path: `${path}.subject.description` }]
          : [],
      ),
    ],
  },
  {
    code: 'deadline_date_invalid',
    rule: 'R-CPC-03',
    severity: 'error',
    find: (d) => dates(d).filter((h) => !isIsoDate(String(h.params?.date))),
  },
  {
    // A term due before the agreement exists cannot be performed under it.
    code: 'deadline_before_agreement',
    rule: 'R-CPC-03',
    severity: 'error',
    find: (d) => {
      if (!isIsoDate(d.date)) return [];
      return dates(d).filter((h) => {
        const date = String(h.params?.date);
        return isIsoDate(date) && date < d.date;
      });
    },
  },
  {
    code: 'instalments_empty',
    rule: 'R-CPC-03',
    severity: 'error',
    find: (d) =>
      obligations(d, (o, path) =>
        instalmentsOf(o)?.length === 0 ? [{ path: `${path}.deadline.instalments` }] : [],
      ),
  },
  {
    code: 'instalments_need_money',
    rule: 'R-CPC-03',
    severity: 'error',
    find: (d) =>
      obligations(d, (o, path) =>
        instalmentsOf(o) && o.subject?.kind === 'action' ? [{ path: `${path}.deadline` }] : [],
      ),
  },
  {
    code: 'amount_invalid',
    rule: 'R-CPC-03',
    severity: 'error',
    find: (d) =>
      obligations(d, (o, path) =>
        each(
          instalmentsOf(o) ?? [],
          `${path}.deadline.instalments`,
          (item) => !isPositiveTiyn(item.amountTiyn),
        ).map((h) => ({ path: `${h.path}.amountTiyn` })),
      ),
  },
  {
    // Instalments are paid in order; two on one day or out of order is a typing mistake.
    code: 'instalments_not_ascending',
    rule: 'R-CPC-03',
    severity: 'error',
    find: (d) =>
      obligations(d, (o, path) =>
        (instalmentsOf(o) ?? []).flatMap((item, i, list) => {
          const previous = list[i - 1];
          return previous !== undefined && !(previous.date < item.date)
            ? [{ path: `${path}.deadline.instalments[${i}].date` }]
            : [];
        }),
      ),
  },
  {
    code: 'instalments_sum_mismatch',
    rule: 'R-CPC-03',
    severity: 'error',
    find: (d) =>
      obligations(d, (o, path) => {
        const list = instalmentsOf(o);
        if (!list?.length || o.subject?.kind !== 'money') return [];
        const sum = list.reduce((total, item) => total + (item.amountTiyn || 0), 0);
        return sum === o.subject.amountTiyn
          ? []
          : [{ path: `${path}.deadline.instalments`, params: { sum, amount: o.subject.amountTiyn } }];
      }),
  },
  {
    // Monthly on the 29th–31st would not exist in February; the builder offers 1–28.
    code: 'recurring_day_invalid',
    rule: 'R-CPC-03',
    severity: 'error',
    find: (d) =>
      obligations(d, (o, path) => {
        if (o.deadline?.kind !== 'recurring') return [];
        const max = o.deadline.frequency === 'weekly' ? 7 : 28;
        const { day } = o.deadline;
        return Number.isInteger(day) && day >= 1 && day <= max
          ? []
          : [{ path: `${path}.deadline.day`, params: { max } }];
      }),
  },
  {
    code: 'recurring_range_invalid',
    rule: 'R-CPC-03',
    severity: 'error',
    find: (d) =>
      obligations(d, (o, path) =>
        o.deadline?.kind === 'recurring' && !(o.deadline.from < o.deadline.until)
          ? [{ path: `${path}.deadline.until` }]
          : [],
      ),
  },
  {
    code: 'method_incompatible',
    rule: 'R-CPC-03',
    severity: 'error',
    find: (d) =>
      obligations(d, (o, path) =>
        o.subject && o.method && !METHODS_BY_SUBJECT[o.subject.kind].includes(o.method.kind)
          ? [{ path: `${path}.method.kind`, params: { subject: o.subject.kind } }]
          : [],
      ),
  },
  {
    code: 'iban_invalid',
    rule: 'R-CPC-03',
    severity: 'error',
    find: (d) =>
      obligations(d, (o, path) =>
        o.method?.kind === 'bank_transfer' && !isValidIban(o.method.iban)
          ? [{ path: `${path}.method.iban` }]
          : [],
      ),
  },
];
