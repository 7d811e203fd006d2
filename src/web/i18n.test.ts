import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, kazakhDate, localeFromNavigator } from './i18n.ts';

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
