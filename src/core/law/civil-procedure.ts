import type { CourtStage, ProceedingType } from '../cases/court.ts';
import type { LawRule } from './types.ts';

// Civil Procedure Code of the Republic of Kazakhstan (2015, No. 377-V) and the state fee on claims.
// Ids and confidence from DOMAIN.md §3 ("M–H" is kept at M so the rule stays flagged for a check);
// the texts are plain-language summaries. validFrom is the code's entry into force unless a later
// form is known.
const CPC = 'Civil Procedure Code No. 377-V of 31.10.2015';
const TAX = 'Tax Code of the Republic of Kazakhstan, state fee on claims filed with courts';
const IN_FORCE = '2016-01-01';

export const CIVIL_PROCEDURE = {
  'R-CPC-01': {
    id: 'R-CPC-01',
    text: {
      kk: 'Сот тараптарды татуластыруға процестің кез келген сатысында жәрдемдеседі. Татуластыру рәсімдері — бітімгершілік келісім, медиация, партисипативтік рәсім — талап қою ісін жүргізуде кез келген сатыда, оның ішінде апелляция мен кассацияда мүмкін; жария-құқықтық қатынастардан туындайтын істер бұған жатпайды.',
      ru: 'Суд содействует примирению сторон на любой стадии. Примирительные процедуры — мировое соглашение, медиация, партисипативная процедура — возможны в исковом производстве на любой стадии, включая апелляцию и кассацию, кроме дел из публично-правовых отношений.',
      en: 'The court helps the parties reconcile at every stage. Conciliation — a court settlement, mediation or a participatory procedure — is possible in claim proceedings at any stage, appeal and cassation included, except in cases arising from public-law relations.',
    },
    source: `${CPC}, conciliation procedures`,
    confidence: 'H',
    validFrom: IN_FORCE,
  },
  'R-CPC-02': {
    id: 'R-CPC-02',
    text: {
      kk: 'Татуластыру рәсімдері бұйрықтық іс жүргізуде, ерекше талап қою ісін жүргізуде және ерекше іс жүргізуде қолданылмайды. Татуластыру талап қоюды қабылдау сатысында жүргізілсе, талап қоюды қабылдау 10 жұмыс күні ішінде шешіледі.',
      ru: 'Примирительные процедуры не применяются в приказном, особом исковом и особом производстве. Если примирение проводится на стадии принятия иска, вопрос о принятии решается в течение 10 рабочих дней.',
      en: 'Conciliation procedures do not apply in court-order, special-claim or special proceedings. When conciliation takes place while a claim is being accepted, acceptance takes 10 working days.',
    },
    source: `${CPC}, conciliation procedures; acceptance of a claim`,
    confidence: 'H',
    validFrom: IN_FORCE,
  },
  'R-CPC-03': {
    id: 'R-CPC-03',
    text: {
      kk: 'Сотқа ұсынылатын келісімде шарттары, орындау мерзімі мен тәсілі көрсетіледі, онда кейінге қалдыратын шарттар болмайды. Ол мерзімін кейінге қалдыруды, бөліп төлеуді, талап ету құқығын басқаға беруді, борышты кешіруді және сот шығындарын бөлуді көздей алады; шығындар туралы айтылмаса, олар өзара өтелген болып саналады.',
      ru: 'Соглашение, представляемое в суд, содержит условия, сроки и способ исполнения и не может содержать отлагательных условий. Оно может предусматривать отсрочку, рассрочку, уступку права требования, прощение долга и распределение судебных расходов; если о расходах не сказано, они считаются взаимно погашенными.',
      en: 'A settlement filed with the court states its terms and the deadline and method of performance, and has no suspensive conditions. It may provide for deferral, instalments, assignment of a claim, debt forgiveness and the split of costs; if it is silent on costs, they are set off against each other.',
    },
    source: `${CPC}, conciliation procedures`,
    confidence: 'H',
    validFrom: IN_FORCE,
  },
  'R-CPC-04': {
    id: 'R-CPC-04',
    text: {
      kk: 'Сот медиация тәртібімен дауды реттеу туралы келісімді бекіткенде іс бойынша іс жүргізу тоқтатылады; сол тараптардың арасындағы сол дау бойынша сотқа қайта жүгінуге жол берілмейді.',
      ru: 'Утверждение судом соглашения об урегулировании спора в порядке медиации прекращает производство по делу; повторно обратиться в суд по тому же спору между теми же сторонами нельзя.',
      en: 'When the court approves a mediation agreement, the proceedings end, and the same parties cannot bring the same claim to court again.',
    },
    source: `${CPC}, termination of proceedings`,
    confidence: 'M',
    validFrom: IN_FORCE,
  },
  'R-CPC-06': {
    id: 'R-CPC-06',
    text: {
      kk: 'Іс медиация тәртібімен дауды реттеу туралы келісіммен аяқталса, мемлекеттік баж бірінші және апелляциялық сатыда толық, ал кассацияда кассациялық шағым үшін төленген баждың 50 пайызы қайтарылады.',
      ru: 'Если дело завершается соглашением об урегулировании спора в порядке медиации, государственная пошлина возвращается полностью в первой и апелляционной инстанции, а в кассации — 50 % пошлины, уплаченной за кассационную жалобу.',
      en: 'If a case ends with a mediation agreement, the state fee is refunded in full in the first and appeal instance; in cassation, 50% of the fee paid for the cassation appeal is refunded.',
    },
    source: `${CPC}, court costs; ${TAX}`,
    confidence: 'M',
    validFrom: IN_FORCE,
  },
  'R-CPC-07': {
    id: 'R-CPC-07',
    text: {
      kk: 'Мүліктік сипаттағы талап қоюдан мемлекеттік баж жеке тұлғалар үшін талап қою бағасының 1 пайызы, заңды тұлғалар үшін 3 пайызы; мүліктік емес талаптар бойынша баж айлық есептік көрсеткішпен (АЕК) есептеледі, оның мөлшерін жыл сайын бюджет туралы заң белгілейді.',
      ru: 'Государственная пошлина по иску имущественного характера — 1 % цены иска для физических лиц и 3 % для юридических лиц; по искам неимущественного характера она исчисляется в месячных расчётных показателях (МРП), размер которых ежегодно устанавливает закон о бюджете.',
      en: 'The state fee on a property claim is 1% of the amount claimed for individuals and 3% for legal entities; non-property claims pay a fee in monthly calculation indices (MRP), whose value the budget law sets every year.',
    },
    source: TAX,
    confidence: 'M',
    validFrom: IN_FORCE,
  },
  'R-CPC-08': {
    id: 'R-CPC-08',
    text: {
      kk: 'Азаматтық іс дайындау аяқталған күннен бастап екі ай ішінде қаралады; жұмысқа қайта алу, әкелікті анықтау, алимент өндіріп алу туралы істер және ерекше іс жүргізу істері — бір ай ішінде.',
      ru: 'Гражданское дело рассматривается в течение двух месяцев со дня окончания подготовки; дела о восстановлении на работе, установлении отцовства, взыскании алиментов и дела особого производства — в течение месяца.',
      en: 'A civil case is tried within 2 months of the end of its preparation; reinstatement at work, paternity, alimony and special proceedings within 1 month.',
    },
    source: `${CPC}, time limits for trying cases`,
    confidence: 'H',
    validFrom: IN_FORCE,
  },
} as const satisfies Record<string, LawRule>;

