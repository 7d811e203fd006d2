import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../../core/identity/roles.ts';
import { DISPUTE_CATEGORIES, MEDIATION_LANGUAGES, REGIONS } from '../../../core/registry/reference.ts';
import type { Fee, LocalizedText } from '../../api.ts';
import { currentLocale, formatMoney, formatNumber, formatPercent } from '../../i18n.ts';

const capitalize = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/**
 * Names of the registry's reference codes and its numbers in the reader's language. The names
 * live in the shared locales (`registry.*`) because the server's documents need them too.
 */
export const useRegistryText = () => {
  const { t, i18n } = useTranslation();
  const locale: Locale = i18n.language ? currentLocale() : 'kk';
  const region = (code: string) => t(`registry.regions.${code}`);
  const category = (code: string) => t(`registry.categories.${code}`);
  /** In a running list ("kk, ru"): lower case where the language writes it so. */
  const language = (code: string) => t(`registry.languages.${code}`);
  const list = (items: readonly string[]) => items.join(', ');
  return {
    t,
    locale,
    region,
    category,
    language,
    regions: (codes: readonly string[]) => list(codes.map(region)),
    categories: (codes: readonly string[]) => list(codes.map(category)),
    languages: (codes: readonly string[]) => capitalize(list(codes.map(language))),
    regionOptions: () => REGIONS.map((value) => ({ value, label: region(value) })),
    categoryOptions: () => DISPUTE_CATEGORIES.map((value) => ({ value, label: category(value) })),
    languageOptions: () =>
      MEDIATION_LANGUAGES.map((value) => ({ value, label: capitalize(language(value)) })),
    kind: (kind: string) => t(`registry.kinds.${kind}`),
    status: (status: string) => t(`registry.statuses.${status}`),
    money: (amount: number) => formatMoney(amount, locale),
    percent: (share: number) => formatPercent(share, locale),
    number: (value: number) => formatNumber(value, locale),
    fee: (fee: Fee) =>
      fee.type === 'free'
        ? t('web.registry.fee.free')
        : t(`web.registry.fee.${fee.type}`, { amount: formatMoney(fee.amountKzt, locale) }),
  };
};

/**
 * A biography in the reader's language when there is one, else the first available in kk, ru, en
 * order; `lang` tells screen readers (and the page) which language the text is in.
 */
export const pickBio = (bio: LocalizedText, locale: Locale) => {
  const order = [locale, ...LOCALES.filter((l) => l !== locale)];
  for (const lang of order) {
    const text = bio[lang]?.trim();
    if (text) return { text, lang, inReadersLanguage: lang === locale };
  }
  return null;
};
