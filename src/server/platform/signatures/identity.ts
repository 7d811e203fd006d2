// Who signed, read from the certificate subject the way NCA RK writes it (DOMAIN.md §4): the IIN
// in serialNumber (2.5.4.5) as "IIN" + 12 digits, the BIN in an OU as "BIN" + 12 digits.
import { isValidBin, isValidIin } from '../../../core/identity/kz-id.ts';
import { refuse, type SignatureVerdict, type SignerIdentity } from './verdict.ts';

const ATTR = {
  commonName: '2.5.4.3',
  serialNumber: '2.5.4.5',
  organization: '2.5.4.10',
  organizationalUnit: '2.5.4.11',
} as const;

const PATTERNS = { IIN: /^IIN(\d{12})$/, BIN: /^BIN(\d{12})$/ } as const;

const tagged = (values: string[], prefix: 'IIN' | 'BIN', valid: (digits: string) => boolean) => {
  for (const entry of values) {
    const match = entry.trim().match(PATTERNS[prefix]);
    if (match && valid(match[1] as string)) return match[1] as string;
  }
  return null;
};

export const signerIdentity = (attributes: Array<{ oid: string; value: string }>): SignerIdentity => {
  const all = (oid: string) => attributes.filter((a) => a.oid === oid).map((a) => a.value);
  return {
    commonName: all(ATTR.commonName)[0] ?? null,
    iin: tagged(all(ATTR.serialNumber), 'IIN', isValidIin),
    bin: tagged(all(ATTR.organizationalUnit), 'BIN', isValidBin),
    organization: all(ATTR.organization)[0] ?? null,
  };
};

/**
 * A valid verdict stays valid only if the signer is who the caller expects: the party's IIN, and
 * for an organisation's representative also its BIN. A refused verdict passes through unchanged,
 * so the first reason found is the one reported.
 */
export const requireSigner = (
  verdict: SignatureVerdict,
  expected: { iin?: string; bin?: string },
): SignatureVerdict => {
  if (!verdict.ok) return verdict;
  if (!expected.iin && !expected.bin) throw new Error('requireSigner needs an IIN or a BIN');
  if (expected.iin && verdict.signer.iin !== expected.iin)
    return refuse('identity_mismatch', 'certificate IIN differs from the expected signer');
  if (expected.bin && verdict.signer.bin !== expected.bin)
    return refuse('identity_mismatch', 'certificate BIN differs from the expected organisation');
  return verdict;
};
