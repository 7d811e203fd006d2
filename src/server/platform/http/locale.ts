import type { FastifyRequest } from 'fastify';
import { LOCALES, type Locale, localeFromAcceptLanguage } from '../../../core/identity/roles.ts';

export const LOCALE_COOKIE = 'kelisim_lang';

/** The language to answer in: the account's choice, else the visitor's chosen cookie, else the browser's. */
export const requestLocale = (request: FastifyRequest): Locale => {
  if (request.principal) return request.principal.locale;
  const chosen = request.cookies?.[LOCALE_COOKIE];
  if (chosen && (LOCALES as readonly string[]).includes(chosen)) return chosen as Locale;
  return localeFromAcceptLanguage(request.headers['accept-language']);
};
