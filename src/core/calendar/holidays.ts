// Public holidays and days off in Kazakhstan, as data with citations (DOMAIN.md §5 "Working days").
// Three layers decide whether a date is a working day:
//   1. the holidays themselves (fixed dates, plus the first day of Kurban Ait per year);
//   2. the statutory rule: a holiday falling on Saturday or Sunday gives the next working day off,
//      except the religious holidays (7 January, Kurban Ait);
//   3. the government's yearly transfer decree, which may move a weekend day off onto a weekday.
// Only the five-day week (Saturday and Sunday off) is modelled: courts and government bodies keep it,
// and it is the week that procedural "working days" are counted in.
import type { Confidence, LawRule } from '../law/types.ts';
import { addDays, type IsoDate, isIsoDate, isWeekend } from './dates.ts';

export type Names = { kk: string; ru: string; en: string };

export type HolidayId =
  | 'new-year'
  | 'orthodox-christmas'
  | 'womens-day'
  | 'nauryz'
  | 'unity-day'
  | 'defenders-day'
  | 'victory-day'
  | 'capital-day'
  | 'constitution-day'
  | 'republic-day'
  | 'independence-day'
  | 'kurban-ait';

/** A holiday on the same day every year, within [fromYear, toYear] when those are given. */
export type FixedHoliday = {
  id: HolidayId;
  /** 'MM-DD' */
  monthDay: string;
  name: Names;
  /** Religious holidays are days off but never move a weekend day off (WEEKEND_TRANSFER_RULE). */
  religious: boolean;
  fromYear?: number;
  toYear?: number;
  source: string;
  confidence: Confidence;
};

/** The first day of Kurban Ait: a lunar date, fixed for each year separately. */
export type KurbanAit = { year: number; date: IsoDate; source: string; confidence: Confidence };

/**
 * A yearly government decree moving days off (Labour Code Art. 85(3)). `workingWeekendDays` are
 * weekend days declared working in exchange; usually Saturdays, but 2025's was a Sunday.
 */
export type TransferDecree = {
  year: number;
  off: IsoDate[];
  workingWeekendDays: IsoDate[];
  source: string;
  confidence: Confidence;
};

/** Why a date is not a working day, beyond being an ordinary Saturday or Sunday. */
export type NonWorkingDay = {
  date: IsoDate;
  reason: 'holiday' | 'weekend-transfer' | 'decree';
  /** The holiday itself, or the one whose weekend coincidence this day off makes up for. */
  holiday?: HolidayId;
  name: Names;
  source: string;
  confidence: Confidence;
};

const HOLIDAYS_LAW_NAME = 'Law No. 267-II "On holidays in the Republic of Kazakhstan" of 13.12.2001';
const HOLIDAYS_LAW = `${HOLIDAYS_LAW_NAME}, as amended`;
const LABOUR_CODE = 'Labour Code No. 414-V of 23.11.2015';

const fixed = (
  id: HolidayId,
  monthDay: string,
  name: Names,
  extra: Partial<Pick<FixedHoliday, 'religious' | 'fromYear' | 'toYear' | 'source' | 'confidence'>> = {},
): FixedHoliday => ({
  id,
  monthDay,
  name,
  religious: false,
  source: HOLIDAYS_LAW,
  confidence: 'H',
  ...extra,
});

const NEW_YEAR: Names = { kk: 'Жаңа жыл', ru: 'Новый год', en: 'New Year' };
const NAURYZ: Names = { kk: 'Наурыз мейрамы', ru: 'Наурыз мейрамы', en: 'Nauryz' };
const CONSTITUTION_DAY: Names = {
  kk: 'Қазақстан Республикасының Конституциясы күні',
  ru: 'День Конституции Республики Казахстан',
  en: 'Constitution Day',
};

/**
 * Holidays on fixed dates. The set is the one in force since 2022 (Republic Day restored, Independence
 * Day reduced to 16 December, First President's Day abolished); years before 2022 are not modelled.
 */
