import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, endOfDay } from './dates.ts';
import { isWorkingDay } from './holidays.ts';
import { addWorkingDays, daysLeft, periodDeadline, periodEnd } from './periods.ts';

const isoDate = fc
  .date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2031-06-30T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** Working days in (from, to], counted one by one. */
const workingDaysIn = (from: string, to: string) => {
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (isWorkingDay(day)) count += 1;
  return count;
};

describe('periodEnd (DOMAIN.md §5; R-MED-10, R-MED-11)', () => {
  it.each([
    // R-MED-10: proposal sent Tuesday 24 Nov 2026, 10 days → Friday 4 Dec.
    ['2026-11-24', 10, '2026-12-04'],
    // Last day Saturday 5 Dec → Monday 7 Dec.
    ['2026-11-25', 10, '2026-12-07'],
    // Last day Saturday 21 Mar 2026: Nauryz and its carried-over days run to Wednesday 25 → Thursday 26.
    ['2026-03-11', 10, '2026-03-26'],
    // R-MED-11: 30 days from a contract of 19 Feb 2026 lands on the same Saturday.
    ['2026-02-19', 30, '2026-03-26'],
    // Last day Saturday 2 Jan 2027 → Sunday → Monday 4 Jan is off → Tuesday 5 Jan.
    ['2026-12-23', 10, '2027-01-05'],
    // Last day Independence Day, a Wednesday → Thursday.
    ['2026-12-06', 10, '2026-12-17'],
    // Last day a decree-worked Saturday stays put.
    ['2024-04-24', 10, '2024-05-04'],
  ])('%s + %i days ends %s', (event, days, end) => {
    expect(periodEnd(event, days)).toBe(end);
  });

  it('refuses a period that is not a whole positive number of days', () => {
    for (const days of [0, -1, 1.5, Number.NaN])
      expect(() => periodEnd('2026-11-24', days)).toThrow(RangeError);
  });

  it('never ends before eventDate + days, always on a working day, and only skips non-working days', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 1, max: 60 }), (event, days) => {
        const end = periodEnd(event, days);
        const nominal = addDays(event, days);
        expect(daysBetween(nominal, end)).toBeGreaterThanOrEqual(0);
        expect(isWorkingDay(end)).toBe(true);
        for (let day = nominal; day < end; day = addDays(day, 1)) expect(isWorkingDay(day)).toBe(false);
      }),
    );
  });
});

describe('periodDeadline', () => {
  it('is 24:00 Kazakhstan time of the last day', () => {
    expect(periodDeadline('2026-11-24', 10).toISOString()).toBe('2026-12-04T19:00:00.000Z');
    expect(periodDeadline('2026-11-25', 10).toISOString()).toBe('2026-12-07T19:00:00.000Z');
  });
});

describe('addWorkingDays (R-CPC-02: 10 working days)', () => {
  it.each([
    // Thursday 19 Mar 2026: Friday 20 is the 1st, then Nauryz 21–25, Thursday 26 is the 2nd … Tuesday 7 Apr the 10th.
    ['2026-03-19', 10, '2026-04-07'],
    ['2026-03-20', 1, '2026-03-26'],
    ['2026-12-15', 1, '2026-12-17'],
    // Friday 3 May 2024 → the decree-worked Saturday 4 May.
    ['2024-05-03', 1, '2024-05-04'],
    // From a non-working day: the day itself does not count.
    ['2026-03-21', 1, '2026-03-26'],
    ['2026-03-21', 0, '2026-03-21'],
  ])('%s + %i working days = %s', (date, n, expected) => {
    expect(addWorkingDays(date, n)).toBe(expected);
  });

  it('refuses a negative or fractional count', () => {
    expect(() => addWorkingDays('2026-03-19', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-03-19', 2.5)).toThrow(RangeError);
  });

  it('lands on a working day with exactly n working days in (date, result]', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 1, max: 40 }), (date, n) => {
        const result = addWorkingDays(date, n);
        expect(isWorkingDay(result)).toBe(true);
        expect(workingDaysIn(date, result)).toBe(n);
      }),
    );
  });
});

describe('daysLeft: whole days left after today, in Kazakhstan time', () => {
  it.each([
    ['2026-11-24T09:00:00.000Z', 10], // sent on 24 Nov: the ten days 25 Nov … 4 Dec are ahead
    ['2026-11-24T19:00:00.000Z', 9], // 25 Nov local
    ['2026-12-03T12:00:00.000Z', 1],
    ['2026-12-04T03:00:00.000Z', 0], // the last day itself
    ['2026-12-04T19:00:00.000Z', 0], // 00:00 local the next day: run out
    ['2027-06-01T00:00:00.000Z', 0],
  ])('at %s, %i days left until 2026-12-04', (now, left) => {
    expect(daysLeft(new Date(now), '2026-12-04')).toBe(left);
  });

  it('on the day of the event, a period of N days has N days left', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 1, max: 60 }), (event, days) => {
        const end = periodEnd(event, days);
        expect(daysLeft(endOfDay(event), end)).toBeGreaterThanOrEqual(days - 1);
        expect(daysLeft(new Date(endOfDay(event).getTime() - 1), end)).toBeGreaterThanOrEqual(days);
      }),
    );
  });
});
