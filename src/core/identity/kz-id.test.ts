import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { completeKzId, isValidBin, isValidIin, kzCheckDigit, parseIin } from './kz-id.ts';

describe('IIN/BIN check digit (DOMAIN.md §2)', () => {
  it('computes the first-pass weighted remainder', () => {
    // 1*9+2*0+3*0+4*5+5*1+6*5+7*3+8*0+9*0+10*1+11*2 = 117 → 117 mod 11 = 7
    expect(kzCheckDigit('90051530012')).toBe(7);
    expect(isValidIin('900515300127')).toBe(true);
  });

  it('falls back to the second weights when the first remainder is 10', () => {
    // first pass: 8+16+0+4+0+6+21+0+0+10+11 = 76 → 76 mod 11 = 10;
    // second pass: 24+32+0+7+0+9+30+0+0+1+2 = 100 → 100 mod 11 = 1
    expect(kzCheckDigit('88010130011')).toBe(1);
    expect(isValidIin('880101300111')).toBe(true);
  });

  it('refuses a wrong check digit, a wrong length and non-digits', () => {
    expect(isValidIin('900515300128')).toBe(false);
    expect(isValidIin('90051530012')).toBe(false);
    expect(isValidIin('90051530012a')).toBe(false);
  });

  it('reads birth date and sex from an IIN', () => {
    expect(parseIin('900515300127')).toEqual({ birthDate: '1990-05-15', sex: 'male' });
  });

  it('refuses an IIN whose date does not exist', () => {
    const feb30 = completeKzId('90023030001');
    expect(feb30).not.toBeNull();
    expect(isValidIin(feb30 as string)).toBe(false);
  });

  it('accepts a BIN of a resident legal entity and refuses a bad month', () => {
    const bin = completeKzId('05014000012') as string;
    expect(isValidBin(bin)).toBe(true);
    const badMonth = completeKzId('05134000012');
    if (badMonth) expect(isValidBin(badMonth)).toBe(false);
  });

  it('every completed number validates and any single-digit change of the check digit breaks it', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{11}$/), fc.integer({ min: 1, max: 9 }), (first11, delta) => {
        const full = completeKzId(first11);
        if (full === null) return;
        const wrong = `${first11}${(Number(full[11]) + delta) % 10}`;
        expect(kzCheckDigit(first11)).toBe(Number(full[11]));
        expect(kzCheckDigit(wrong.slice(0, 11))).not.toBe(Number(wrong[11]));
      }),
    );
  });
});
