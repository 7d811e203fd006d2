import { describe, expect, it, vi } from 'vitest';
import type { AgreementView, SigningPrepared } from '../../agreements-api.ts';
import { ApiError } from '../../api.ts';
import type { StoredPlatformKey } from './key-store.ts';
import { toHex } from './model.ts';
import { toBase64 } from './ncalayer.ts';
import { ContentMismatchError } from './signing-errors.ts';
import { type SigningDeps, signAgreement, webSha256 } from './signing-flow.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const prepared = async (text: string, basedOn: string): Promise<SigningPrepared> => ({
  basedOn,
  fieldName: 'Signature1',
  content: toBase64(bytes(text)),
  contentSha256: (await webSha256(bytes(text))) as string,
});
const changed = () =>
  new ApiError(409, { type: 't', title: 't', status: 409, code: 'agreement_pdf_changed', detail: 'changed' });
const view = { status: 'frozen' } as AgreementView;
const record = { accountId: 'a' } as StoredPlatformKey;

const deps = (overrides: Partial<SigningDeps> = {}) => {
  const phases: string[] = [];
  const base: SigningDeps = {
    prepare: vi.fn(async () => prepared('revision-1', '1'.repeat(64))),
    submit: vi.fn(async () => view),
    enrol: vi.fn(async () => record),
    signWithKey: vi.fn(async (_record: StoredPlatformKey, data: Uint8Array) =>
      bytes(`cms over ${toHex(data)}`),
    ),
    signWithNcaLayer: vi.fn(async () => 'Y21z'),
    sha256: webSha256,
    onPhase: (phase) => phases.push(phase),
    ...overrides,
  };
  return { deps: base, phases };
};

describe('signAgreement', () => {
  it('NCALayer: signs the decoded bytes and submits its CMS with the revision it was made for', async () => {
    const { deps: d, phases } = deps();
    await expect(signAgreement('ncalayer', d)).resolves.toBe(view);
    expect(d.signWithNcaLayer).toHaveBeenCalledWith(bytes('revision-1'));
    expect(d.submit).toHaveBeenCalledWith({ method: 'ncalayer', basedOn: '1'.repeat(64), cms: 'Y21z' });
    expect(d.enrol).not.toHaveBeenCalled();
    expect(phases).toEqual(['preparing', 'waitingNcaLayer', 'submitting']);
  });

  it('NCALayer: a PDF changed meanwhile goes back to the person (their window is needed again)', async () => {
    const { deps: d } = deps({ submit: vi.fn(async () => Promise.reject(changed())) });
    await expect(signAgreement('ncalayer', d)).rejects.toMatchObject({ code: 'agreement_pdf_changed' });
    expect(d.prepare).toHaveBeenCalledTimes(1);
  });

  it('platform key: enrols, signs, and on a changed PDF prepares and signs again once by itself', async () => {
    const submit = vi
      .fn<SigningDeps['submit']>()
      .mockRejectedValueOnce(changed())
      .mockResolvedValueOnce(view);
    const prepare = vi
      .fn<SigningDeps['prepare']>()
      .mockResolvedValueOnce(await prepared('revision-1', '1'.repeat(64)))
      .mockResolvedValueOnce(await prepared('revision-2', '2'.repeat(64)));
    const { deps: d, phases } = deps({ submit, prepare });
    await expect(signAgreement('platform', d)).resolves.toBe(view);
    expect(d.enrol).toHaveBeenCalledTimes(1);
    expect(d.signWithKey).toHaveBeenLastCalledWith(record, bytes('revision-2'));
    expect(submit).toHaveBeenLastCalledWith({
      method: 'platform',
      basedOn: '2'.repeat(64),
      cms: toBase64(bytes(`cms over ${toHex(bytes('revision-2'))}`)),
    });
    expect(phases).toEqual([
      'preparing',
      'enrolling',
      'signing',
      'submitting',
      'retrying',
      'signing',
      'submitting',
    ]);
  });

  it('platform key: a second change in a row is given up and reported', async () => {
    const { deps: d } = deps({ submit: vi.fn(async () => Promise.reject(changed())) });
    await expect(signAgreement('platform', d)).rejects.toMatchObject({ code: 'agreement_pdf_changed' });
    expect(d.submit).toHaveBeenCalledTimes(2);
  });

  it('signs nothing when the bytes do not match the hash the server announced', async () => {
    const tampered = { ...(await prepared('revision-1', '1'.repeat(64))), content: toBase64(bytes('other')) };
    const { deps: d } = deps({ prepare: vi.fn(async () => tampered) });
    await expect(signAgreement('platform', d)).rejects.toBeInstanceOf(ContentMismatchError);
    expect(d.signWithKey).not.toHaveBeenCalled();
    expect(d.submit).not.toHaveBeenCalled();
  });

  it('other refusals are not retried', async () => {
    const refused = new ApiError(422, {
      type: 't',
      title: 't',
      status: 422,
      code: 'signature_refused',
      detail: 'expired',
    });
    const { deps: d } = deps({ submit: vi.fn(async () => Promise.reject(refused)) });
    await expect(signAgreement('platform', d)).rejects.toBe(refused);
    expect(d.prepare).toHaveBeenCalledTimes(1);
  });
});