export const FIXED_HOLIDAYS: readonly FixedHoliday[] = [
  fixed('new-year', '01-01', NEW_YEAR),
  fixed('new-year', '01-02', NEW_YEAR),
  fixed(
    'orthodox-christmas',
    '01-07',
    { kk: 'Православиелік Рождество', ru: 'Православное Рождество', en: 'Orthodox Christmas' },
    { religious: true },
  ),
  fixed('womens-day', '03-08', {
    kk: 'Халықаралық әйелдер күні',
    ru: 'Международный женский день',
    en: "International Women's Day",
  }),
  fixed('nauryz', '03-21', NAURYZ),
  fixed('nauryz', '03-22', NAURYZ),
  fixed('nauryz', '03-23', NAURYZ),
  fixed('unity-day', '05-01', {
    kk: 'Қазақстан халқының бірлігі мерекесі',
    ru: 'Праздник единства народа Казахстана',
    en: 'Day of Unity of the People of Kazakhstan',
  }),
  fixed('defenders-day', '05-07', {
    kk: 'Отан Қорғаушы күні',
    ru: 'День защитника Отечества',
    en: 'Defender of the Fatherland Day',
  }),
  fixed('victory-day', '05-09', { kk: 'Жеңіс күні', ru: 'День Победы', en: 'Victory Day' }),
  fixed('capital-day', '07-06', { kk: 'Астана күні', ru: 'День столицы', en: 'Capital Day' }),
  // The Constitution adopted by referendum on 15.03.2026 (in force 01.07.2026) moved Constitution Day
  // to 15 March; the Ministry of Labour said 30 August 2026 is no longer a day off and the new date
  // applies from 2027. Read in news reports and a maintained holiday data set, not in the amended law.
  fixed('constitution-day', '08-30', CONSTITUTION_DAY, {
    toYear: 2025,
    source: `${HOLIDAYS_LAW}; not a holiday from 2026: Ministry of Labour, reported 18.03.2026 (verify the amended law)`,
    confidence: 'M',
  }),
  fixed('constitution-day', '03-15', CONSTITUTION_DAY, {
    fromYear: 2027,
    source: 'Constitution of 15.03.2026 (transitional provisions); Law on holidays as amended (verify)',
    confidence: 'M',
  }),
  fixed(
    'republic-day',
    '10-25',
    { kk: 'Республика күні', ru: 'День Республики', en: 'Republic Day' },
    { fromYear: 2022, source: `${HOLIDAYS_LAW} (restored in 2022)` },
  ),
  fixed('independence-day', '12-16', {
    kk: 'Тәуелсіздік күні',
    ru: 'День Независимости',
    en: 'Independence Day',
  }),
];

const KURBAN_AIT_NAME: Names = { kk: 'Құрбан айт', ru: 'Курбан айт', en: 'Kurban Ait' };
const KURBAN_AIT_SOURCE = `${HOLIDAYS_LAW}: first day of Kurban Ait, date set yearly by government decree (verify for the year)`;

/** First day of Kurban Ait (a day off, religious: no weekend transfer). Years missing here are not known. */
export const KURBAN_AIT: readonly KurbanAit[] = [
  { year: 2024, date: '2024-06-16', source: KURBAN_AIT_SOURCE, confidence: 'M' },
  { year: 2025, date: '2025-06-06', source: KURBAN_AIT_SOURCE, confidence: 'M' },
  { year: 2026, date: '2026-05-27', source: KURBAN_AIT_SOURCE, confidence: 'M' },
  // Not yet set by decree: the astronomical estimate of 10 Dhu al-Hijjah 1448.
  { year: 2027, date: '2027-05-16', source: `${KURBAN_AIT_SOURCE} (estimate; verify)`, confidence: 'L' },
];

/** The statutory weekend transfer, as a rule an administrator can read (DOMAIN.md §5). */
export const WEEKEND_TRANSFER_RULE: LawRule = {
  id: 'R-CAL-WEEKEND-TRANSFER',
  text: {
    kk: 'Демалыс күні мен мереке күні сәйкес келсе, мерекеден кейінгі келесі жұмыс күні демалыс күні болып табылады (діни мерекелерден басқа: 7 қаңтар, Құрбан айт).',
    ru: 'При совпадении выходного и праздничного дней выходным днём является следующий после праздничного рабочий день (кроме религиозных праздников: 7 января, Курбан айт).',
    en: 'When a holiday falls on a day off, the next working day after the holiday is a day off (except the religious holidays: 7 January, Kurban Ait).',
  },
  source: `${HOLIDAYS_LAW_NAME}, Art. 5; ${LABOUR_CODE}, Art. 85 (verify)`,
  confidence: 'M',
  validFrom: '2002-01-01',
};

