import type { AgreementFacts } from '../../../core/agreements/compose.ts';
import {
  AGREEMENT_LANGUAGES,
  type AgreementDraft,
  type AgreementLanguage,
  type Instalment,
  type LocalizedText,
  type Obligation,
  PDF_LAYOUTS,
  type PdfLayout,
  type Share,
} from '../../../core/agreements/types.ts';
import { kzDate } from '../../../core/calendar/dates.ts';
import type { Locale } from '../../../core/identity/roles.ts';
import type { DisputeCategory } from '../../../core/registry/reference.ts';
import type { CaseView } from '../../cases-api.ts';

// Pure decisions of the agreement builder (no React), tested in model.test.ts.

/**
 * What the platform states about the case, for validating in the browser: the server's own facts
 * from the version on screen (case, parties with IIN/BIN, mediator). The date is today's in
 * Kazakhstan, because that is the date the server gives the next version.
 */
export const factsOf = (draft: AgreementDraft, today = kzDate(new Date())): AgreementFacts => ({
  caseNumber: draft.case.number,
  category: draft.case.category,
  ...(draft.case.courtCaseNumber ? { courtCaseNumber: draft.case.courtCaseNumber } : {}),
  // ISO dates sort as text: the later of the version's date and today.
  date: [draft.date, today].sort()[1] ?? today,
  parties: draft.parties.map(({ address: _address, representative: _representative, ...party }) => party),
  mediator: draft.mediator,
});

/** PDF layouts the chosen languages allow: kk + ru side by side (first) when both are chosen, or one of them. */
export const layoutsFor = (languages: readonly AgreementLanguage[]): PdfLayout[] =>
  (['kk+ru', ...PDF_LAYOUTS.filter((l) => l !== 'kk+ru')] as PdfLayout[]).filter((layout) =>
    layout === 'kk+ru' ? languages.includes('kk') && languages.includes('ru') : languages.includes(layout),
  );

/** The layout kept when it still fits the languages, else the bilingual one, else the first language's. */
export const fitLayout = (layout: PdfLayout, languages: readonly AgreementLanguage[]): PdfLayout => {
  const allowed = layoutsFor(languages);
  if (allowed.includes(layout)) return layout;
  return allowed.includes('kk+ru') ? 'kk+ru' : (allowed[0] ?? layout);
};

/** Languages in the agreement's fixed order (kk, ru, en): the first is the main one. */
export const orderedLanguages = (languages: readonly string[]): AgreementLanguage[] =>
  AGREEMENT_LANGUAGES.filter((lang) => languages.includes(lang));

/** A new id for an obligation or clause: never reused, so that comparing versions by id holds. */
export const newItemId = (prefix: 'o' | 'c', existing: readonly { id: string }[], random = Math.random) => {
  for (;;) {
    const id = `${prefix}-${random().toString(36).slice(2, 8).padEnd(6, '0')}`;
    if (!existing.some((item) => item.id === id)) return id;
  }
};

/** A new obligation, owed by the second party to the first as the templates do; the rest is to be written. */
export const newObligation = (
  kind: 'money' | 'action',
  partyIds: readonly string[],
  existing: readonly Obligation[],
): Obligation => {
  const [creditor = '', debtor = ''] = partyIds;
  return {
    id: newItemId('o', existing),
    debtor,
    creditor,
    subject: kind === 'money' ? { kind, amountTiyn: 0 } : { kind, description: {} },
  };
};

/** The sum of a schedule in tiyn (a row whose amount is not yet a sum counts as 0). */
export const instalmentsTotal = (instalments: readonly Instalment[]) =>
  instalments.reduce(
    (total, item) => total + (Number.isSafeInteger(item.amountTiyn) ? item.amountTiyn : 0),
    0,
  );

/**
 * A text of the agreement for reading: in the reader's language when the agreement has it, else
 * in the agreement's first language that has any; `lang` marks which one it is.
 */
export const textFor = (
  text: LocalizedText | undefined,
  locale: Locale,
  languages: readonly AgreementLanguage[],
): { text: string; lang: AgreementLanguage } | null => {
  const order = [locale, ...languages.filter((l) => l !== locale)];
  for (const lang of order) {
    const value = text?.[lang]?.trim();
    if (value) return { text: value, lang };
  }
  return null;
};

/** The parties in the order startingTerms wants them: the one who asked for mediation first. */
export const partyIdsOf = (view: Pick<CaseView, 'parties'>) => [
  ...view.parties.filter((p) => p.side === 'initiator').map((p) => p.id),
  ...view.parties.filter((p) => p.side !== 'initiator').map((p) => p.id),
];

/** Who may start the agreement: the mediator or a party acting for itself, while the mediation runs. */
export const canStart = (view: Pick<CaseView, 'status' | 'viewer'>) =>
  view.status === 'active' &&
  (view.viewer.role === 'mediator' || (view.viewer.role === 'party' && view.viewer.via !== 'representative'));

/** Who may read the agreement at all (the server decides; the court and interpreters never ask). */
export const mayRead = (view: Pick<CaseView, 'status' | 'viewer'>, ended: boolean) =>
  (view.viewer.role === 'mediator' || view.viewer.role === 'party') && (view.status === 'active' || ended);

/**
 * The case's subject as the first text of the agreement's subject: it was written in the
 * mediation's language, so it goes there when the agreement has that language, else into the first.
 */
export const subjectFrom = (
  subject: string | undefined,
  caseLanguage: string | undefined,
  languages: readonly AgreementLanguage[],
): LocalizedText => {
  const text = subject?.trim();
  if (!text) return {};
  const lang = languages.find((l) => l === caseLanguage) ?? languages[0];
  return lang ? { [lang]: text } : {};
};

/** R-SG-01/04: the Singapore Convention opt-in is offered for civil and commercial cases only. */
export const offersSingapore = (category: DisputeCategory) =>
  category === 'civil' || category === 'commercial';

/** Equal shares in percent that add up to 100 (the last party takes the remainder). */
export const equalShares = (partyIds: readonly string[]): Share[] => {
  const each = Math.floor(100 / Math.max(partyIds.length, 1));
  return partyIds.map((partyId, i) => ({
    partyId,
    percent: i === partyIds.length - 1 ? 100 - each * (partyIds.length - 1) : each,
  }));
};

/** The first 12 characters of a hash, as the approval dialog quotes it. */
export const shortHash = (hash: string) => hash.slice(0, 12);
