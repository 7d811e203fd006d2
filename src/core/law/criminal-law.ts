import type { LawRule } from './types.ts';

// Criminal Code of the Republic of Kazakhstan (2014, No. 226-V): release from criminal liability on
// reconciliation with the victim (Art. 68) and the gravity categories it depends on (Art. 11).
// Ids and confidence from DOMAIN.md §3; the texts are plain-language summaries.
const CC = 'Criminal Code No. 226-V of 03.07.2014';
const IN_FORCE = '2015-01-01';

export const CRIMINAL_LAW = {
  'R-CRIM-01': {
    id: 'R-CRIM-01',
    text: {
      kk: 'Қылмыстық теріс қылық немесе адам өліміне әкеп соқпаған онша ауыр емес не ауырлығы орташа қылмыс жасаған адам жәбірленушімен татуласса (оның ішінде медиация тәртібімен) және келтірілген зиянның орнын толтырса, қылмыстық жауаптылықтан босатылады.',
      ru: 'Лицо, совершившее уголовный проступок либо преступление небольшой или средней тяжести, не связанное с причинением смерти, освобождается от уголовной ответственности, если примирилось с потерпевшим (в том числе в порядке медиации) и загладило причинённый вред.',
      en: 'A person who committed a criminal misdemeanour, or a minor or medium-gravity crime that caused no death, shall be released from criminal liability if they reconcile with the victim (mediation included) and make good the harm.',
    },
    source: `${CC}, Art. 68(1)`,
    confidence: 'H',
    validFrom: IN_FORCE,
  },
  'R-CRIM-02': {
    id: 'R-CRIM-02',
    text: {
      kk: 'Кәмелетке толмаған адам, жүкті әйел, жас балалары бар әйел, жас балаларын жалғыз тәрбиелеп отырған ер адам, 58 жастағы және одан асқан әйел, 63 жастағы және одан асқан ер адам адам өліміне немесе денсаулыққа ауыр зиян келтіруге әкеп соқпаған ауыр қылмысты алғаш рет жасаса, жәбірленушімен татуласып, зиянның орнын толтырған жағдайда қылмыстық жауаптылықтан босатылуы мүмкін.',
      ru: 'Несовершеннолетний, беременная женщина, женщина, имеющая малолетних детей, мужчина, одиноко воспитывающий малолетних детей, женщина 58 лет и старше, мужчина 63 лет и старше, впервые совершившие тяжкое преступление, не связанное с причинением смерти или тяжкого вреда здоровью, могут быть освобождены от уголовной ответственности при примирении с потерпевшим и заглаживании вреда.',
      en: 'A minor, a pregnant woman, a woman with young children, a man raising young children alone, a woman aged 58 or over or a man aged 63 or over who commits a grave crime for the first time, without causing death or grave harm to health, may be released from liability on reconciliation with the victim and redress of the harm.',
    },
    source: `${CC}, Art. 68(2)`,
    confidence: 'H',
    validFrom: IN_FORCE,
  },
  'R-CRIM-03': {
    id: 'R-CRIM-03',
    text: {
      kk: 'Татуласуға байланысты босату кейбір қылмыстарға қолданылмайды (68-баптың төртінші бөлігі): сыбайлас жемқорлық, террористік және экстремистік қылмыстарға, қылмыстық топ құрамында жасалған қылмыстарға, кәмелетке толмағандарға қатысты жыныстық қылмыстарға және мас күйінде көлік басқаруға байланысты кейбір қылмыстарға. Мәліметтер бойынша, 2024 жылғы заң ұрып-соғу мен денсаулыққа жеңіл зиян келтіру бойынша татуласуға тек бір рет жол береді.',
      ru: 'Освобождение в связи с примирением не применяется к ряду преступлений (часть четвёртая статьи 68): коррупционным, террористическим и экстремистским, совершённым преступной группой, половым преступлениям против несовершеннолетних и некоторым преступлениям, связанным с управлением транспортом в состоянии опьянения. По имеющимся сведениям, закон 2024 года допускает примирение по побоям и лёгкому вреду здоровью только один раз.',
      en: 'Release on reconciliation does not apply to some crimes (Art. 68(4)): corruption, terrorist and extremist crimes, crimes by an organised group, sexual crimes against minors and some drunk-driving offences. A 2024 law reportedly allows reconciliation for battery and light harm to health only once.',
    },
    source: `${CC}, Art. 68(4); amending law of 2024`,
    confidence: 'L',
    validFrom: '2024-01-01',
  },
  'R-CRIM-04': {
    id: 'R-CRIM-04',
    text: {
      kk: 'Қылмыстар ауырлығына қарай бөлінеді (11-бап): онша ауыр емес — ең ауыр жазасы 2 жылдан аспайтын бас бостандығынан айыру болатын қасақана қылмыстар; ауырлығы орташа — 5 жылға дейін; ауыр — 12 жылға дейін; аса ауыр — бұдан да қатаң жазаланатын қылмыстар. Қылмыстық теріс қылықтар — жеке, жеңілірек санат.',
      ru: 'Преступления делятся по тяжести (статья 11): небольшой тяжести — умышленные, наказуемые лишением свободы не более 2 лет; средней тяжести — до 5 лет; тяжкие — до 12 лет; особо тяжкие — наказуемые строже. Уголовные проступки — отдельная, более лёгкая категория.',
      en: 'Crimes are graded by gravity (Art. 11): minor — intentional, punishable by at most 2 years’ deprivation of liberty; medium — up to 5 years; grave — up to 12 years; especially grave — punished more severely. Criminal misdemeanours are a separate, lighter category.',
    },
    source: `${CC}, Art. 10–11`,
    confidence: 'M',
    validFrom: IN_FORCE,
  },
} as const satisfies Record<string, LawRule>;

