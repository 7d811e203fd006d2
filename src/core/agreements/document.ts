import { formatIban } from './iban.ts';
import type {
  AgreementDraft,
  AgreementLanguage,
  AgreementParty,
  Deadline,
  LocalizedText,
  Obligation,
  PerformanceMethod,
  Share,
} from './types.ts';
import { formatIsoDate, formatTiyn, type Wording } from './wording.ts';
import { WORDING_EN } from './wording-en.ts';
import { WORDING_KK } from './wording-kk.ts';
import { WORDING_RU } from './wording-ru.ts';

// The agreement as a sequence of blocks of text in one language, in reading order. The PDF lays
// them out; a bilingual PDF puts block i of the Kazakh sequence beside block i of the Russian one,
// which works because the sequence is built from the structure of the draft and never from the
// text: every language yields the same number of blocks with the same styles.

export const WORDINGS: Readonly<Record<AgreementLanguage, Wording>> = {
  kk: WORDING_KK,
  ru: WORDING_RU,
  en: WORDING_EN,
};

export type BlockStyle = 'title' | 'subtitle' | 'meta' | 'heading' | 'body' | 'item' | 'signature';
export type DocBlock = { style: BlockStyle; text: string };

/** A text in one language; validation has made sure it exists for every language of the agreement. */
const t = (text: LocalizedText | undefined, lang: AgreementLanguage) => (text?.[lang] ?? '').trim();

const partyName = (draft: AgreementDraft, id: string) => draft.parties.find((p) => p.id === id)?.name ?? id;

const deadlineLines = (deadline: Deadline, w: Wording, lang: AgreementLanguage): DocBlock[] => {
  const date = (d: string) => formatIsoDate(d, w);
  if (deadline.kind === 'date')
    return [{ style: 'item', text: `${w.deadline}: ${w.byDate(date(deadline.date))}` }];
  if (deadline.kind === 'recurring') {
    const { frequency, day, from, until } = deadline;
    const text =
      frequency === 'weekly'
        ? w.weekly(w.weekdays[(day - 1) % 7] ?? String(day), date(from), date(until))
        : w.monthly(day, date(from), date(until));
    return [{ style: 'item', text: `${w.deadline}: ${text}` }];
  }
  return [
    { style: 'item', text: `${w.instalments}:` },
    ...deadline.instalments.map((item, i) => ({
      style: 'item' as const,
      text: w.instalment(i + 1, date(item.date), formatTiyn(item.amountTiyn, lang)),
    })),
  ];
};

const methodText = (method: PerformanceMethod, w: Wording, lang: AgreementLanguage) => {
  switch (method.kind) {
    case 'bank_transfer':
      return w.methods.bank_transfer(formatIban(method.iban), method.bank);
    case 'cash_receipt':
      return w.methods.cash_receipt;
    case 'delivery':
      return w.methods.delivery(t(method.address, lang));
    case 'in_person':
      return w.methods.in_person(method.place ? t(method.place, lang) : undefined);
    case 'other':
      return t(method.description, lang);
  }
};

const obligationBlocks = (
  draft: AgreementDraft,
  o: Obligation,
  number: string,
  w: Wording,
  lang: AgreementLanguage,
): DocBlock[] => {
  const what =
    o.subject?.kind === 'money'
      ? `${w.pays}: ${formatTiyn(o.subject.amountTiyn, lang)}`
      : `${w.performs}: ${t(o.subject?.description, lang)}`;
  return [
    { style: 'body', text: `${number} ${what}` },
    { style: 'item', text: `${w.debtor}: ${partyName(draft, o.debtor)}` },
    { style: 'item', text: `${w.creditor}: ${partyName(draft, o.creditor)}` },
    ...(o.subject?.kind === 'money' && o.subject.purpose
      ? [{ style: 'item' as const, text: `${w.purpose}: ${t(o.subject.purpose, lang)}` }]
      : []),
    ...(o.deadline ? deadlineLines(o.deadline, w, lang) : []),
    ...(o.method ? [{ style: 'item' as const, text: `${w.method}: ${methodText(o.method, w, lang)}` }] : []),
    // Only a resolutory condition can reach a document: validation refuses a suspensive one.
    ...(o.condition
      ? [{ style: 'item' as const, text: `${w.resolutoryCondition}: ${t(o.condition.text, lang)}` }]
      : []),
  ];
};

