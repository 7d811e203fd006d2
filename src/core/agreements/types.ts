import type { DiscretionAnswer } from '../law/sectoral.ts';
import type { DisputeCategory } from '../registry/reference.ts';

// The settlement agreement as the parties and the mediator build it (issue 6, R-MED-21). One
// draft = one version: the platform freezes a version by hashing its canonical form (canonical.ts),
// and the PDF prints that hash. Plain data only (ISO dates, integer tiyn), so that the same value
// travels through JSON, the database and the browser unchanged.

/** The languages an agreement can be written in; a bilingual document pairs kk with ru. */
export const AGREEMENT_LANGUAGES = ['kk', 'ru', 'en'] as const;
export type AgreementLanguage = (typeof AGREEMENT_LANGUAGES)[number];

/** How the frozen version is printed: in one of its languages, or Kazakh and Russian side by side. */
export const PDF_LAYOUTS = ['kk', 'ru', 'en', 'kk+ru'] as const;
export type PdfLayout = (typeof PDF_LAYOUTS)[number];

/** Text written by people, once per language of the agreement (names and numbers need no translation). */
export type LocalizedText = Partial<Record<AgreementLanguage, string>>;

/** A calendar date `YYYY-MM-DD` in Kazakhstan's single time zone (DOMAIN.md §5). */
export type IsoDate = string;

export const PARTY_KINDS = ['individual', 'organisation', 'state_body'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

export type AgreementParty = {
  /** Stable within the agreement; obligations refer to parties by it. */
  id: string;
  kind: PartyKind;
  /** Full name of the person, or the registered name of the organisation or body. */
  name: string;
  /** Individuals: IIN. */
  iin?: string;
  /** Organisations and state bodies: BIN. */
  bin?: string;
  /** Who signs for an organisation or body, and on what authority (charter, power of attorney). */
  representative?: { name: string; basis: LocalizedText };
  /** The party's seat or residence, as it appears on the document. */
  address?: LocalizedText;
};

export type AgreementMediator = {
  name: string;
  kind: 'professional' | 'public';
  /** Number in the register of the organisation of mediators (R-MED-12) or of the akimat (R-MED-14). */
  registryNumber: string;
  organisation: LocalizedText;
};

/** The case facts the agreement states or its rules depend on. */
export type AgreementCase = {
  number: string;
  category: DisputeCategory;
  subject: LocalizedText;
  /** The court case number when a court referred the dispute or approval will be asked for. */
  courtCaseNumber?: string;
  /** Parties from more than one state, or performance abroad: the Singapore Convention may apply. */
  international?: boolean;
  /** Administrative cases: whether the defendant body has discretion in the matter (R-ADM-01). */
  administrativeDiscretion?: DiscretionAnswer;
};

// --- obligations -------------------------------------------------------------------------------

/** What is owed: a sum in tiyn (1 ₸ = 100 tiyn, integers so that nothing is lost to rounding), or an act. */
export type ObligationSubject =
  | { kind: 'money'; amountTiyn: number; purpose?: LocalizedText }
  | { kind: 'action'; description: LocalizedText };

export type Instalment = { date: IsoDate; amountTiyn: number };

/** By when: one date, a schedule of dated amounts, or a recurring term between two dates. */
export type Deadline =
  | { kind: 'date'; date: IsoDate }
  | { kind: 'instalments'; instalments: Instalment[] }
  | { kind: 'recurring'; frequency: 'weekly' | 'monthly'; day: number; from: IsoDate; until: IsoDate };

/** How the obligation is performed (R-CPC-03: the method of performance). */
export type PerformanceMethod =
  | { kind: 'bank_transfer'; iban: string; bank?: string }
  | { kind: 'cash_receipt' }
  | { kind: 'delivery'; address: LocalizedText }
  | { kind: 'in_person'; place?: LocalizedText }
  | { kind: 'other'; description: LocalizedText };
export type MethodKind = PerformanceMethod['kind'];

/**
 * A condition attached to an obligation. A suspensive one (the obligation arises only if an
 * uncertain event happens) is refused by R-CPC-03; the field exists so that the builder can say
 * so instead of letting the condition hide in free text.
 */
export type ObligationCondition = { kind: 'suspensive' | 'resolutory'; text: LocalizedText };

/** Topics the templates suggest; they drive rules such as R-FAM-01 (alimony). */
export const OBLIGATION_TOPICS = [
  'divorce',
  'child_residence',
  'contact',
  'alimony',
  'property',
  'reinstatement',
  'pay',
  'compensation',
  'debt',
  'delivery',
  'repair',
  'procurement',
  'administrative_act',
  'redress',
  'other',
] as const;
export type ObligationTopic = (typeof OBLIGATION_TOPICS)[number];

export type Obligation = {
  id: string;
  topic?: ObligationTopic;
  /** Party id of who owes it. */
  debtor: string;
  /** Party id of whom it is owed to. */
  creditor: string;
  subject?: ObligationSubject;
  deadline?: Deadline;
  method?: PerformanceMethod;
  condition?: ObligationCondition;
};

/** A free-text term beside the structured obligations. `conditional` marks a suspensive condition. */
export type Clause = { id: string; text: LocalizedText; conditional?: boolean };

// --- costs ---------------------------------------------------------------------------------------

export type Share = { partyId: string; percent: number };

/**
 * The parties' own legal costs (state fee, representation). Absent = mutually set off (R-CPC-03),
 * and the document says so.
 */
export type LegalCosts =
  | { kind: 'set_off' }
  | { kind: 'borne_by'; partyId: string }
  | { kind: 'split'; shares: Share[] };

/** The mediator's fee: free for a public mediator (R-MED-14), otherwise split between the parties. */
export type MediatorFee = { kind: 'free' } | { kind: 'split'; amountTiyn: number; shares: Share[] };

export type AgreementDraft = {
  /** Format of this structure; part of the hash so that a later format never collides with this one. */
  format: 'kelisim.agreement/1';
  case: AgreementCase;
  /** Languages the agreement is made in; the first is the main one. */
  languages: AgreementLanguage[];
  /** Date of the agreement (and of the PDF's metadata, so that its bytes are reproducible). */
  date: IsoDate;
  place: LocalizedText;
  parties: AgreementParty[];
  mediator: AgreementMediator;
  obligations: Obligation[];
  clauses: Clause[];
  legalCosts?: LegalCosts;
  mediatorFee?: MediatorFee;
  /** Opt-in to the Singapore Convention for an international commercial settlement (R-SG-01). */
  singaporeConvention?: boolean;
};