/** The government's power to move days off (DOMAIN.md §5: "yearly transfer days set by government decree"). */
export const DECREE_TRANSFER_RULE: LawRule = {
  id: 'R-CAL-DECREE-TRANSFER',
  text: {
    kk: 'Мереке күндері жұмыс уақытын ұтымды пайдалану үшін Үкімет демалыс күндерін басқа жұмыс күндеріне ауыстыра алады.',
    ru: 'В целях рационального использования рабочего времени в период праздничных дней Правительство вправе переносить выходные дни на другие рабочие дни.',
    en: 'To use working time rationally around holidays, the Government may move days off to other working days.',
  },
  source: `${LABOUR_CODE}, Art. 85(3) (verify)`,
  confidence: 'M',
  validFrom: '2016-01-01',
};

/**
 * Transfer decrees per year. A year missing here has no known decree; an entry with empty lists means
 * we looked and found none.
 */
export const TRANSFER_DECREES: readonly TransferDecree[] = [
  {
    year: 2024,
    // Saturday 4 May worked so that 7–9 May ran without a break.
    off: ['2024-05-08'],
    workingWeekendDays: ['2024-05-04'],
    source: 'Government decree of 2024, adilet.zan.kz G24G0000109 (verify the text)',
    confidence: 'M',
  },
  {
    year: 2025,
    // Sunday 5 January worked so that 1–4 January ran without a break.
    off: ['2025-01-03'],
    workingWeekendDays: ['2025-01-05'],
    source: 'Government decree of 2024, adilet.zan.kz G24G0000436 (verify the text)',
    confidence: 'M',
  },
  {
    year: 2026,
    // The official 2026 calendar (egov.kz) shows only statutory weekend transfers; a decree made later
    // in the year would be missed here.
    off: [],
    workingWeekendDays: [],
    source: 'No transfer decree found for 2026 (egov.kz holiday calendar; verify)',
    confidence: 'L',
  },
];

const transferName = (h: Names): Names => ({
  kk: `${h.kk} (ауыстырылған демалыс)`,
  ru: `${h.ru} (перенесённый выходной)`,
  en: `${h.en} (day off carried over)`,
});

const DECREE_NAME: Names = {
  kk: 'Ауыстырылған демалыс күні',
  ru: 'Перенесённый выходной день',
  en: 'Day off moved by government decree',
};

type YearCalendar = {
  nonWorking: ReadonlyMap<IsoDate, NonWorkingDay>;
  workingWeekendDays: ReadonlySet<IsoDate>;
};

const inForce = (h: FixedHoliday, year: number) =>
  (h.fromYear === undefined || year >= h.fromYear) && (h.toYear === undefined || year <= h.toYear);

const pad4 = (year: number) => String(year).padStart(4, '0');

const holidayDay = (
  date: IsoDate,
  holiday: HolidayId,
  name: Names,
  source: string,
  confidence: Confidence,
): NonWorkingDay => ({ date, reason: 'holiday', holiday, name, source, confidence });

/** The holidays of a year in date order, each with whether it moves a weekend day off. */
const holidaysOf = (year: number): { day: NonWorkingDay; transfers: boolean }[] => {
  const fromTable = FIXED_HOLIDAYS.filter((h) => inForce(h, year)).map((h) => ({
    day: holidayDay(`${pad4(year)}-${h.monthDay}`, h.id, h.name, h.source, h.confidence),
    transfers: !h.religious,
  }));
  const kurban = KURBAN_AIT.filter((k) => k.year === year).map((k) => ({
    day: holidayDay(k.date, 'kurban-ait', KURBAN_AIT_NAME, k.source, k.confidence),
    transfers: false,
  }));
  return [...fromTable, ...kurban].sort((a, b) => a.day.date.localeCompare(b.day.date));
};

