import type { DisputeCategory } from '../registry/reference.ts';
import type { Suggestion } from './template-types.ts';
import { CIVIL_TEMPLATE, COMMERCIAL_TEMPLATE, PROCUREMENT_TEMPLATE } from './templates-civil.ts';
import { FAMILY_TEMPLATE, LABOUR_TEMPLATE } from './templates-family-labour.ts';
import type { AgreementLanguage, Clause, LocalizedText, Obligation, PerformanceMethod } from './types.ts';

// Suggested terms per category, and how a suggestion becomes a draft term. A term made from a
// suggestion is deliberately incomplete where only the parties know the answer (the sum, the date,
// the account): validation then points at exactly those fields (R-CPC-03), instead of the
// template inventing a default that nobody agreed to.

const ADMINISTRATIVE_TEMPLATE: readonly Suggestion[] = [
  {
    kind: 'obligation',
    key: 'administrative.act',
    topic: 'administrative_act',
    subject: 'action',
    method: 'other',
    text: {
      kk: 'Өз дискрециясы шегінде даулы әкімшілік актіні қайта қарау және жаңа әкімшілік акт қабылдау',
      ru: 'В пределах своего усмотрения пересмотреть оспариваемый административный акт и принять новый административный акт',
      en: 'Within its discretion, reconsider the contested administrative act and adopt a new administrative act',
    },
  },
  {
    kind: 'clause',
    key: 'administrative.discretion',
    topic: 'administrative_act',
    text: {
      kk: 'Әкімшілік орган осы келісімнің шарттары оның заңмен берілген әкімшілік дискрециясы шегінде екенін растайды (ӘРПК 120-бабы).',
      ru: 'Административный орган подтверждает, что условия настоящего соглашения находятся в пределах предоставленного ему законом административного усмотрения (статья 120 АППК).',
      en: 'The administrative body confirms that the terms of this agreement are within the administrative discretion the law gives it (APPK Art. 120).',
    },
  },
];

const CRIMINAL_TEMPLATE: readonly Suggestion[] = [
  {
    kind: 'obligation',
    key: 'criminal.redress_money',
    topic: 'redress',
    subject: 'money',
    method: 'cash_receipt',
    text: {
      kk: 'Қылмыстық құқық бұзушылықпен келтірілген мүліктік зиян мен моральдық зиянды өтеу',
      ru: 'Возмещение имущественного и морального вреда, причинённого уголовным правонарушением',
      en: 'Compensation for the material and moral harm caused by the offence',
    },
  },
  {
    kind: 'obligation',
    key: 'criminal.apology',
    topic: 'redress',
    subject: 'action',
    method: 'in_person',
    text: {
      kk: 'Жәбірленушіден медиатордың қатысуымен кешірім сұрау',
      ru: 'Принести потерпевшему извинения в присутствии медиатора',
      en: 'Apologise to the victim in the presence of the mediator',
    },
  },
  {
    kind: 'clause',
    key: 'criminal.reconciled',
    topic: 'redress',
    text: {
      kk: 'Жәбірленуші күдіктімен (айыпталушымен) татуласқанын және келтірілген зиян толық өтелгеннен кейін оған талаптары болмайтынын растайды.',
      ru: 'Потерпевший подтверждает примирение с подозреваемым (обвиняемым) и отсутствие претензий к нему после полного возмещения причинённого вреда.',
      en: 'The victim confirms reconciliation with the suspect (accused) and that, once the harm is fully made good, they have no claims against them.',
    },
  },
];

export const AGREEMENT_TEMPLATES: Readonly<Record<DisputeCategory, readonly Suggestion[]>> = {
  family: FAMILY_TEMPLATE,
  labour: LABOUR_TEMPLATE,
  civil: CIVIL_TEMPLATE,
  commercial: COMMERCIAL_TEMPLATE,
  public_procurement: PROCUREMENT_TEMPLATE,
  administrative: ADMINISTRATIVE_TEMPLATE,
  criminal: CRIMINAL_TEMPLATE,
};

/** The suggestion's text in the agreement's languages only. */
const textIn = (text: Suggestion['text'], languages: AgreementLanguage[]): LocalizedText =>
  Object.fromEntries(languages.map((lang) => [lang, text[lang]]));

/** A method prefilled as far as it can be without data only the parties have (the account, the address). */
export const methodStub = (kind: PerformanceMethod['kind']): PerformanceMethod => {
  switch (kind) {
    case 'bank_transfer':
      return { kind, iban: '' };
    case 'cash_receipt':
      return { kind };
    case 'delivery':
      return { kind, address: {} };
    case 'in_person':
      return { kind };
    case 'other':
      return { kind, description: {} };
  }
};

/** A draft obligation from a suggestion; the sum and the deadline are left for the parties. */
export const obligationFrom = (
  suggestion: Extract<Suggestion, { kind: 'obligation' }>,
  term: { id: string; debtor: string; creditor: string; languages: AgreementLanguage[] },
): Obligation => {
  const text = textIn(suggestion.text, term.languages);
  return {
    id: term.id,
    topic: suggestion.topic,
    debtor: term.debtor,
    creditor: term.creditor,
    subject:
      suggestion.subject === 'money'
        ? { kind: 'money', amountTiyn: 0, purpose: text }
        : { kind: 'action', description: text },
    method: methodStub(suggestion.method),
  };
};

export const clauseFrom = (
  suggestion: Extract<Suggestion, { kind: 'clause' }>,
  clause: { id: string; languages: AgreementLanguage[] },
): Clause => ({ id: clause.id, text: textIn(suggestion.text, clause.languages) });

export type { Suggestion, TemplateText } from './template-types.ts';
