import i18next from 'i18next';
import ICU from 'i18next-icu';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../core/identity/roles.ts';
import { KK_MONTHS } from '../core/util/kazakh-months.ts';
import { messages } from '../locales/index.ts';

// The visitor's explicit choice is kept in localStorage (for the web app) and in a cookie of the
// same name (so that the server answers errors in that language before login).
const STORAGE_KEY = 'kelisim_lang';
const COOKIE = 'kelisim_lang';
const ONE_YEAR_S = 365 * 24 * 3600;

export const isLocale = (value: unknown): value is Locale =>
  typeof value === 'string' && (LOCALES as readonly string[]).includes(value);

const storedLocale = (): Locale | null => {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // Storage can be disabled (private mode, strict settings): the cookie still works.
  }
  const cookie = document.cookie
    .split(';')
    .map((part) => part.trim().split('='))
    .find(([name]) => name === COOKIE)?.[1];
  return isLocale(cookie) ? cookie : null;
};

/** Kazakh unless the browser prefers Russian or English: the first of kk/ru/en in navigator.languages wins. */
export const localeFromNavigator = (languages: readonly string[]): Locale => {
  for (const tag of languages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLocale(primary)) return primary;
  }
  return DEFAULT_LOCALE;
};

export const initialLocale = (): Locale =>
  storedLocale() ??
  localeFromNavigator(navigator.languages?.length ? navigator.languages : [navigator.language]);

export const rememberLocale = (locale: Locale) => {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // See storedLocale.
  }
  const secure = window.location.protocol === 'https:' ? '; Secure' : '';
  // biome-ignore lint/suspicious/noDocumentCookie: a plain cookie the server reads; no cookie library for one line
  document.cookie = `${COOKIE}=${locale}; Path=/; Max-Age=${ONE_YEAR_S}; SameSite=Lax${secure}`;
};

export const currentLocale = (): Locale => (isLocale(i18next.language) ? i18next.language : DEFAULT_LOCALE);

/** Switches the interface language (and <html lang>) without touching the stored choice. */
export const applyLocale = async (locale: Locale) => {
  if (i18next.language !== locale) await i18next.changeLanguage(locale);
};

/** Intl locale for dates and numbers: Kazakhstan's conventions for kk and ru. */
export const intlLocale = (locale: Locale) => (locale === 'kk' ? 'kk-KZ' : locale === 'ru' ? 'ru-KZ' : 'en');

// Chrome (desktop and Android) ships without Kazakh date names and prints "2026 M11 25"; for kk
// we assemble the CLDR long pattern ("2026 ж. 25 қараша, 10:17") from numeric parts ourselves.
const ZONE = 'Asia/Almaty';

export const kazakhDate = (iso: string, withTime: boolean) => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: ZONE,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((part) => [part.type, part.value]),
  );
  const date = `${parts.year} ж. ${Number(parts.day)} ${KK_MONTHS[Number(parts.month) - 1]}`;
  return withTime ? `${date}, ${parts.hour}:${parts.minute}` : date;
};

let nativeKazakh: boolean | undefined;
const hasKazakhDates = () => {
  nativeKazakh ??=
    new Intl.DateTimeFormat('kk-KZ', { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2020, 10, 15)) ===
    'қараша';
  return nativeKazakh;
};

/** A moment in Kazakhstan's time (Asia/Almaty), long date and time, in the interface language. */
export const formatDateTime = (iso: string, locale: Locale) =>
  locale === 'kk' && !hasKazakhDates()
    ? kazakhDate(iso, true)
    : new Intl.DateTimeFormat(intlLocale(locale), {
        dateStyle: 'long',
        timeStyle: 'short',
        timeZone: ZONE,
      }).format(new Date(iso));

export const formatDate = (iso: string, locale: Locale) =>
  locale === 'kk' && !hasKazakhDates()
    ? kazakhDate(iso, false)
    : new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeZone: ZONE }).format(
        new Date(iso),
      );

// Chrome has no Kazakh number data either ("₸ 12,000", "4.5"). Kazakh writes numbers as Russian
// does in Kazakhstan (CLDR: "12 000 ₸", "4,5"), so ru-KZ stands in; only the percent sign differs.
let nativeKazakhNumbers: boolean | undefined;
const hasKazakhNumbers = () => {
  nativeKazakhNumbers ??= new Intl.NumberFormat('kk-KZ').format(1.5) === '1,5';
  return nativeKazakhNumbers;
};
const numberLocale = (locale: Locale) =>
  locale === 'kk' && !hasKazakhNumbers() ? 'ru-KZ' : intlLocale(locale);

/** An amount in tenge, whole: "12 000 ₸" (kk, ru), "₸12,000" (en). */
export const formatMoney = (amountKzt: number, locale: Locale) =>
  new Intl.NumberFormat(numberLocale(locale), {
    style: 'currency',
    currency: 'KZT',
    currencyDisplay: 'narrowSymbol',
    maximumFractionDigits: 0,
  }).format(amountKzt);

/** A share 0–1 as a whole percentage: "68%" (kk, en), "68 %" (ru). */
export const formatPercent = (share: number, locale: Locale) =>
  locale === 'kk'
    ? `${new Intl.NumberFormat(numberLocale(locale), { maximumFractionDigits: 0 }).format(share * 100)}%`
    : new Intl.NumberFormat(intlLocale(locale), { style: 'percent', maximumFractionDigits: 0 }).format(share);

export const formatNumber = (value: number, locale: Locale, maximumFractionDigits = 1) =>
  new Intl.NumberFormat(numberLocale(locale), { maximumFractionDigits }).format(value);

export const LANGUAGE_NAMES: Record<Locale, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };

const syncDocument = (locale: string) => {
  document.documentElement.lang = locale;
};

export const initI18n = async () => {
  const lng = initialLocale();
  i18next.on('languageChanged', syncDocument);
  await i18next
    .use(ICU)
    .use(initReactI18next)
    .init({
      lng,
      fallbackLng: DEFAULT_LOCALE,
      supportedLngs: [...LOCALES],
      resources: Object.fromEntries(LOCALES.map((locale) => [locale, { translation: messages[locale] }])),
      interpolation: { escapeValue: false },
      returnNull: false,
      react: { useSuspense: false },
    });
  syncDocument(lng);
  return i18next;
};
