import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isWeekend } from './dates.ts';
import {
  DECREE_TRANSFER_RULE,
  FIXED_HOLIDAYS,
  isWorkingDay,
  KURBAN_AIT,
  nonWorkingDaysIn,
  TRANSFER_DECREES,
  WEEKEND_TRANSFER_RULE,
  workingWeekendDaysIn,
  yearDataComplete,
} from './holidays.ts';

const summary = (year: number) => nonWorkingDaysIn(year).map((d) => `${d.date} ${d.reason}`);

describe('non-working days per year (DOMAIN.md §5)', () => {
  it('2026: statutory transfers only, and no Constitution Day on 30 August', () => {
    // Cross-checked against the egov.kz calendar for 2026 as reported in the press (five-day week).
    expect(summary(2026)).toEqual([
      '2026-01-01 holiday',
      '2026-01-02 holiday',
      '2026-01-07 holiday',
      '2026-03-08 holiday',
      '2026-03-09 weekend-transfer',
      '2026-03-21 holiday',
      '2026-03-22 holiday',
      '2026-03-23 holiday',
      '2026-03-24 weekend-transfer',
      '2026-03-25 weekend-transfer',
      '2026-05-01 holiday',
      '2026-05-07 holiday',
      '2026-05-09 holiday',
      '2026-05-11 weekend-transfer',
      '2026-05-27 holiday',
      '2026-07-06 holiday',
      '2026-10-25 holiday',
      '2026-10-26 weekend-transfer',
      '2026-12-16 holiday',
    ]);
  });

  it('2025: the decree moved Sunday 5 January onto Friday 3 January', () => {
    expect(summary(2025)).toEqual([
      '2025-01-01 holiday',
      '2025-01-02 holiday',
      '2025-01-03 decree',
      '2025-01-07 holiday',
      '2025-03-08 holiday',
      '2025-03-10 weekend-transfer',
      '2025-03-21 holiday',
      '2025-03-22 holiday',
      '2025-03-23 holiday',
      '2025-03-24 weekend-transfer',
      '2025-03-25 weekend-transfer',
      '2025-05-01 holiday',
      '2025-05-07 holiday',
      '2025-05-09 holiday',
      '2025-06-06 holiday',
      '2025-07-06 holiday',
      '2025-07-07 weekend-transfer',
      '2025-08-30 holiday',
      '2025-09-01 weekend-transfer',
      '2025-10-25 holiday',
      '2025-10-27 weekend-transfer',
      '2025-12-16 holiday',
    ]);
    expect(workingWeekendDaysIn(2025)).toEqual(['2025-01-05']);
  });

  it('2024: the decree moved Saturday 4 May onto Wednesday 8 May', () => {
    expect(summary(2024)).toEqual([
      '2024-01-01 holiday',
      '2024-01-02 holiday',
      '2024-01-07 holiday',
      '2024-03-08 holiday',
      '2024-03-21 holiday',
      '2024-03-22 holiday',
      '2024-03-23 holiday',
      '2024-03-25 weekend-transfer',
      '2024-05-01 holiday',
      '2024-05-07 holiday',
      '2024-05-08 decree',
      '2024-05-09 holiday',
      '2024-06-16 holiday',
      '2024-07-06 holiday',
      '2024-07-08 weekend-transfer',
      '2024-08-30 holiday',
      '2024-10-25 holiday',
      '2024-12-16 holiday',
    ]);
  });

  it('names the holiday a carried-over day off makes up for, and cites the rule', () => {
    const day = nonWorkingDaysIn(2026).find((d) => d.date === '2026-03-25');
    expect(day).toMatchObject({ holiday: 'nauryz', reason: 'weekend-transfer', confidence: 'M' });
    expect(day?.source).toMatch(/Art\. 85/);
    expect(day?.name.ru).toMatch(/Наурыз/);
  });
});

