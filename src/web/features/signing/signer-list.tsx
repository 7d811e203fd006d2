import type { AgreementView } from '../../agreements-api.ts';
import { useSigningText } from './text.ts';

type Signer = AgreementView['signers'][number];

/** "Simple electronic signature — not a qualified EDS" must never pass for an EDS: it is boxed and worded. */
export const SignatureKind = ({ kind }: { kind: 'qualified' | 'simple' }) => {
  const { t } = useSigningText();
  return (
    <span
      className={`inline-block rounded-md border px-2 py-0.5 text-sm font-semibold ${
        kind === 'qualified'
          ? 'border-green-700 bg-green-50 text-green-900'
          : 'border-amber-600 bg-amber-50 text-amber-950'
      }`}
    >
      {t(`web.signing.kinds.${kind}`)}
    </span>
  );
};

const SignerRow = ({ signer, isMe }: { signer: Signer; isMe: boolean }) => {
  const text = useSigningText();
  const { t } = text;
  const signature = signer.signature;
  return (
    <li className={`border-l-4 py-1 pl-3 ${signature ? 'border-green-700' : 'border-slate-300'}`}>
      <p className="font-semibold">
        <span aria-hidden="true" className={signature ? 'text-green-800' : 'text-slate-500'}>
          {signature ? '✓ ' : '○ '}
        </span>
        {signer.name}
        {isMe && <span className="font-normal text-slate-700"> ({t('web.signing.signers.you')})</span>}
        <span className="font-normal text-slate-700"> · {t(`web.signing.roles.${signer.role}`)}</span>
      </p>
      {signature ? (
        <>
          <p>
            {t('web.signing.signers.signedAt', { time: text.dateTime(signature.signedAt) })} ·{' '}
            {t(`web.signing.methods.${signature.method}`)}
          </p>
          <p className="mt-1">
            <SignatureKind kind={signature.kind} />
          </p>
        </>
      ) : (
        <p className="text-slate-700">{t('web.signing.signers.notSigned')}</p>
      )}
    </li>
  );
};

/** Who signs the agreement and who has: each signer with the time, the way and the kind of signature. */
export const SignerList = ({ view }: { view: AgreementView }) => {
  const { t } = useSigningText();
  const signed = view.signers.filter((signer) => signer.signature).length;
  const total = view.signers.length;
  return (
    <>
      <p className="mb-3 font-semibold">
        {signed === total && total > 0
          ? t('web.signing.signers.allSigned')
          : t('web.signing.signers.summary', { signed, total })}
      </p>
      <ul className="space-y-3">
        {view.signers.map((signer) => (
          <SignerRow key={signer.key} signer={signer} isMe={signer.key === view.me} />
        ))}
      </ul>
    </>
  );
};
