import { describe, expect, it } from 'vitest';
import { completeKzId } from '../../../core/identity/kz-id.ts';
import { requireSigner, signerIdentity } from './identity.ts';
import type { SignatureVerdict } from './verdict.ts';

const iin = completeKzId('90010130012') as string;
const bin = completeKzId('12044001234') as string;

describe('signer identity from an NCA RK subject', () => {
  it('reads IIN, BIN, name and organisation', () => {
    expect(
      signerIdentity([
        { oid: '2.5.4.3', value: 'ТЕСТОВ ТЕСТ' },
        { oid: '2.5.4.5', value: `IIN${iin}` },
        { oid: '2.5.4.10', value: 'АО "ТЕСТ"' },
        { oid: '2.5.4.11', value: `BIN${bin}` },
      ]),
    ).toEqual({ commonName: 'ТЕСТОВ ТЕСТ', iin, bin, organization: 'АО "ТЕСТ"' });
  });

  it('ignores numbers with a wrong check digit or without their prefix', () => {
    const wrong = `${iin.slice(0, 11)}${(Number(iin[11]) + 1) % 10}`;
    expect(signerIdentity([{ oid: '2.5.4.5', value: `IIN${wrong}` }]).iin).toBeNull();
    expect(signerIdentity([{ oid: '2.5.4.5', value: iin }]).iin).toBeNull();
    expect(signerIdentity([{ oid: '2.5.4.11', value: `IIN${bin}` }]).bin).toBeNull();
  });

  it('requireSigner passes refusals through and needs an expectation', () => {
    const refused: SignatureVerdict = { ok: false, reason: 'expired', detail: '' };
    expect(requireSigner(refused, { iin })).toBe(refused);
    expect(() => requireSigner(refused, {})).not.toThrow();
    const valid = { ok: true, signer: { iin, bin: null } } as unknown as SignatureVerdict;
    expect(() => requireSigner(valid, {})).toThrow();
  });
});
