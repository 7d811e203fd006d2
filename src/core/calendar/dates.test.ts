import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, endOfDay, isIsoDate, isWeekend, kzDate, weekday } from './dates.ts';

// An oracle independent of our offset table: the runtime's tzdata (DOMAIN.md §5 needs 2024a or newer).
const almatyDate = (instant: Date) => {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: 'Asia/Almaty',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
};

// Dates generated without the code under test.
const isoDate = (min: string, max: string) =>
  fc
    .date({ min: new Date(`${min}T00:00:00Z`), max: new Date(`${max}T00:00:00Z`), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

describe('kzDate (DOMAIN.md §5: UTC+5 since 2024-03-01, Almaty UTC+6 before)', () => {
  it.each([
    ['2026-03-10T18:59:59.999Z', '2026-03-10'],
    ['2026-03-10T19:00:00.000Z', '2026-03-11'],
    ['2026-12-31T19:00:00.000Z', '2027-01-01'],
    ['2023-06-01T17:59:59.999Z', '2023-06-01'],
    ['2023-06-01T18:00:00.000Z', '2023-06-02'],
    // The switch night: 00:00 at +6 became 23:00 at +5, so 29 February lasted until 19:00 UTC.
    ['2024-02-29T17:59:59.999Z', '2024-02-29'],
    ['2024-02-29T18:00:00.000Z', '2024-02-29'],
    ['2024-02-29T18:59:59.999Z', '2024-02-29'],
    ['2024-02-29T19:00:00.000Z', '2024-03-01'],
  ])('%s is %s in Kazakhstan', (instant, date) => {
    expect(kzDate(new Date(instant))).toBe(date);
  });

  it("agrees with the runtime's Asia/Almaty for instants since 2005 (no summer time since then)", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2005-01-01T00:00:00Z'),
          max: new Date('2060-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        (instant) => {
          expect(kzDate(instant)).toBe(almatyDate(instant));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('refuses an invalid Date', () => {
    expect(() => kzDate(new Date('nonsense'))).toThrow(RangeError);
  });
});

describe('addDays, daysBetween, weekday', () => {
  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-02-28', 1, '2025-03-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-11-24', 10, '2026-12-04'],
    ['2026-11-24', 0, '2026-11-24'],
  ])('%s + %i days = %s', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
    expect(daysBetween(date, expected)).toBe(n);
  });

  it('counts across the 25-hour local day of the zone switch as one day', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
  });

  it.each([
    ['2026-03-21', 6],
    ['2026-03-22', 7],
    ['2026-03-23', 1],
    ['2026-12-04', 5],
    ['2026-12-16', 3],
    ['2027-01-01', 5],
  ] as const)('%s is weekday %i', (date, day) => {
    expect(weekday(date)).toBe(day);
    expect(isWeekend(date)).toBe(day >= 6);
  });

  it('is consistent: round trips, and the weekday advances by one each day', () => {
    fc.assert(
      fc.property(isoDate('1900-01-01', '2200-12-31'), fc.integer({ min: -5000, max: 5000 }), (date, n) => {
        const later = addDays(date, n);
        expect(daysBetween(date, later)).toBe(n);
        expect(addDays(later, -n)).toBe(date);
        expect(weekday(addDays(date, 1))).toBe((weekday(date) % 7) + 1);
      }),
    );
  });

  it('refuses what is not a calendar date, and fractional days', () => {
    for (const bad of ['2026-02-30', '2026-1-1', '2026-13-01', '', '2026-03-10T00:00']) {
      expect(isIsoDate(bad)).toBe(false);
      expect(() => addDays(bad, 1)).toThrow(RangeError);
      expect(() => weekday(bad)).toThrow(RangeError);
    }
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(() => addDays('2026-03-10', 1.5)).toThrow(RangeError);
  });
});

describe('endOfDay: 24:00 of the date in Kazakhstan', () => {
  it.each([
    ['2026-12-04', '2026-12-04T19:00:00.000Z'],
    ['2023-06-01', '2023-06-01T18:00:00.000Z'],
    ['2024-02-28', '2024-02-28T18:00:00.000Z'],
    ['2024-02-29', '2024-02-29T19:00:00.000Z'],
    ['2024-03-01', '2024-03-01T19:00:00.000Z'],
  ])('%s ends at %s', (date, instant) => {
    expect(endOfDay(date).toISOString()).toBe(instant);
  });

  it('is the first instant of the next day: the millisecond before still belongs to the date', () => {
    fc.assert(
      fc.property(isoDate('2005-01-01', '2060-12-31'), (date) => {
        const end = endOfDay(date);
        expect(kzDate(end)).toBe(addDays(date, 1));
        expect(kzDate(new Date(end.getTime() - 1))).toBe(date);
        expect(almatyDate(new Date(end.getTime() - 1))).toBe(date);
      }),
    );
  });
});
