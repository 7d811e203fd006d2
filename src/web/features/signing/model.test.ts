import { describe, expect, it } from 'vitest';
import {
  decisionBody,
  formatTiyn,
  fromBase64,
  normalizeHash,
  parseTenge,
  pdfFileProblem,
  refundParams,
  toHex,
  VERIFY_MAX_BYTES,
} from './model.ts';
import { toBase64 } from './ncalayer.ts';

// Intl puts non-breaking spaces between groups and before ₸: compare with plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('base64', () => {
  it('decodes what toBase64 encodes, byte for byte, for every byte value and large inputs', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect([...fromBase64(toBase64(all))]).toEqual([...all]);
    const big = Uint8Array.from({ length: 100_003 }, (_, i) => (i * 31) % 256);
    expect(fromBase64(toBase64(big))).toEqual(big);
  });

  it('accepts URL-safe base64, missing padding and line breaks', () => {
    expect([...fromBase64('-_8')]).toEqual([0xfb, 0xff]);
    expect([...fromBase64('+/8=')]).toEqual([0xfb, 0xff]);
    expect(new TextDecoder().decode(fromBase64('a2Vs\naXNpbQ'))).toBe('kelisim');
  });

  it('writes hex in lower case, two digits a byte', () => {
    expect(toHex(Uint8Array.of(0, 15, 255))).toBe('000fff');
  });
});

describe('normalizeHash', () => {
  const hash = 'ab'.repeat(32);
  it('takes the hex in any case, with spaces or colons, or the QR link', () => {
    expect(normalizeHash(hash.toUpperCase())).toBe(hash);
    expect(normalizeHash(`  ${hash.match(/.{8}/g)?.join(' ')} `)).toBe(hash);
    expect(normalizeHash(hash.match(/.{2}/g)?.join(':') ?? '')).toBe(hash);
    expect(normalizeHash(`https://kelisim.kz/verify/${hash}`)).toBe(hash);
    expect(normalizeHash(`https://kelisim.kz/verify/${hash}/?from=qr`)).toBe(hash);
  });
  it('refuses anything else', () => {
    expect(normalizeHash('')).toBeNull();
    expect(normalizeHash(hash.slice(1))).toBeNull();
    expect(normalizeHash(`${hash}0`)).toBeNull();
    expect(normalizeHash('g'.repeat(64))).toBeNull();
  });
});

describe('pdfFileProblem', () => {
  it('accepts a PDF up to 30 MB, also without a type when the name says .pdf', () => {
    expect(pdfFileProblem({ name: 'a.pdf', size: 10, type: 'application/pdf' })).toBeNull();
    expect(pdfFileProblem({ name: 'A.PDF', size: VERIFY_MAX_BYTES, type: '' })).toBeNull();
  });
  it('refuses empty, too large and other files', () => {
    expect(pdfFileProblem({ name: 'a.pdf', size: 0, type: 'application/pdf' })).toBe('empty');
    expect(pdfFileProblem({ name: 'a.pdf', size: VERIFY_MAX_BYTES + 1, type: 'application/pdf' })).toBe(
      'too_large',
    );
    expect(pdfFileProblem({ name: 'a.docx', size: 5, type: 'application/msword' })).toBe('not_pdf');
    expect(pdfFileProblem({ name: 'scan', size: 5, type: '' })).toBe('not_pdf');
  });
});

describe('parseTenge', () => {
  it('reads sums as people write them, into tiyn', () => {
    expect(parseTenge('12000')).toBe(1_200_000);
    expect(parseTenge('12 000')).toBe(1_200_000);
    expect(parseTenge('12\u00a0000,5')).toBe(1_200_050);
    expect(parseTenge('12 000.05 ₸')).toBe(1_200_005);
    expect(parseTenge('0')).toBe(0);
    expect(parseTenge('  ')).toBeNull();
  });
  it('refuses what is not a sum', () => {
    for (const input of ['-5', '1,234', '12.345', 'abc', '1e5', '12,000.50'])
      expect(parseTenge(input), input).toBe('invalid');
  });
});

describe('formatTiyn and refunds (R-CPC-06)', () => {
  it('shows whole tenge without tiyn and tiyn when there are some', () => {
    expect(plain(formatTiyn(1_200_000, 'ru'))).toBe('12 000 ₸');
    expect(plain(formatTiyn(1_200_000, 'kk'))).toBe('12 000 ₸');
    expect(formatTiyn(1_200_000, 'en')).toBe('₸12,000');
    expect(plain(formatTiyn(50_050, 'ru'))).toBe('500,50 ₸');
    expect(formatTiyn(50_050, 'en')).toBe('₸500.50');
  });

  it('a full refund in the first instance and half of the cassation fee', () => {
    expect(refundParams({ stateFeeTiyn: 3_450_000, refundTiyn: 3_450_000, percent: 100 }, 'en')).toEqual({
      refund: '₸34,500',
      fee: '₸34,500',
      percent: '100%',
    });
    const cassation = refundParams({ stateFeeTiyn: 100_100, refundTiyn: 50_050, percent: 50 }, 'ru');
    expect(plain(cassation.refund)).toBe('500,50 ₸');
    expect(plain(cassation.fee)).toBe('1 001 ₸');
    expect(plain(cassation.percent)).toBe('50 %');
    expect(refundParams({ stateFeeTiyn: 100, refundTiyn: 50, percent: 50 }, 'kk').percent).toBe('50%');
  });
});

describe('decisionBody', () => {
  const messages = { required: 'required', feeInvalid: 'fee', reasonShort: 'short' };
  const base = { rulingNumber: ' 2-123/2026 ', rulingDate: '2026-11-20', stateFee: '', reason: '' };

  it('approval: ruling number and date, the fee in tiyn when given', () => {
    expect(decisionBody({ ...base, decision: 'approve', stateFee: '34 500' }, messages)).toEqual({
      body: {
        decision: 'approve',
        rulingNumber: '2-123/2026',
        rulingDate: '2026-11-20',
        stateFeeTiyn: 3_450_000,
      },
    });
    expect(decisionBody({ ...base, decision: 'approve' }, messages)).toEqual({
      body: { decision: 'approve', rulingNumber: '2-123/2026', rulingDate: '2026-11-20' },
    });
  });

  it('approval: names every missing or wrong field at once', () => {
    expect(
      decisionBody(
        { ...base, decision: 'approve', rulingNumber: ' ', rulingDate: '', stateFee: 'x' },
        messages,
      ),
    ).toEqual({ problems: { rulingNumber: 'required', rulingDate: 'required', stateFeeTiyn: 'fee' } });
  });

  it('refusal: reasons of at least 3 characters; the ruling number is optional', () => {
    expect(decisionBody({ ...base, decision: 'refuse', rulingNumber: '', reason: '  ' }, messages)).toEqual({
      problems: { reason: 'required' },
    });
    expect(decisionBody({ ...base, decision: 'refuse', reason: 'ab' }, messages)).toEqual({
      problems: { reason: 'short' },
    });
    expect(
      decisionBody({ ...base, decision: 'refuse', rulingNumber: '', reason: ' Terms unclear ' }, messages),
    ).toEqual({ body: { decision: 'refuse', rulingDate: '2026-11-20', reason: 'Terms unclear' } });
  });
});
