import type {
  AgreementView,
  SignatureSubmission,
  SigningMethod,
  SigningPrepared,
} from '../../agreements-api.ts';
import type { StoredPlatformKey } from './key-store.ts';
import { fromBase64, isSha256Hex, toHex } from './model.ts';
import { toBase64 } from './ncalayer.ts';
import { ContentMismatchError, isPdfChanged } from './signing-errors.ts';

// One signature from start to stored, with every outside party passed in (the server, NCALayer,
// the platform key) so the order of steps and the retry rule are tested without a browser:
// prepare → (platform: enrol the key) → sign the exact bytes → submit. When another signer got in
// first (409 agreement_pdf_changed) the platform key prepares and signs again once by itself;
// NCALayer cannot (its window needs the person), so that refusal goes back to them.

export type SigningPhase =
  | 'preparing'
  | 'waitingNcaLayer'
  | 'enrolling'
  | 'signing'
  | 'submitting'
  | 'retrying';

export type SigningDeps = {
  prepare: (method: SigningMethod) => Promise<SigningPrepared>;
  submit: (body: SignatureSubmission) => Promise<AgreementView>;
  enrol: () => Promise<StoredPlatformKey>;
  signWithKey: (record: StoredPlatformKey, data: Uint8Array) => Promise<Uint8Array>;
  signWithNcaLayer: (data: Uint8Array) => Promise<string>;
  /** SHA-256 hex of the bytes, or null where WebCrypto's digest is unavailable. */
  sha256?: (data: Uint8Array) => Promise<string | null>;
  onPhase?: (phase: SigningPhase) => void;
};

export const webSha256 = async (data: Uint8Array) => {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  return toHex(new Uint8Array(await subtle.digest('SHA-256', new Uint8Array(data))));
};

/** The bytes to sign, after checking they are the ones the server announced (when it says so in hex). */
const contentOf = async (prepared: SigningPrepared, deps: SigningDeps) => {
  const data = fromBase64(prepared.content);
  const announced = prepared.contentSha256.toLowerCase();
  if (deps.sha256 && isSha256Hex(announced)) {
    const actual = await deps.sha256(data);
    if (actual !== null && actual !== announced) throw new ContentMismatchError();
  }
  return data;
};

export const signAgreement = async (method: SigningMethod, deps: SigningDeps): Promise<AgreementView> => {
  const phase = (next: SigningPhase) => deps.onPhase?.(next);
  phase('preparing');
  let prepared = await deps.prepare(method);

  if (method === 'ncalayer') {
    const data = await contentOf(prepared, deps);
    phase('waitingNcaLayer');
    const cms = await deps.signWithNcaLayer(data);
    phase('submitting');
    return deps.submit({ method, basedOn: prepared.basedOn, cms });
  }

  phase('enrolling');
  const record = await deps.enrol();
  for (let attempt = 0; ; attempt++) {
    const data = await contentOf(prepared, deps);
    phase('signing');
    const cms = toBase64(await deps.signWithKey(record, data));
    phase('submitting');
    try {
      return await deps.submit({ method, basedOn: prepared.basedOn, cms });
    } catch (error) {
      if (attempt > 0 || !isPdfChanged(error)) throw error;
      phase('retrying');
      prepared = await deps.prepare(method);
    }
  }
};
