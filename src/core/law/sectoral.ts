import type { LawRule } from './types.ts';

// Labour, family and administrative law as far as mediation depends on it. Ids and confidence from
// DOMAIN.md §3; the texts are plain-language summaries. validFrom is the code's entry into force.
const LABOUR_CODE = 'Labour Code No. 414-V of 23.11.2015';
const FAMILY_CODE = 'Code "On Marriage (Matrimony) and Family" No. 518-IV of 26.12.2011';
const APPK = 'Administrative Procedural and Process Code No. 350-VI of 29.06.2020';

export const SECTORAL_LAW = {
  'R-LAB-01': {
    id: 'R-LAB-01',
    text: {
      kk: 'Жеке еңбек дауын алдымен жұмыс берушінің келісім комиссиясы қарайды; микрокәсіпкерлік субъектілері, қызметкерлері 15-ке дейінгі коммерциялық емес ұйымдар, үй жұмыскерлері, атқарушы органның басшылары мен мүшелері, сондай-ақ арнаулы заңдар қолданылатын қызметкерлер (әскери қызметшілер, құқық қорғау органдарының қызметкерлері, мемлекеттік қызметшілер) бұған жатпайды. Медиация онымен қатар жүре алады.',
      ru: 'Индивидуальный трудовой спор сначала рассматривает согласительная комиссия работодателя, кроме микропредприятий, некоммерческих организаций численностью до 15 работников, домашних работников, руководителей и членов исполнительного органа и работников, на которых распространяются специальные законы (военнослужащие, сотрудники правоохранительных органов, государственные служащие). Медиация может идти параллельно.',
      en: 'An individual labour dispute first goes to the employer’s conciliation commission, except at micro-enterprises, non-profits with up to 15 employees, for domestic workers, heads and members of executive bodies, and workers under special laws (military, law-enforcement, civil servants). Mediation can run alongside.',
    },
    source: `${LABOUR_CODE}, Art. 159`,
    confidence: 'H',
    validFrom: '2016-01-01',
  },
  'R-FAM-01': {
    id: 'R-FAM-01',
    text: {
      kk: 'Отбасылық медиация некені бұзуды, баланың тұратын жерін, баламен қарым-қатынас тәртібін, алиментті және мүлікті бөлуді қамтиды. Алимент төлеу туралы келісім медиатордың қатысуымен жасалған дауды реттеу туралы келісім түрінде болуы мүмкін.',
      ru: 'Семейная медиация охватывает расторжение брака, место жительства ребёнка, порядок общения с ребёнком, алименты и раздел имущества. Соглашение об уплате алиментов может быть заключено как соглашение об урегулировании спора, составленное с участием медиатора.',
      en: 'Family mediation covers divorce, where a child lives, the contact schedule, alimony and the division of property. An alimony agreement can be a settlement agreement drawn up with a mediator.',
    },
    source: `${FAMILY_CODE}, Art. 158`,
    confidence: 'H',
    validFrom: '2012-01-07',
  },
  'R-FAM-02': {
    id: 'R-FAM-02',
    text: {
      kk: 'Әрбір отбасылық іс зорлық-зомбылық пен қысымға қатысты қысқа құпия тексеруден басталады. Қауіп анықталса, тараптар медиатормен бөлек кездеседі немесе медиация ұсынылмайды; жауаптар екінші тарапқа ешқашан көрсетілмейді.',
      ru: 'Каждое семейное дело начинается с короткой конфиденциальной проверки на насилие и давление. Если выявлен риск, стороны встречаются с медиатором раздельно либо медиация не рекомендуется; ответы никогда не показываются другой стороне.',
      en: 'Every family case begins with a short private check for violence and pressure. If it shows a risk, the parties meet the mediator separately or mediation is advised against; the answers are never shown to the other party.',
    },
    // Not a statute: Kelisim's own safety rule for family cases (DOMAIN.md R-FAM-02).
    source: 'Kelisim safety policy for family cases',
    confidence: 'H',
    validFrom: '2026-01-01',
  },
  'R-ADM-01': {
    id: 'R-ADM-01',
    text: {
      kk: 'Әкімшілік істер бойынша татуласу мен медиация жауапкер әкімшілік органның әкімшілік дискрециясы болған жағдайда ғана мүмкін.',
      ru: 'По административным делам примирение и медиация возможны, только если административный орган-ответчик обладает административным усмотрением.',
      en: 'In administrative cases, reconciliation and mediation are possible only where the defendant body has administrative discretion.',
    },
    source: `${APPK}, Art. 120`,
    confidence: 'H',
    validFrom: '2021-07-01',
  },
} as const satisfies Record<string, LawRule>;

export type SectoralRuleId = keyof typeof SECTORAL_LAW;

// --- The data behind the rules -------------------------------------------------------------------

/**
 * Who the worker's employer is, for R-LAB-01: whether the dispute must first go to the employer's
 * conciliation commission. 'unknown' is an honest answer the explorer accepts.
 */
export const LABOUR_EMPLOYERS = [
  'ordinary',
  'micro_enterprise',
  'small_nonprofit',
  'domestic_worker',
  'executive_body',
  'special_service',
  'unknown',
] as const;
export type LabourEmployer = (typeof LABOUR_EMPLOYERS)[number];
export const CONCILIATION_COMMISSION: Readonly<Record<LabourEmployer, 'required' | 'exempt' | 'unknown'>> = {
  ordinary: 'required',
  micro_enterprise: 'exempt',
  small_nonprofit: 'exempt', // a non-profit with at most 15 employees
  domestic_worker: 'exempt',
  executive_body: 'exempt', // heads and members of the executive body
  special_service: 'exempt', // military, law-enforcement, civil servants: special laws apply
  unknown: 'unknown',
};

/** What a family mediation covers (R-FAM-01). */
export const FAMILY_TOPICS = ['divorce', 'child_residence', 'contact', 'alimony', 'property'] as const;
export type FamilyTopic = (typeof FAMILY_TOPICS)[number];
/** Family claims without a money value (their state fee is counted in MRP, R-CPC-07). */
export const NON_PROPERTY_FAMILY_TOPICS: readonly FamilyTopic[] = ['divorce', 'child_residence', 'contact'];

/** Whether an administrative body may decide one way or another (R-ADM-01). */
export const DISCRETION_ANSWERS = ['yes', 'no', 'unknown'] as const;
export type DiscretionAnswer = (typeof DISCRETION_ANSWERS)[number];