const partyBlocks = (p: AgreementParty, n: number, w: Wording, lang: AgreementLanguage): DocBlock[] => [
  { style: 'body', text: `${n}) ${p.name} — ${w.partyKind[p.kind]}` },
  p.kind === 'individual'
    ? { style: 'item', text: `${w.iin}: ${p.iin ?? ''}` }
    : { style: 'item', text: `${w.bin}: ${p.bin ?? ''}` },
  ...(p.representative
    ? [
        {
          style: 'item' as const,
          text: w.representedBy(p.representative.name, t(p.representative.basis, lang)),
        },
      ]
    : []),
  ...(p.address ? [{ style: 'item' as const, text: `${w.address}: ${t(p.address, lang)}` }] : []),
];

const sharesText = (draft: AgreementDraft, shares: Share[], w: Wording) =>
  shares.map((s) => w.share(partyName(draft, s.partyId), s.percent)).join('; ');

const costBlocks = (draft: AgreementDraft, w: Wording, lang: AgreementLanguage): DocBlock[] => {
  const costs = draft.legalCosts ?? { kind: 'set_off' };
  const legal =
    costs.kind === 'set_off'
      ? w.legalCosts.setOff
      : costs.kind === 'borne_by'
        ? w.legalCosts.borneBy(partyName(draft, costs.partyId))
        : w.legalCosts.split(sharesText(draft, costs.shares, w));
  const fee = draft.mediatorFee;
  const feeText = !fee
    ? draft.mediator.kind === 'public'
      ? w.mediatorFee.free
      : w.mediatorFee.unstated
    : fee.kind === 'free'
      ? w.mediatorFee.free
      : w.mediatorFee.split(formatTiyn(fee.amountTiyn, lang), sharesText(draft, fee.shares, w));
  return [
    { style: 'body', text: legal },
    { style: 'body', text: feeText },
  ];
};

/** The document in one language, block by block. */
export const agreementBlocks = (draft: AgreementDraft, lang: AgreementLanguage): DocBlock[] => {
  const w = WORDINGS[lang];
  const blocks: DocBlock[] = [];
  let section = 0;
  const heading = (text: string) => {
    section += 1;
    blocks.push({ style: 'heading', text: `${section}. ${text}` });
    return section;
  };
  const { mediator } = draft;

  blocks.push({ style: 'title', text: w.title }, { style: 'subtitle', text: w.subtitle });
  blocks.push({ style: 'meta', text: `${w.caseNumber} ${draft.case.number}` });
  if (draft.case.courtCaseNumber)
    blocks.push({ style: 'meta', text: `${w.courtCaseNumber}: ${draft.case.courtCaseNumber}` });
  blocks.push({ style: 'meta', text: w.datePlace(formatIsoDate(draft.date, w), t(draft.place, lang)) });

  heading(w.partiesHeading);
  draft.parties.forEach((p, i) => {
    blocks.push(...partyBlocks(p, i + 1, w, lang));
  });

  heading(w.mediatorHeading);
  blocks.push(
    { style: 'body', text: `${mediator.name} — ${w.mediatorKind[mediator.kind]}` },
    { style: 'item', text: `${w.registryNumber}: ${mediator.registryNumber}` },
  );
  if (t(mediator.organisation, lang))
    blocks.push({ style: 'item', text: `${w.organisation}: ${t(mediator.organisation, lang)}` });
  blocks.push({ style: 'body', text: w.mediationStatement(mediator.name) });

  heading(w.subjectHeading);
  blocks.push({ style: 'body', text: t(draft.case.subject, lang) });

  if (draft.obligations.length > 0) {
    const n = heading(w.termsHeading);
    draft.obligations.forEach((o, i) => {
      blocks.push(...obligationBlocks(draft, o, `${n}.${i + 1}.`, w, lang));
    });
    if (draft.obligations.some((o) => o.topic === 'alimony'))
      blocks.push({ style: 'body', text: w.alimonyStatement });
  }

  if (draft.clauses.length > 0) {
    const n = heading(w.clausesHeading);
    draft.clauses.forEach((c, i) => {
      blocks.push({ style: 'body', text: `${n}.${i + 1}. ${t(c.text, lang)}` });
    });
  }

  heading(w.costsHeading);
  blocks.push(...costBlocks(draft, w, lang));

  if (draft.singaporeConvention) {
    heading(w.singaporeHeading);
    blocks.push({ style: 'body', text: w.singaporeClause });
  }

  heading(w.finalHeading);
  for (const text of w.finalProvisions) blocks.push({ style: 'body', text });
  if (draft.case.courtCaseNumber) blocks.push({ style: 'body', text: w.courtApproval });

  blocks.push({ style: 'heading', text: w.signaturesHeading });
  for (const p of draft.parties) {
    const who = p.representative ? `${p.name} (${p.representative.name})` : p.name;
    blocks.push({ style: 'signature', text: w.signatureOf(who) });
  }
  blocks.push({ style: 'signature', text: w.signatureOf(`${w.mediatorRole} ${mediator.name}`) });
  return blocks;
};
