// Who a person can be on Kelisim. Everyone who registers is a party; every other role is granted
// by a platform administrator (mediator: later through the registry's verification).
export const ROLES = [
  'party',
  'mediator',
  'court_user',
  'registry_admin',
  'analyst',
  'platform_admin',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles a platform administrator may grant by invitation (party comes with registration). */
export const GRANTABLE_ROLES = [
  'mediator',
  'court_user',
  'registry_admin',
  'analyst',
  'platform_admin',
] as const;
export type GrantableRole = (typeof GRANTABLE_ROLES)[number];

export const LOCALES = ['kk', 'ru', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'kk';

/** Picks kk unless the visitor's Accept-Language prefers ru or en (Kazakh is the state language). */
export const localeFromAcceptLanguage = (header: string | undefined): Locale => {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { lang: tag.toLowerCase().split('-')[0] ?? '', q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  const first = ranked.find((entry) => (LOCALES as readonly string[]).includes(entry.lang));
  return (first?.lang as Locale | undefined) ?? DEFAULT_LOCALE;
};
