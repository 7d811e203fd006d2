import { type Ref, useId } from 'react';
import type { VerificationReport } from '../../agreements-api.ts';
import { Alert } from '../../ui/alert.tsx';
import { Fact } from '../registry/mediator-card.tsx';
import { SignatureKind } from './signer-list.tsx';
import { useSigningText } from './text.ts';

type Signature = VerificationReport['signatures'][number];

const SignatureRow = ({ signature }: { signature: Signature }) => {
  const text = useSigningText();
  const { t } = text;
  return (
    <li className={`border-l-4 py-1 pl-3 ${signature.valid ? 'border-green-700' : 'border-red-700'}`}>
      <p className="font-semibold">
        {signature.name ?? t('web.signing.verify.result.unknownSigner')}
        {signature.role && (
          <span className="font-normal text-slate-700"> · {t(`web.signing.roles.${signature.role}`)}</span>
        )}
      </p>
      {signature.signedAt && (
        <p>{t('web.signing.verify.result.signedAt', { time: text.dateTime(signature.signedAt) })}</p>
      )}
      {signature.kind && (
        <p className="mt-1">
          <SignatureKind kind={signature.kind} />
        </p>
      )}
      <p className={`mt-1 font-semibold ${signature.valid ? 'text-green-800' : 'text-red-700'}`}>
        <span aria-hidden="true">{signature.valid ? '✓ ' : '✗ '}</span>
        {t(signature.valid ? 'web.signing.verify.result.valid' : 'web.signing.verify.result.invalid')}
      </p>
      {!signature.valid && signature.reason && (
        <p>{t('web.signing.verify.result.because', { reason: text.reason(signature.reason) })}</p>
      )}
    </li>
  );
};

type ReportProps = {
  report: VerificationReport;
  /** "Result for file.pdf" or "Result for the hash …". */
  title: string;
  /** The hash that was looked up, shown in full under the title. */
  checked?: string;
  headingRef?: Ref<HTMLHeadingElement>;
};

/** The public answer about an agreement: whether Kelisim issued it and who signed it — never its content. */
export const VerificationReportView = ({ report, title, checked, headingRef }: ReportProps) => {
  const text = useSigningText();
  const { t } = text;
  const id = useId();
  const approval = report.courtApproval;
  return (
    <section
      aria-labelledby={id}
      className="rounded-lg border border-slate-300 bg-white p-4 shadow-sm sm:p-6"
    >
      <h2
        id={id}
        ref={headingRef}
        tabIndex={-1}
        className="mb-3 text-xl font-bold break-words text-brand-900"
      >
        {title}
      </h2>
      {checked && (
        <p className="-mt-2 mb-3 font-mono text-sm break-all text-slate-700" translate="no">
          {checked}
        </p>
      )}
      {!report.found ? (
        <>
          <p className="text-xl font-bold text-red-700">
            <span aria-hidden="true">✗ </span>
            {t('web.signing.verify.result.notFound')}
          </p>
          <p className="mt-1 max-w-prose">{t('web.signing.verify.result.notFoundText')}</p>
        </>
      ) : (
        <>
          <p className="text-xl font-bold text-green-800">
            <span aria-hidden="true">✓ </span>
            {t('web.signing.verify.result.found')}
          </p>
          <dl className="mt-2 space-y-1">
            {report.caseNumber && (
              <Fact label={t('web.signing.verify.result.caseNumber')}>{report.caseNumber}</Fact>
            )}
            {report.frozenAt && (
              <Fact label={t('web.signing.verify.result.frozenAt')}>{text.dateTime(report.frozenAt)}</Fact>
            )}
            {report.agreementHash && (
              <Fact label={t('web.signing.verify.result.agreementHash')}>
                <span className="font-mono text-sm break-all" translate="no">
                  {report.agreementHash}
                </span>
              </Fact>
            )}
          </dl>
          {report.fileMatches === true && (
            <p className="mt-3">
              <span aria-hidden="true">✓ </span>
              {t('web.signing.verify.result.fileMatches')}
            </p>
          )}
          {report.fileMatches === false && (
            <Alert tone="warning" className="mt-3">
              <p>{t('web.signing.verify.result.fileDiffers')}</p>
            </Alert>
          )}
          <p className="mt-3 text-lg font-semibold">
            <span aria-hidden="true">{report.complete ? '✓ ' : '○ '}</span>
            {t(
              report.complete ? 'web.signing.verify.result.complete' : 'web.signing.verify.result.incomplete',
            )}
          </p>
          <h3 className="mt-4 mb-2 text-lg font-bold text-brand-900">
            {t('web.signing.verify.result.signatures')}
          </h3>
          {report.signatures.length === 0 ? (
            <p>{t('web.signing.verify.result.noSignatures')}</p>
          ) : (
            <ul className="space-y-3">
              {report.signatures.map((signature, index) => (
                // Signatures have no id of their own; their order in the PDF is stable.
                // biome-ignore lint/suspicious/noArrayIndexKey: the position in the PDF is the identity
                <SignatureRow key={index} signature={signature} />
              ))}
            </ul>
          )}
          {approval && (
            <div className="mt-4 rounded-md border-l-4 border-green-700 bg-green-50 p-3">
              <p className="font-semibold">
                <span aria-hidden="true">✓ </span>
                {t('web.signing.verify.result.courtApproval')}
              </p>
              {approval.rulingDate && (
                <p>
                  {approval.rulingNumber
                    ? t('web.signing.verify.result.courtRuling', {
                        number: approval.rulingNumber,
                        date: text.date(approval.rulingDate),
                      })
                    : t('web.signing.verify.result.courtRulingNoNumber', {
                        date: text.date(approval.rulingDate),
                      })}
                </p>
              )}
            </div>
          )}
        </>
      )}
    </section>
  );
};
