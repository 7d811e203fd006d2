import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatMoney,
  formatNumber,
  formatPercent,
  kazakhDate,
  localeFromNavigator,
} from './i18n.ts';

describe('interface language of a first-time visitor', () => {
  it('is Kazakh unless the browser prefers Russian or English; the first of kk/ru/en wins', () => {
    expect(localeFromNavigator([])).toBe('kk');
    expect(localeFromNavigator(['de-DE', 'fr'])).toBe('kk');
    expect(localeFromNavigator(['ru-RU', 'en-US'])).toBe('ru');
    expect(localeFromNavigator(['en-GB', 'ru'])).toBe('en');
    expect(localeFromNavigator(['de', 'kk-KZ', 'ru'])).toBe('kk');
    expect(localeFromNavigator(['RU'])).toBe('ru');
  });
});

describe('dates in Kazakhstan time', () => {
  const moment = '2026-03-01T20:30:00.000Z'; // 2 March, 01:30 in Almaty (UTC+5)

  it('the Kazakh fallback (for browsers without kk date names) matches the CLDR long pattern', () => {
    expect(kazakhDate(moment, true)).toBe('2026 ж. 2 наурыз, 01:30');
    expect(kazakhDate(moment, false)).toBe('2026 ж. 2 наурыз');
    // Node has full ICU: the native formatting and the fallback agree.
    expect(formatDateTime(moment, 'kk')).toBe(kazakhDate(moment, true));
    expect(formatDate(moment, 'kk')).toBe(kazakhDate(moment, false));
  });

  it('Russian and English use Intl with the Almaty time zone', () => {
    expect(formatDate(moment, 'ru')).toBe('2 марта 2026 г.');
    expect(formatDate(moment, 'en')).toBe('March 2, 2026');
  });
});

describe('money and numbers', () => {
  it('writes tenge after the amount in kk and ru, with Kazakhstan grouping and decimal comma', () => {
    const plain = (text: string) => text.replace(/\s/g, ' ');
    expect(plain(formatMoney(12000, 'kk'))).toBe('12 000 ₸');
    expect(plain(formatMoney(12000, 'ru'))).toBe('12 000 ₸');
    expect(formatMoney(12000, 'en')).toBe('₸12,000');
    expect(formatNumber(4.5, 'kk')).toBe('4,5');
    expect(formatNumber(4.5, 'en')).toBe('4.5');
    expect(formatPercent(0.675, 'kk')).toBe('68%');
    expect(plain(formatPercent(0.675, 'ru'))).toBe('68 %');
    expect(formatPercent(0.675, 'en')).toBe('68%');
  });
});
