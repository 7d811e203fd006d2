import { ApiError, NetworkError, type Problem } from '../../api.ts';
import { isRefusalReason, type SignatureRefusalReason } from './model.ts';
import { NcaLayerError } from './ncalayer.ts';
import { PlatformKeyError } from './platform-key.ts';

// What a failed signing attempt means to the person who met it (pure; tested in
// signing-errors.test.ts): NCALayer's failures, the platform key's, and the server's refusals.

/**
 * The refusal reason of a 422 signature_refused: the server may carry it as an extension member
 * (`reason`) or as the code of a field error on `cms`; null when it names none we know.
 */
export const refusalReasonOf = (problem: Problem | null): SignatureRefusalReason | null => {
  if (!problem) return null;
  const extension = (problem as Problem & { reason?: unknown }).reason;
  if (isRefusalReason(extension)) return extension;
  const fromField = problem.errors?.find((item) => isRefusalReason(item.code))?.code;
  return isRefusalReason(fromField) ? fromField : null;
};

export const isPdfChanged = (error: unknown) =>
  error instanceof ApiError && error.status === 409 && error.code === 'agreement_pdf_changed';

/** The signed bytes did not match the hash the server announced (a proxy or a bug changed them). */
export class ContentMismatchError extends Error {
  constructor() {
    super('content_mismatch');
    this.name = 'ContentMismatchError';
  }
}

export type SigningMethod = 'ncalayer' | 'platform';

/**
 * What a failed signing attempt means to the signer. `cancelled`: they closed NCALayer's window,
 * nothing to say. Otherwise a message key (and the server's own localized detail when it gave
 * one), an advice key for a refused signature, and whether trying again may help.
 */
export type SigningFailure =
  | { kind: 'cancelled' }
  | {
      kind: 'message';
      /** A key under web.signing.errors, or null when `detail` says it all. */
      key: string | null;
      /** The server's problem detail, already in the reader's language. */
      detail: string | null;
      /** web.signing.advice.<reason> for a refused signature. */
      advice: string | null;
      /** NCALayer needs to be started or installed: show how. */
      install: boolean;
    };

const message = (
  key: string | null,
  detail: string | null = null,
  extra: Partial<{ advice: string; install: boolean }> = {},
): SigningFailure => ({
  kind: 'message',
  key,
  detail,
  advice: extra.advice ?? null,
  install: extra.install ?? false,
});

export const describeSigningError = (error: unknown, method: SigningMethod): SigningFailure => {
  if (error instanceof NcaLayerError) {
    if (error.code === 'cancelled') return { kind: 'cancelled' };
    if (error.code === 'unavailable') return message('ncalayerUnavailable', null, { install: true });
    return message('ncalayerRefused');
  }
  if (error instanceof PlatformKeyError) return message(`platform.${error.code}`);
  if (error instanceof ContentMismatchError) return message('contentMismatch');
  if (isPdfChanged(error)) return message(method === 'ncalayer' ? 'pdfChangedNcaLayer' : 'pdfChangedAgain');
  if (error instanceof ApiError) {
    const detail = error.problem?.detail ?? null;
    if (error.code === 'signature_refused') {
      const reason = refusalReasonOf(error.problem);
      return message(detail ? null : 'refused', detail, { advice: `advice.${reason ?? 'other'}` });
    }
    return detail ? message(null, detail) : message('generic');
  }
  if (error instanceof NetworkError) return message('network');
  // IndexedDB or WebCrypto refused (private browsing, storage blocked, an old browser).
  if (error instanceof DOMException) return message('keyStorage');
  return message('generic');
};
