import { describe, expect, it } from 'vitest';
import { PROBLEM_CODES } from '../../../core/agreements/problems.ts';
import { AGREEMENT_LANGUAGES, OBLIGATION_TOPICS, PARTY_KINDS } from '../../../core/agreements/types.ts';
import { LOCALES } from '../../../core/identity/roles.ts';
import { DISCRETION_ANSWERS } from '../../../core/law/sectoral.ts';
import { lookup, messages } from '../../../locales/index.ts';
import { GENERAL_KEYS } from './diff.ts';

const message = (locale: (typeof LOCALES)[number], key: string) =>
  lookup(messages[locale], `web.agreement.${key}`);

describe('the builder’s words in kk, ru and en', () => {
  it.each(LOCALES)('every problem code has a message in %s', (locale) => {
    const missing = PROBLEM_CODES.filter((code) => !message(locale, `problems.${code}`)?.trim());
    expect(missing).toEqual([]);
  });

  it('the Kazakh problem messages are written in Kazakh, not copied from another language', () => {
    for (const code of PROBLEM_CODES) {
      const kk = message('kk', `problems.${code}`);
      expect(kk, code).not.toBe(message('ru', `problems.${code}`));
      expect(kk, code).not.toBe(message('en', `problems.${code}`));
      expect(kk, code).toMatch(/[а-яәғқңөұүһі]/iu);
    }
  });

  it.each(LOCALES)('every code the builder turns into a key has a message in %s', (locale) => {
    const keys = [
      ...OBLIGATION_TOPICS.map((topic) => `topics.${topic}`),
      ...PARTY_KINDS.map((kind) => `partyKinds.${kind}`),
      ...AGREEMENT_LANGUAGES.flatMap((lang) => [
        `languageNames.${lang}`,
        `inLang.${lang}`,
        `layouts.${lang}`,
      ]),
      'layouts.bilingual',
      ...['bank_transfer', 'cash_receipt', 'delivery', 'in_person', 'other'].map((k) => `method.kinds.${k}`),
      ...['date', 'instalments', 'recurring'].map((k) => `deadline.kinds.${k}`),
      ...[1, 2, 3, 4, 5, 6, 7].map((d) => `deadline.weekdays.${d}`),
      ...DISCRETION_ANSWERS.map((answer) => `scope.discretionAnswers.${answer}`),
      ...GENERAL_KEYS.map((key) => `versions.parts.${key}`),
      ...[
        'obligation',
        'clause',
        'party',
        'languages',
        'subject',
        'place',
        'parties',
        'obligations',
        'clauses',
      ].map((key) => `places.${key}`),
      ...['legalCosts', 'mediatorFee', 'singapore', 'discretion', 'facts'].map((key) => `places.${key}`),
    ];
    expect(keys.filter((key) => !message(locale, key))).toEqual([]);
  });
});