export type CriminalRuleId = keyof typeof CRIMINAL_LAW;

// --- The data behind Art. 68 ---------------------------------------------------------------------

/** Gravity categories, lightest first (R-CRIM-04). */
export const GRAVITIES = ['misdemeanour', 'minor', 'medium', 'grave', 'especially_grave'] as const;
export type Gravity = (typeof GRAVITIES)[number];

/**
 * Which part of Art. 68 a gravity falls under, and the longest deprivation of liberty of an
 * intentional crime of that category in years (R-CRIM-04; null: no such limit — a misdemeanour is
 * not punished by deprivation of liberty, an especially grave crime has no upper bound).
 */
export const GRAVITY_TABLE: Readonly<
  Record<Gravity, { reconciliation: 'art_68_1' | 'art_68_2' | 'none'; maxYears: number | null }>
> = {
  misdemeanour: { reconciliation: 'art_68_1', maxYears: null },
  minor: { reconciliation: 'art_68_1', maxYears: 2 },
  medium: { reconciliation: 'art_68_1', maxYears: 5 },
  grave: { reconciliation: 'art_68_2', maxYears: 12 },
  especially_grave: { reconciliation: 'none', maxYears: null },
};

/** Who Art. 68(2) lets be released for a grave crime (R-CRIM-02); 'none' is nobody of these. */
export const OFFENDER_STATUSES = [
  'minor',
  'pregnant',
  'woman_young_children',
  'man_raising_children_alone',
  'woman_58',
  'man_63',
  'none',
] as const;
export type OffenderStatus = (typeof OFFENDER_STATUSES)[number];
export const ART_68_2_STATUSES: readonly OffenderStatus[] = OFFENDER_STATUSES.filter((s) => s !== 'none');

/** The ages in Art. 68(2): women from 58, men from 63; a minor is under 18. */
export const ART_68_2_AGES = { minorUnder: 18, woman: 58, man: 63 } as const;

/** Kinds of crime for which reconciliation is never available, and the rule that says so. */
export const CRIMINAL_EXCLUSIONS = ['corruption', 'public_service', 'art_68_4'] as const;
export type CriminalExclusion = (typeof CRIMINAL_EXCLUSIONS)[number];
export const EXCLUSION_RULE: Readonly<Record<CriminalExclusion, 'R-MED-04' | 'R-CRIM-03'>> = {
  corruption: 'R-MED-04',
  public_service: 'R-MED-04',
  art_68_4: 'R-CRIM-03',
};
