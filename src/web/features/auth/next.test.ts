import { describe, expect, it } from 'vitest';
import { loginPath, safeNext } from './next.ts';
import { checkBin, checkIin, checkPhone, digitsOnly } from './validation.ts';

describe('where a login leads afterwards', () => {
  it('only to a path inside this site', () => {
    expect(safeNext('/profile')).toBe('/profile');
    expect(safeNext('/invitation?token=abc')).toBe('/invitation?token=abc');
    expect(safeNext(null)).toBe('/');
    expect(safeNext('https://evil.example/')).toBe('/');
    expect(safeNext('//evil.example/')).toBe('/');
    expect(safeNext('/\\evil.example/')).toBe('/');
  });

  it('keeps the page asked for in next=', () => {
    expect(loginPath('/profile')).toBe('/login?next=%2Fprofile');
    expect(loginPath('/')).toBe('/login');
  });
});

describe('quick checks in the browser', () => {
  it('accept what the server accepts', () => {
    expect(checkIin('900102 300 121', true)).toBe(checkIin('900102300121', true));
    expect(checkIin('', false)).toBeNull();
    expect(checkIin('', true)).toBe('required');
    expect(checkIin('123456789012', true)).toBe('iin_invalid');
    expect(checkBin('123456789012')).toBe('bin_invalid');
    expect(checkPhone('+7 (701) 123-45-67')).toBeNull();
    expect(checkPhone('')).toBeNull();
    expect(checkPhone('87011234567')).toBe('phone_invalid');
    expect(digitsOnly('05 01 40 00 01 2-3')).toBe('050140000123');
  });
});
