// Deadlines of the case lifecycle: reply to a proposal to mediate (R-MED-10, 10 calendar days),
// out-of-court mediation (R-MED-11, 30 + up to 30 calendar days), conciliation at claim acceptance
// (R-CPC-02, 10 working days). Computed on calendar dates in Kazakhstan (DOMAIN.md §5).
import type { LawRule } from '../law/types.ts';
import { addDays, daysBetween, endOfDay, type IsoDate, kzDate } from './dates.ts';
import { isWorkingDay } from './holidays.ts';

/** How a period in days is computed, as an administrator sees it (DOMAIN.md §5 "Periods", M). */
export const PERIOD_RULE: LawRule = {
  id: 'R-CAL-PERIOD',
  text: {
    kk: 'Күнмен есептелетін мерзім оқиғадан кейінгі күннен басталады және соңғы күнінің сағат 24:00-інде аяқталады; соңғы күн жұмыс күні болмаса, мерзім одан кейінгі бірінші жұмыс күні аяқталады.',
    ru: 'Срок, исчисляемый днями, начинается на следующий день после события и истекает в 24 часа последнего дня; если последний день срока нерабочий, днём окончания срока считается ближайший следующий за ним рабочий день.',
    en: 'A period in days starts on the day after the event and ends at 24:00 of its last day; when the last day is not a working day, the period ends on the next working day.',
  },
  source: 'Civil Code of the Republic of Kazakhstan (General Part), Arts. 171–174 (verify article numbers)',
  confidence: 'M',
  validFrom: '1995-03-01',
};

const requireCount = (n: number, min: number, what: string) => {
  if (!Number.isInteger(n) || n < min) throw new RangeError(`${what} must be a whole number ≥ ${min}: ${n}`);
};

/** The first working day on or after a date. */
const workingDayFrom = (date: IsoDate): IsoDate => {
  let day = date;
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
};

/**
 * The last day of a period of `days` calendar days that starts the day after `eventDate`
 * (DOMAIN.md §5, PERIOD_RULE): eventDate + days, moved forward to the next working day when that
 * day is a weekend day, a holiday or a day off. Used for the reply window to a proposal to mediate
 * (R-MED-10, 10 days) and the term of out-of-court mediation (R-MED-11, 30 days, extension ≤ 30).
 * Example: proposal sent 2026-11-24, 10 days → Friday 2026-12-04.
 */
export const periodEnd = (eventDate: IsoDate, days: number): IsoDate => {
  requireCount(days, 1, 'a period in days');
  return workingDayFrom(addDays(eventDate, days));
};

/**
 * The instant a period of `days` days from `eventDate` has run out: 24:00 Kazakhstan time of its
 * last day (DOMAIN.md §5, PERIOD_RULE; R-MED-10, R-MED-11). An act done before this instant is in time.
 */
export const periodDeadline = (eventDate: IsoDate, days: number): Date =>
  endOfDay(periodEnd(eventDate, days));

/**
 * The n-th working day after `date`, so that exactly n working days lie in (date, result]; `date`
 * itself never counts, working or not. For R-CPC-02: claim acceptance with conciliation takes 10
 * working days. n = 0 returns `date` unchanged.
 */
export const addWorkingDays = (date: IsoDate, n: number): IsoDate => {
  requireCount(n, 0, 'a number of working days');
  let day = date;
  for (let counted = 0; counted < n; counted += 1) day = workingDayFrom(addDays(day, 1));
  return day;
};

/**
 * Whole calendar days left after today (in Kazakhstan time, DOMAIN.md §5) until the last day of a
 * period: on the day a 30-day term starts, 30; on the last day itself, 0 ("ends today"); and 0 once
 * it has run out. Takes the date from periodEnd. Shown for R-MED-10 and R-MED-11 countdowns.
 */
export const daysLeft = (now: Date, deadline: IsoDate): number =>
  Math.max(0, daysBetween(kzDate(now), deadline));
