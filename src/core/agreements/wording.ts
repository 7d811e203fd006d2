import type { PartyKind } from './types.ts';

// The words of the agreement document, as data: one object per language (wording-kk/ru/en.ts)
// of this shape. Sentences that quote a value are functions of it. Labels are used ("Мерзімі: …")
// rather than sentences that inflect a name or a date, because Kazakh and Russian endings depend on
// the word they attach to and a wrong ending in a legal document is worse than a plain label.

export type Wording = {
  title: string;
  subtitle: string;
  caseNumber: string;
  courtCaseNumber: string;
  datePlace: (date: string, place: string) => string;
  partiesHeading: string;
  partyKind: Record<PartyKind, string>;
  iin: string;
  bin: string;
  representedBy: (name: string, basis: string) => string;
  address: string;
  mediatorHeading: string;
  mediatorKind: { professional: string; public: string };
  registryNumber: string;
  organisation: string;
  /** R-MED-21: the agreement says that it results from mediation and who mediated. */
  mediationStatement: (mediator: string) => string;
  subjectHeading: string;
  termsHeading: string;
  debtor: string;
  creditor: string;
  pays: string;
  purpose: string;
  performs: string;
  deadline: string;
  byDate: (date: string) => string;
  instalments: string;
  instalment: (n: number, date: string, amount: string) => string;
  weekly: (weekday: string, from: string, until: string) => string;
  monthly: (day: number, from: string, until: string) => string;
  weekdays: [string, string, string, string, string, string, string];
  method: string;
  methods: {
    bank_transfer: (iban: string, bank: string | undefined) => string;
    cash_receipt: string;
    delivery: (address: string) => string;
    in_person: (place: string | undefined) => string;
  };
  resolutoryCondition: string;
  /** R-FAM-01: an alimony term is an agreement under the Marriage and Family Code Art. 158. */
  alimonyStatement: string;
  clausesHeading: string;
  costsHeading: string;
  legalCosts: {
    setOff: string;
    borneBy: (party: string) => string;
    split: (shares: string) => string;
  };
  mediatorFee: {
    free: string;
    split: (amount: string, shares: string) => string;
    /** The agreement is silent on the fee: it stays as the mediation contract set it (R-MED-20). */
    unstated: string;
  };
  share: (party: string, percent: number) => string;
  singaporeHeading: string;
  singaporeClause: string;
  finalHeading: string;
  finalProvisions: string[];
  /** R-CPC-04: said only when a court case exists. */
  courtApproval: string;
  signaturesHeading: string;
  signatureOf: (role: string) => string;
  mediatorRole: string;
  documentHash: string;
  verifyAt: string;
  page: (n: number, total: number) => string;
  months: string[];
  formatDate: (year: number, month: string, day: number) => string;
};

// --- numbers and dates, without Intl, so that server and browser print the same bytes ----------

/** Digits in groups of three joined by a no-break space (the layout never breaks a sum in two). */
const group = (digits: string, separator: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);

export const NBSP = '\u00a0';

/** 150000050 tiyn → "1 500 000,50 ₸" (kk, ru) or "1,500,000.50 ₸" (en); whole sums without decimals. */
export const formatTiyn = (tiyn: number, lang: 'kk' | 'ru' | 'en') => {
  const negative = tiyn < 0;
  const abs = Math.abs(Math.trunc(tiyn));
  const whole = group(String(Math.floor(abs / 100)), lang === 'en' ? ',' : NBSP);
  const cents = abs % 100;
  const decimal = lang === 'en' ? '.' : ',';
  const amount = cents === 0 ? whole : `${whole}${decimal}${String(cents).padStart(2, '0')}`;
  return `${negative ? '−' : ''}${amount}${NBSP}₸`;
};

/** "2026-03-15" in the wording's words; an invalid date is printed as given (validation refuses it). */
export const formatIsoDate = (date: string, wording: Wording) => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const month = match ? wording.months[Number(match[2]) - 1] : undefined;
  if (!match || !month) return date;
  return wording.formatDate(Number(match[1]), month, Number(match[3]));
};