describe('isWorkingDay', () => {
  it.each([
    // Nauryz 2026 falls Sat–Mon: Saturday and Sunday each give a weekday off, Tuesday and Wednesday.
    ['2026-03-20', true],
    ['2026-03-21', false],
    ['2026-03-22', false],
    ['2026-03-23', false],
    ['2026-03-24', false],
    ['2026-03-25', false],
    ['2026-03-26', true],
    // Independence Day 2026 is a Wednesday: only that day.
    ['2026-12-15', true],
    ['2026-12-16', false],
    ['2026-12-17', true],
    // New Year 2027: Friday and Saturday; Saturday's holiday gives Monday 4 January off.
    ['2026-12-31', true],
    ['2027-01-01', false],
    ['2027-01-04', false],
    ['2027-01-05', true],
    ['2027-01-07', false],
    // Religious holidays on a weekend move nothing: Kurban Ait 2024 and 2027 were/are Sundays.
    ['2024-06-17', true],
    ['2027-05-17', true],
    // 7 January 2029 is a Sunday (fallback year, fixed holidays only).
    ['2029-01-08', true],
    // Weekend days worked by decree, and the weekdays given off for them.
    ['2024-05-04', true],
    ['2024-05-08', false],
    ['2025-01-05', true],
    ['2025-01-03', false],
    // Constitution Day: 30 August 2026 (Sunday) no longer gives Monday off; 15 March from 2027.
    ['2026-08-31', true],
    ['2027-03-15', false],
    ['2027-08-30', true],
    // An ordinary week.
    ['2026-06-10', true],
    ['2026-06-13', false],
  ])('%s → %s', (date, working) => {
    expect(isWorkingDay(date)).toBe(working);
  });

  it('falls back to fixed holidays and the weekend rule in a year without data', () => {
    expect(yearDataComplete(2030)).toBe(false);
    expect(yearDataComplete(2027)).toBe(false);
    expect(yearDataComplete(2025)).toBe(true);
    // 2030: Nauryz 21–23 March is Thursday–Saturday → Monday 25 off; Kurban Ait unknown.
    expect(summary(2030)).toContain('2030-03-25 weekend-transfer');
    expect(nonWorkingDaysIn(2030).some((d) => d.holiday === 'kurban-ait')).toBe(false);
  });

  it('keeps every Saturday and Sunday off unless a decree made it working', () => {
    const worked = new Set(TRANSFER_DECREES.flatMap((d) => d.workingWeekendDays));
    fc.assert(
      fc.property(
        fc
          .date({
            min: new Date('2024-01-01T00:00:00Z'),
            max: new Date('2031-12-31T00:00:00Z'),
            noInvalidDate: true,
          })
          .map((d) => d.toISOString().slice(0, 10)),
        (date) => {
          if (isWeekend(date)) expect(isWorkingDay(date)).toBe(worked.has(date));
        },
      ),
    );
  });

  it('refuses what is not a calendar date', () => {
    expect(() => isWorkingDay('2026-02-30')).toThrow(RangeError);
  });
});

describe('holiday data', () => {
  it('is well formed: real dates, decree days in their year, off on weekdays, worked on weekends', () => {
    for (const h of FIXED_HOLIDAYS) expect(isWorkingDay(`2028-${h.monthDay}`)).toBeTypeOf('boolean');
    for (const k of KURBAN_AIT) expect(k.date.startsWith(`${k.year}-`)).toBe(true);
    for (const d of TRANSFER_DECREES) {
      for (const off of d.off) expect([off.slice(0, 4), isWeekend(off)]).toEqual([String(d.year), false]);
      for (const on of d.workingWeekendDays)
        expect([on.slice(0, 4), isWeekend(on)]).toEqual([String(d.year), true]);
    }
  });

  it('asks administrators to verify every entry of M or L confidence', () => {
    const all = [
      ...FIXED_HOLIDAYS,
      ...KURBAN_AIT,
      ...TRANSFER_DECREES,
      WEEKEND_TRANSFER_RULE,
      DECREE_TRANSFER_RULE,
    ];
    for (const x of all.filter((e) => e.confidence !== 'H')) expect(x.source).toMatch(/verify/);
    expect(KURBAN_AIT.find((k) => k.year === 2027)?.confidence).toBe('L');
  });
});
