import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sampleDraft } from '../../../test/agreements/sample.ts';
import { agreementHash, canonicalAgreement, isAgreementHash } from './canonical.ts';
import type { AgreementDraft } from './types.ts';

// The hash is the identity of a version: everyone approves it, the PDF prints it, the QR links to
// it. It must not move when nothing that matters moved, and must move when anything did.

/** The same value with the keys of every object in reverse order. */
const reversed = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(reversed);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reversed(v)]),
    );
  return value;
};

describe('agreementHash', () => {
  it('is SHA-256 of the canonical JSON, lower-case hex', async () => {
    const draft = sampleDraft();
    const hash = await agreementHash(draft);
    expect(isAgreementHash(hash)).toBe(true);
    expect(hash).toBe(createHash('sha256').update(canonicalAgreement(draft), 'utf8').digest('hex'));
  });

  it('is stable under key order and undefined fields', async () => {
    const draft = sampleDraft();
    const shuffled = reversed(draft) as AgreementDraft;
    expect(JSON.stringify(shuffled)).not.toBe(JSON.stringify(draft));
    const withUndefined = { ...sampleDraft(), singaporeConvention: undefined };
    const hash = await agreementHash(draft);
    expect(await agreementHash(shuffled)).toBe(hash);
    expect(await agreementHash(withUndefined)).toBe(hash);
  });

  it('is stable under Unicode normalisation of Kazakh letters', async () => {
    const composed = sampleDraft();
    const decomposed = sampleDraft();
    (decomposed.parties[0] as { name: string }).name = composed.parties[0]?.name.normalize('NFD') ?? '';
    expect(decomposed.parties[0]?.name).not.toBe(composed.parties[0]?.name);
    expect(await agreementHash(decomposed)).toBe(await agreementHash(composed));
  });

  const changes: [string, (d: AgreementDraft) => void][] = [
    [
      'a sum',
      (d) => {
        const subject = d.obligations[0]?.subject;
        if (subject?.kind === 'money') subject.amountTiyn += 1;
      },
    ],
    ['the order of obligations', (d) => d.obligations.reverse()],
    [
      'a word',
      (d) => {
        d.case.subject.ru = `${d.case.subject.ru} `;
      },
    ],
    [
      'the date',
      (d) => {
        d.date = '2026-03-17';
      },
    ],
  ];
  it.each(changes)('changes with %s', async (_name, change) => {
    const draft = sampleDraft();
    const before = await agreementHash(draft);
    change(draft);
    expect(await agreementHash(draft)).not.toBe(before);
  });
});