export type CivilProcedureRuleId = keyof typeof CIVIL_PROCEDURE;

// --- Figures the rules above use, kept as data so a legal admin can update them. ---------------

/** R-CPC-02: proceedings in which no conciliation procedure is available. */
export const NO_CONCILIATION_PROCEEDINGS: readonly ProceedingType[] = [
  'court_order',
  'special_claim',
  'special',
];

/** R-CPC-02: how long accepting a claim takes when conciliation is run at that stage. */
export const CLAIM_ACCEPTANCE_WORKING_DAYS = 10;

/** R-CPC-08: months to try a case after preparation; the short term applies to the listed subjects. */
export const TRIAL_TERM_MONTHS = { standard: 2, short: 1 } as const;
export const SHORT_TRIAL_SUBJECTS = ['reinstatement', 'paternity', 'alimony', 'special'] as const;

/** R-CPC-07: state fee on a property claim, in per cent of the amount claimed. */
export const PROPERTY_CLAIM_FEE_PERCENT = { individual: 1, legal_entity: 3 } as const;

/**
 * R-CPC-07: state fee on a non-property claim, in MRP. Rates as read in the Tax Code of 2017
 * (0.5 MRP for individuals, 5 MRP for legal entities); to be checked against the code in force.
 */
export const NON_PROPERTY_CLAIM_FEE_MRP = { individual: 0.5, legal_entity: 5 } as const;

/**
 * The monthly calculation index (MRP, АЕК) in tenge, set each year by the law on the republican
 * budget. Add a year when its budget law is adopted.
 */
export const MRP_KZT_BY_YEAR: Readonly<Record<number, number>> = {
  2023: 3450,
  2024: 3692,
  2025: 3932,
  2026: 4325,
};

/** The MRP of a year, or of the latest year known when the table has not been updated yet. */
export const mrpFor = (year: number): { year: number; kzt: number } => {
  const years = Object.keys(MRP_KZT_BY_YEAR)
    .map(Number)
    .sort((a, b) => a - b);
  const known = years.filter((y) => y <= year).at(-1) ?? (years[0] as number);
  return { year: known, kzt: MRP_KZT_BY_YEAR[known] as number };
};

/** R-CPC-06: share of the fee paid in the current instance that is refunded on a mediation agreement. */
export const FEE_REFUND_PERCENT: Readonly<Record<CourtStage, number>> = {
  claim_acceptance: 100,
  preparation: 100,
  first_instance: 100,
  appeal: 100,
  cassation: 50,
};

/** Stages whose fee is the first-instance fee on the claim (the one we can compute from the amount). */
export const FIRST_INSTANCE_STAGES: readonly CourtStage[] = [
  'claim_acceptance',
  'preparation',
  'first_instance',
];

/**
 * R-CPC-07: claims on which an individual plaintiff pays no state fee (Tax Code exemptions for a
 * worker's labour claims and for alimony claims; M, checked with the rule).
 */
export const FEE_EXEMPT_CLAIMS = ['labour_by_worker', 'alimony'] as const;
export type FeeExemptClaim = (typeof FEE_EXEMPT_CLAIMS)[number];
