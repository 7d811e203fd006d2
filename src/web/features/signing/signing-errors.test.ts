import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../core/identity/roles.ts';
import { lookup, messages } from '../../../locales/index.ts';
import { REFUSAL_REASONS } from '../../../server/platform/signatures/verdict.ts';
import { ApiError, NetworkError, type Problem } from '../../api.ts';
import { SIGNATURE_REFUSAL_REASONS } from './model.ts';
import { NcaLayerError } from './ncalayer.ts';
import { PlatformKeyError } from './platform-key.ts';
import { ContentMismatchError, describeSigningError, refusalReasonOf } from './signing-errors.ts';

const problem = (
  code: string,
  status: number,
  extra: Partial<Problem> & { reason?: string } = {},
): Problem => ({
  type: `https://kelisim.kz/problems/${code}`,
  title: code,
  status,
  code,
  detail: `detail of ${code}`,
  ...extra,
});

const messageOf = (error: unknown, method: 'ncalayer' | 'platform' = 'ncalayer') => {
  const failure = describeSigningError(error, method);
  if (failure.kind !== 'message') throw new Error('expected a message');
  return failure;
};

describe('signature refusal reasons', () => {
  it('cover every reason the verifier gives', () => {
    for (const reason of REFUSAL_REASONS) expect(SIGNATURE_REFUSAL_REASONS).toContain(reason);
  });

  it('each has a meaning and an advice in kk, ru and en', () => {
    for (const locale of LOCALES)
      for (const reason of SIGNATURE_REFUSAL_REASONS) {
        expect(lookup(messages[locale], `web.signing.reasons.${reason}`), `${locale} ${reason}`).toBeTruthy();
        expect(lookup(messages[locale], `web.signing.advice.${reason}`), `${locale} ${reason}`).toBeTruthy();
      }
  });

  it('is read from an extension member or from a field error', () => {
    expect(refusalReasonOf(problem('signature_refused', 422, { reason: 'expired' }))).toBe('expired');
    expect(
      refusalReasonOf(
        problem('signature_refused', 422, {
          errors: [{ field: 'cms', code: 'signer_mismatch', detail: '…' }],
        }),
      ),
    ).toBe('signer_mismatch');
    expect(refusalReasonOf(problem('signature_refused', 422, { reason: 'whatever' }))).toBeNull();
    expect(refusalReasonOf(null)).toBeNull();
  });
});

describe('describeSigningError', () => {
  it('says nothing when the person closed NCALayer', () => {
    expect(describeSigningError(new NcaLayerError('cancelled', 'x'), 'ncalayer')).toEqual({
      kind: 'cancelled',
    });
  });

  it('explains how to start or install NCALayer when it does not answer', () => {
    expect(messageOf(new NcaLayerError('unavailable', 'x'))).toMatchObject({
      key: 'ncalayerUnavailable',
      install: true,
    });
    expect(messageOf(new NcaLayerError('refused', 'x'))).toMatchObject({
      key: 'ncalayerRefused',
      install: false,
    });
  });

  it('shows the server’s localized detail of a refused signature with the advice for its reason', () => {
    const refused = new ApiError(422, problem('signature_refused', 422, { reason: 'signer_mismatch' }));
    expect(messageOf(refused)).toEqual({
      kind: 'message',
      key: null,
      detail: 'detail of signature_refused',
      advice: 'advice.signer_mismatch',
      install: false,
    });
    const unnamed = new ApiError(422, problem('signature_refused', 422));
    expect(messageOf(unnamed).advice).toBe('advice.other');
  });

  it('asks NCALayer signers to sign again when the PDF changed meanwhile', () => {
    const changed = new ApiError(409, problem('agreement_pdf_changed', 409));
    expect(messageOf(changed, 'ncalayer').key).toBe('pdfChangedNcaLayer');
    expect(messageOf(changed, 'platform').key).toBe('pdfChangedAgain');
  });

  it('maps the platform key, the browser and the network to their own messages', () => {
    expect(messageOf(new PlatformKeyError('no_certificate'), 'platform').key).toBe('platform.no_certificate');
    expect(messageOf(new DOMException('blocked', 'InvalidStateError'), 'platform').key).toBe('keyStorage');
    expect(messageOf(new ContentMismatchError()).key).toBe('contentMismatch');
    expect(messageOf(new NetworkError('offline')).key).toBe('network');
    expect(messageOf(new ApiError(500, null)).key).toBe('generic');
    expect(messageOf(new ApiError(403, problem('forbidden', 403))).detail).toBe('detail of forbidden');
    expect(messageOf(new Error('boom')).key).toBe('generic');
  });

  it('every message key it can give exists in kk, ru and en', () => {
    const keys = [
      'title',
      'ncalayerUnavailable',
      'ncalayerRefused',
      'pdfChangedNcaLayer',
      'pdfChangedAgain',
      'contentMismatch',
      'keyStorage',
      'network',
      'refused',
      'generic',
      'platform.no_key',
      'platform.no_certificate',
      'platform.certificate_mismatch',
    ];
    for (const locale of LOCALES) {
      for (const key of keys)
        expect(lookup(messages[locale], `web.signing.errors.${key}`), `${locale} ${key}`).toBeTruthy();
      expect(lookup(messages[locale], 'web.signing.advice.other')).toBeTruthy();
    }
  });
});
