import type { DiscretionAnswer } from '../law/sectoral.ts';
import type { DisputeCategory } from '../registry/reference.ts';
import { AGREEMENT_TEMPLATES, clauseFrom, obligationFrom } from './templates.ts';
import type {
  AgreementDraft,
  AgreementLanguage,
  AgreementMediator,
  AgreementParty,
  Clause,
  LegalCosts,
  LocalizedText,
  MediatorFee,
  Obligation,
  PdfLayout,
} from './types.ts';

// The split between what people write and what the platform knows (issue 6). People write the
// terms; the case number, the category, who the parties are (name, IIN/BIN) and who mediated come
// from the case and the registry, so a draft can never name someone else or a mediator who was
// not there. The same functions build the draft in the browser's preview and on the server.

export type AgreementTerms = {
  languages: AgreementLanguage[];
  layout: PdfLayout;
  subject: LocalizedText;
  place: LocalizedText;
  parties: Array<{ id: string; address?: LocalizedText; representative?: AgreementParty['representative'] }>;
  obligations: Obligation[];
  clauses: Clause[];
  legalCosts?: LegalCosts;
  mediatorFee?: MediatorFee;
  international?: boolean;
  administrativeDiscretion?: DiscretionAnswer;
  singaporeConvention?: boolean;
};

/** What the platform states about the case, whatever the terms say. */
export type AgreementFacts = {
  caseNumber: string;
  category: DisputeCategory;
  courtCaseNumber?: string;
  /** The agreement's date: the day this version was written, in Kazakhstan. */
  date: string;
  parties: Array<Omit<AgreementParty, 'address' | 'representative'>>;
  mediator: AgreementMediator;
};

const present = <T extends object>(value: T) =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

export const composeDraft = (terms: AgreementTerms, facts: AgreementFacts): AgreementDraft =>
  present({
    format: 'kelisim.agreement/1',
    case: present({
      number: facts.caseNumber,
      category: facts.category,
      subject: terms.subject,
      courtCaseNumber: facts.courtCaseNumber,
      international: terms.international,
      administrativeDiscretion: terms.administrativeDiscretion,
    }),
    languages: terms.languages,
    date: facts.date,
    place: terms.place,
    parties: facts.parties.map((party) => {
      const written = terms.parties.find((p) => p.id === party.id);
      return present({ ...party, address: written?.address, representative: written?.representative });
    }),
    mediator: facts.mediator,
    obligations: terms.obligations,
    clauses: terms.clauses,
    legalCosts: terms.legalCosts,
    mediatorFee: terms.mediatorFee,
    singaporeConvention: terms.singaporeConvention,
  });

/** The terms back out of a stored draft (for editing the next version). */
export const termsOf = (draft: AgreementDraft, layout: PdfLayout): AgreementTerms =>
  present({
    languages: draft.languages,
    layout,
    subject: draft.case.subject,
    place: draft.place,
    parties: draft.parties.map((p) =>
      present({ id: p.id, address: p.address, representative: p.representative }),
    ),
    obligations: draft.obligations,
    clauses: draft.clauses,
    legalCosts: draft.legalCosts,
    mediatorFee: draft.mediatorFee,
    international: draft.case.international,
    administrativeDiscretion: draft.case.administrativeDiscretion,
    singaporeConvention: draft.singaporeConvention,
  });

/**
 * First terms of a case from its category's template: every suggested obligation owed by the
 * responding party to the one who asked for mediation (the usual direction; the builder turns it
 * round), every suggested clause; sums, dates and accounts left for the people to fill in.
 */
export const startingTerms = (input: {
  category: DisputeCategory;
  /** The initiator first. */
  partyIds: string[];
  languages: AgreementLanguage[];
  layout: PdfLayout;
  subject: LocalizedText;
}): AgreementTerms => {
  const [creditor = '', debtor = creditor] = input.partyIds;
  const suggestions = AGREEMENT_TEMPLATES[input.category];
  const obligations: Obligation[] = [];
  const clauses: Clause[] = [];
  for (const suggestion of suggestions) {
    if (suggestion.kind === 'obligation')
      obligations.push(
        obligationFrom(suggestion, {
          id: `o${obligations.length + 1}`,
          debtor,
          creditor,
          languages: input.languages,
        }),
      );
    else clauses.push(clauseFrom(suggestion, { id: `c${clauses.length + 1}`, languages: input.languages }));
  }
  return {
    languages: input.languages,
    layout: input.layout,
    subject: input.subject,
    place: {},
    parties: input.partyIds.map((id) => ({ id })),
    obligations,
    clauses,
  };
};
