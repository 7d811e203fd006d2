import { useTranslation } from 'react-i18next';
import type { AgreementProblem } from '../../../core/agreements/problems.ts';
import type { AgreementLanguage } from '../../../core/agreements/types.ts';
import { explainProblem } from '../../../core/agreements/validate.ts';
import { formatTiyn } from '../../../core/agreements/wording.ts';
import type { Locale } from '../../../core/identity/roles.ts';
import { currentLocale, formatDate, formatDateTime, formatNumber } from '../../i18n.ts';

/** Params a problem's message quotes, in words: a language by name, a sum in tenge. */
const problemValues = (
  problem: AgreementProblem,
  t: (key: string) => string,
  locale: Locale,
): Record<string, string | number> => {
  const params = problem.params ?? {};
  const values: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params)) {
    if (key === 'lang') values.lang = t(`web.agreement.inLang.${value}`);
    else if ((key === 'sum' || key === 'amount') && problem.code === 'instalments_sum_mismatch')
      values[key] = formatTiyn(Number(value), locale);
    else if (key === 'sum') values.sum = formatNumber(Number(value), locale, 2);
    else values[key] = value;
  }
  return values;
};

/**
 * Words, sums and dates of the agreement builder in the reader's language. Sums are printed by the
 * same function as the PDF (formatTiyn), so the screen and the document never disagree.
 */
export const useAgreementText = () => {
  const { t, i18n } = useTranslation();
  const locale: Locale = i18n.language ? currentLocale() : 'kk';
  return {
    t,
    locale,
    money: (tiyn: number) => formatTiyn(tiyn, locale),
    date: (iso: string) => formatDate(iso, locale),
    /** A calendar date of the agreement (YYYY-MM-DD), read as a day in Kazakhstan. */
    day: (iso: string) =>
      /^\d{4}-\d{2}-\d{2}$/.test(iso) ? formatDate(`${iso}T12:00:00+05:00`, locale) : iso,
    dateTime: (iso: string) => formatDateTime(iso, locale),
    /** "Қазақ тілі" — a language of the agreement as a choice. */
    languageName: (lang: AgreementLanguage) => t(`web.agreement.languageNames.${lang}`),
    /** "қазақша" — inside a label ("Subject (in Kazakh)"). */
    inLanguage: (lang: AgreementLanguage) => t(`web.agreement.inLang.${lang}`),
    role: (role: string) => t(`web.agreement.roles.${role}`),
    /** The problem in words, with its values. */
    problem: (problem: AgreementProblem) =>
      t(`web.agreement.problems.${problem.code}`, problemValues(problem, t, locale)),
    /** The rule behind it, in the reader's language (null for a purely technical problem). */
    why: (problem: AgreementProblem) => explainProblem(problem, locale),
  };
};

export type AgreementText = ReturnType<typeof useAgreementText>;