/** The next weekday after `date` that is not already a day off. */
const nextFreeWeekday = (date: IsoDate, taken: ReadonlyMap<IsoDate, unknown>): IsoDate => {
  let day = addDays(date, 1);
  while (isWeekend(day) || taken.has(day)) day = addDays(day, 1);
  return day;
};

const buildYear = (year: number): YearCalendar => {
  const nonWorking = new Map<IsoDate, NonWorkingDay>();
  const decree = TRANSFER_DECREES.find((d) => d.year === year);
  const holidays = holidaysOf(year);
  for (const { day } of holidays) if (!nonWorking.has(day.date)) nonWorking.set(day.date, day);
  if (decree) {
    for (const date of decree.off) {
      nonWorking.set(date, {
        date,
        reason: 'decree',
        name: DECREE_NAME,
        source: decree.source,
        confidence: decree.confidence,
      });
    }
  }
  // In date order, so that a run of weekend holidays (Nauryz 2026: Sat, Sun, Mon) fills the following
  // weekdays one after another instead of all landing on the same day.
  for (const { day, transfers } of holidays) {
    if (!transfers || !isWeekend(day.date)) continue;
    const date = nextFreeWeekday(day.date, nonWorking);
    nonWorking.set(date, {
      date,
      reason: 'weekend-transfer',
      holiday: day.holiday,
      name: transferName(day.name),
      source: WEEKEND_TRANSFER_RULE.source,
      confidence: WEEKEND_TRANSFER_RULE.confidence,
    });
  }
  return { nonWorking, workingWeekendDays: new Set(decree?.workingWeekendDays ?? []) };
};

// Each year is derived once from constant data; holding it is safe and makes isWorkingDay O(1).
const years = new Map<number, YearCalendar>();

const yearCalendar = (year: number): YearCalendar => {
  let calendar = years.get(year);
  if (!calendar) {
    calendar = buildYear(year);
    years.set(year, calendar);
  }
  return calendar;
};

const yearOf = (date: IsoDate): number => {
  if (!isIsoDate(date)) throw new RangeError(`not a calendar date 'YYYY-MM-DD': ${JSON.stringify(date)}`);
  return Number(date.slice(0, 4));
};

/**
 * Whether a date is a working day in Kazakhstan (five-day week): Monday–Friday and neither a holiday,
 * nor a day off carried over from a weekend holiday (WEEKEND_TRANSFER_RULE), nor a day off moved by
 * decree; or a weekend day that a decree made working (DECREE_TRANSFER_RULE). DOMAIN.md §5.
 * For a year without Kurban Ait or decree data the answer lacks those; see yearDataComplete.
 */
export const isWorkingDay = (date: IsoDate): boolean => {
  const calendar = yearCalendar(yearOf(date));
  if (calendar.workingWeekendDays.has(date)) return true;
  return !isWeekend(date) && !calendar.nonWorking.has(date);
};

/**
 * Every day of a year that is not worked for a reason other than being an ordinary Saturday or Sunday:
 * holidays (on whatever weekday they fall), carried-over days off and days off moved by decree, in
 * date order, each with its citation.
 */
export const nonWorkingDaysIn = (year: number): NonWorkingDay[] =>
  // Copies, so that a caller editing its list cannot change the cached year.
  [...yearCalendar(year).nonWorking.values()]
    .map((day) => ({ ...day, name: { ...day.name } }))
    .sort((a, b) => a.date.localeCompare(b.date));

/** Weekend days a decree made working in a year (for the UI: "Saturday 4 May is a working day"). */
export const workingWeekendDaysIn = (year: number): IsoDate[] =>
  [...yearCalendar(year).workingWeekendDays].sort();

/**
 * Whether both per-year inputs are known for a year: the date of Kurban Ait and the transfer decree
 * (or the knowledge that there is none). When false, working-day counts may be off by a day or two;
 * the UI should say so.
 */
export const yearDataComplete = (year: number): boolean =>
  KURBAN_AIT.some((k) => k.year === year) && TRANSFER_DECREES.some((d) => d.year === year);
