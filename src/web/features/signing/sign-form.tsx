import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import {
  type AgreementView,
  agreementKeys,
  agreementsApi,
  type SigningMethod,
} from '../../agreements-api.ts';
import { ApiError } from '../../api.ts';
import { caseKeys } from '../../cases-api.ts';
import { useMe } from '../../session.ts';
import { Alert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { RadioGroup } from '../../ui/field.tsx';
import { enrolPlatformKey } from './enrol.ts';
import { signWithNcaLayer } from './ncalayer.ts';
import { NcaLayerHelp } from './ncalayer-help.tsx';
import { signWithRecord } from './platform-key.ts';
import { describeSigningError, type SigningFailure } from './signing-errors.ts';
import { type SigningPhase, signAgreement, webSha256 } from './signing-flow.ts';
import { useSigningText } from './text.ts';

type Failure = Extract<SigningFailure, { kind: 'message' }>;

/** Whether this browser can keep a non-extractable key (IndexedDB and WebCrypto, a secure page). */
const platformKeySupported = () =>
  typeof indexedDB !== 'undefined' && Boolean(globalThis.crypto?.subtle) && window.isSecureContext;

/** Phones cannot run NCALayer: there the key on the device is offered first. */
const preferredMethod = (): SigningMethod =>
  platformKeySupported() && window.matchMedia?.('(pointer: coarse)').matches ? 'platform' : 'ncalayer';

type SignFormProps = {
  caseId: string;
  view: AgreementView;
  /** The signature is stored: the panel says so (this form disappears with `can.sign`). */
  onSigned: (view: AgreementView) => void;
};

/** The caller's signature: NCALayer (EDS of NCA RK) or the platform key (simple signature). */
export const SignForm = ({ caseId, view, onSigned }: SignFormProps) => {
  const text = useSigningText();
  const { t, locale } = text;
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const supported = platformKeySupported();
  const [method, setMethod] = useState<SigningMethod>(preferredMethod);
  const [phase, setPhase] = useState<SigningPhase | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [failures, setFailures] = useState(0);
  const alertRef = useRef<HTMLDivElement>(null);
  // After the server refused a platform signature (a revoked or foreign certificate …), the next
  // attempt asks for a fresh certificate instead of reusing the stored one.
  const renewCertificate = useRef(false);

  useEffect(() => {
    if (failures > 0) alertRef.current?.focus();
  }, [failures]);

  const party = view.parties.find((candidate) => candidate.id === view.me);
  const organisation = party !== undefined && party.kind !== 'individual';

  const sign = useMutation({
    mutationFn: (chosen: SigningMethod) => {
      if (!me) throw new Error('not logged in');
      return signAgreement(chosen, {
        prepare: (m) => agreementsApi.prepareSigning(caseId, m),
        submit: (body) => agreementsApi.sign(caseId, body),
        enrol: () => enrolPlatformKey(me.id, { renew: renewCertificate.current }),
        signWithKey: (record, data) => signWithRecord(record, data),
        signWithNcaLayer: (data) =>
          signWithNcaLayer({
            data,
            signer: organisation ? 'organisation' : 'individual',
            ...(me.iin && { iin: me.iin }),
            ...(organisation && me.bin && { bin: me.bin }),
            locale,
          }),
        sha256: webSha256,
        onPhase: setPhase,
      });
    },
    onMutate: () => setFailure(null),
    onSuccess: (result) => {
      renewCertificate.current = false;
      queryClient.setQueryData(agreementKeys.one(caseId), result);
      onSigned(result);
    },
    onError: (error, chosen) => {
      renewCertificate.current =
        chosen === 'platform' && error instanceof ApiError && error.code === 'signature_refused';
      const described = describeSigningError(error, chosen);
      // Closing NCALayer's window is a choice, not a failure: nothing to say.
      if (described.kind === 'cancelled') return;
      setFailure(described);
      setFailures((count) => count + 1);
    },
    onSettled: () => {
      setPhase(null);
      // A refusal may mean the agreement moved on (another signature): read it again either way.
      return queryClient.invalidateQueries({ queryKey: caseKeys.one(caseId) });
    },
  });

  const busy = sign.isPending;
  const submitLabel = failure
    ? t('web.signing.sign.again')
    : t(method === 'ncalayer' ? 'web.signing.sign.ncalayer.button' : 'web.signing.sign.platform.button');

  return (
    <form
      noValidate
      aria-labelledby="sign-title"
      onSubmit={(event) => {
        event.preventDefault();
        if (busy || (method === 'platform' && !supported)) return;
        sign.mutate(method);
      }}
    >
      <h3 id="sign-title" className="mb-2 text-lg font-bold text-brand-900">
        {t('web.signing.sign.title')}
      </h3>
      <p className="mb-4">{t('web.signing.sign.intro')}</p>
      {failure && (
        <Alert ref={alertRef} tone="error" title={t('web.signing.errors.title')} className="mb-4">
          {failure.detail && <p>{failure.detail}</p>}
          {failure.key && <p>{t(`web.signing.errors.${failure.key}`)}</p>}
          {failure.advice && <p className="mt-1">{t(`web.signing.${failure.advice}`)}</p>}
          {failure.install && <NcaLayerHelp />}
        </Alert>
      )}
      <RadioGroup
        name="signing-method"
        legend={t('web.signing.sign.methodLegend')}
        value={method}
        onChange={(value) => {
          if (busy) return;
          setMethod(value as SigningMethod);
          setFailure(null);
        }}
        options={[
          {
            value: 'ncalayer',
            label: t('web.signing.sign.ncalayer.label'),
            hint: t('web.signing.sign.ncalayer.hint'),
          },
          {
            value: 'platform',
            label: t('web.signing.sign.platform.label'),
            hint: t('web.signing.sign.platform.hint'),
          },
        ]}
      />
      <div className="mb-4 max-w-prose rounded-md bg-slate-50 p-3">
        {method === 'ncalayer' ? (
          <p>{t('web.signing.sign.ncalayer.explain')}</p>
        ) : (
          <>
            <p>{t('web.signing.sign.platform.explain')}</p>
            {!supported && <p className="mt-2 font-semibold">{t('web.signing.sign.platform.unsupported')}</p>}
          </>
        )}
      </div>
      <Button
        type="submit"
        pending={busy}
        pendingLabel={t('web.signing.progress.signing')}
        disabled={method === 'platform' && !supported}
        className="max-w-full text-left whitespace-normal"
      >
        {submitLabel}
      </Button>
      {/* Always present, so the change of step is announced (polite: it must not cut the reader off). */}
      <p role="status" aria-live="polite" className="mt-3 min-h-6 font-semibold text-brand-900">
        {phase ? t(`web.signing.progress.${phase}`) : ''}
      </p>
    </form>
  );
};
