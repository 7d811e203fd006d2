import { IntlMessageFormat } from 'intl-messageformat';
import type { Locale } from '../../core/identity/roles.ts';
import { lookup, messages } from '../../locales/index.ts';

const cache = new Map<string, IntlMessageFormat>();

export type Params = Record<string, string | number>;

/** The message `key` in `locale`, formatted with ICU; falls back to the key itself so nothing blanks out. */
export const translate = (locale: Locale, key: string, params: Params = {}): string => {
  const cacheKey = `${locale}\u0000${key}`;
  let format = cache.get(cacheKey);
  if (!format) {
    const text = lookup(messages[locale], key);
    if (text === undefined) return key;
    format = new IntlMessageFormat(text, locale === 'kk' ? 'kk-KZ' : locale === 'ru' ? 'ru-KZ' : 'en');
    cache.set(cacheKey, format);
  }
  return String(format.format(params));
};

export const hasMessage = (locale: Locale, key: string) => lookup(messages[locale], key) !== undefined;
