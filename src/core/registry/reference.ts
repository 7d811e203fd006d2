// Reference lists of the registry (DOMAIN.md §5). Codes are stable; names are in the locales
// under `registry.regions.<code>` etc.

/** The three cities of republican significance and the 17 regions. */
export const REGIONS = [
  'astana',
  'almaty',
  'shymkent',
  'abai',
  'akmola',
  'aktobe',
  'almaty_region',
  'atyrau',
  'east_kazakhstan',
  'jambyl',
  'jetisu',
  'west_kazakhstan',
  'karaganda',
  'kostanay',
  'kyzylorda',
  'mangystau',
  'pavlodar',
  'north_kazakhstan',
  'turkistan',
  'ulytau',
] as const;
export type Region = (typeof REGIONS)[number];

/** Dispute categories a mediator specialises in and a case belongs to. */
export const DISPUTE_CATEGORIES = [
  'family',
  'labour',
  'civil',
  'commercial',
  'administrative',
  'criminal',
  'public_procurement',
] as const;
export type DisputeCategory = (typeof DISPUTE_CATEGORIES)[number];

/** Languages of mediation (ISO 639-1): the state language, Russian, English and those spoken here. */
export const MEDIATION_LANGUAGES = [
  'kk',
  'ru',
  'en',
  'uz',
  'ky',
  'tg',
  'ug',
  'tr',
  'de',
  'zh',
  'ko',
  'uk',
] as const;
export type MediationLanguage = (typeof MEDIATION_LANGUAGES)[number];

export const MEDIATOR_KINDS = ['professional', 'public'] as const;
export type MediatorKind = (typeof MEDIATOR_KINDS)[number];
