import { describe, expect, it } from 'vitest';
import { parsePercent, parseTenge, percentToInput, tiynToInput } from './money.ts';

describe('tenge typed → tiyn stored (integers, never through a float)', () => {
  it('reads whole tenge with spaces and no-break spaces between the groups', () => {
    expect(parseTenge('150 000', 'kk')).toBe(15_000_000);
    expect(parseTenge('1\u00a0500\u00a0000', 'ru')).toBe(150_000_000);
    expect(parseTenge(' 7 ', 'en')).toBe(700);
    expect(parseTenge('150000 ₸', 'kk')).toBe(15_000_000);
    expect(parseTenge('2 000 тг', 'ru')).toBe(200_000);
  });

  it('reads tiyn after a comma or a point in Kazakh and Russian', () => {
    expect(parseTenge('150 000,50', 'kk')).toBe(15_000_050);
    expect(parseTenge('0,29', 'ru')).toBe(29);
    expect(parseTenge('0.29', 'kk')).toBe(29);
    expect(parseTenge('1,5', 'ru')).toBe(150);
    // 0.29 * 100 is 28.999999999999996 as a float: the digits are taken as they are.
    expect(parseTenge('1234567,29', 'kk')).toBe(123_456_729);
  });

  it('reads commas as groups and a point as the decimal mark in English', () => {
    expect(parseTenge('1,500,000.50', 'en')).toBe(150_000_050);
    expect(parseTenge('0.07', 'en')).toBe(7);
  });

  it('refuses what is not a sum', () => {
    for (const text of ['', '  ', 'abc', '12.3.4', '1,2,3', '-5', '1e5', '10,5,0'])
      expect(parseTenge(text, 'kk'), text).toBeNull();
    expect(parseTenge('1,234', 'kk')).toBeNull(); // three decimals: not tiyn
    expect(parseTenge('12345678901234', 'kk')).toBeNull(); // above the contract's maximum
  });

  it('writes tiyn back as an input reads it, and round-trips', () => {
    expect(tiynToInput(15_000_050, 'kk')).toBe('150000,50');
    expect(tiynToInput(15_000_000, 'ru')).toBe('150000');
    expect(tiynToInput(7, 'en')).toBe('0.07');
    expect(tiynToInput(0, 'kk')).toBe('');
    for (const tiyn of [1, 29, 100, 4_500_000_00, 123_456_789_01])
      for (const locale of ['kk', 'ru', 'en'] as const)
        expect(parseTenge(tiynToInput(tiyn, locale), locale)).toBe(tiyn);
  });
});

describe('percent shares', () => {
  it('reads 0–100 with a comma or point, refuses the rest', () => {
    expect(parsePercent('50')).toBe(50);
    expect(parsePercent('33,5')).toBe(33.5);
    expect(parsePercent('100 %')).toBe(100);
    expect(parsePercent('101')).toBeNull();
    expect(parsePercent('x')).toBeNull();
    expect(percentToInput(33.5, 'kk')).toBe('33,5');
    expect(percentToInput(33.5, 'en')).toBe('33.5');
  });
});
