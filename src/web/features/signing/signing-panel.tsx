import { useEffect, useRef, useState } from 'react';
import { type AgreementView, agreementUrls } from '../../agreements-api.ts';
import { Alert } from '../../ui/alert.tsx';
import { buttonClass } from '../../ui/button.tsx';
import { SignForm } from './sign-form.tsx';
import { SignerList } from './signer-list.tsx';
import { useSigningText } from './text.ts';

type SigningPanelProps = { caseId: string; view: AgreementView };

/** Plain links: a download needs no script, and the browser shows its own progress. */
const Download = ({ href, label, hint }: { href: string; label: string; hint: string }) => (
  <li>
    <a href={href} download className={buttonClass('secondary', 'max-w-full text-left')}>
      {label}
    </a>
    <p className="mt-1 max-w-prose text-sm text-slate-700">{hint}</p>
  </li>
);

/**
 * Signatures of a frozen or signed agreement (issue 6, "Sign"): who has signed, when and how,
 * the caller's own signature when it is due, and the PDF (and, once everyone signed, the evidence
 * package) to download. Sits in the agreement section of the case page, under its h2.
 */
export const SigningPanel = ({ caseId, view }: SigningPanelProps) => {
  const text = useSigningText();
  const { t } = text;
  const [notice, setNotice] = useState<{ text: string; version: number } | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);

  // The form disappears once the signature is stored: focus goes to the news, not to the page's top.
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  if (view.status !== 'frozen' && view.status !== 'signed') return null;
  const mine = view.signers.find((signer) => signer.key === view.me);

  return (
    <section aria-labelledby="signing-title" className="min-w-0">
      <h3 id="signing-title" className="mb-2 text-lg font-bold text-brand-900">
        {t('web.signing.signers.title')}
      </h3>
      {notice && (
        <Alert ref={noticeRef} key={notice.version} tone="success" title={notice.text} className="mb-4" />
      )}
      <SignerList view={view} />

      {mine?.signature && (
        <p className="mt-4">
          {t('web.signing.sign.already', { time: text.dateTime(mine.signature.signedAt) })}
        </p>
      )}
      {view.me === null && view.status === 'frozen' && (
        <p className="mt-4 text-slate-700">{t('web.signing.signers.representativeNote')}</p>
      )}

      {view.can.sign && (
        <div className="mt-6 border-t border-slate-200 pt-4">
          <SignForm
            caseId={caseId}
            view={view}
            onSigned={(result) =>
              setNotice((previous) => ({
                text: t(
                  result.status === 'signed' ? 'web.signing.done.allSigned' : 'web.signing.done.signed',
                ),
                version: (previous?.version ?? 0) + 1,
              }))
            }
          />
        </div>
      )}

      <div className="mt-6 border-t border-slate-200 pt-4">
        <h3 className="mb-2 text-lg font-bold text-brand-900">{t('web.signing.downloads.title')}</h3>
        <ul className="space-y-4">
          <Download
            href={agreementUrls.pdf(caseId)}
            label={t('web.signing.downloads.pdf')}
            hint={t('web.signing.downloads.pdfHint')}
          />
          {view.status === 'signed' && (
            <Download
              href={agreementUrls.evidence(caseId)}
              label={t('web.signing.downloads.evidence')}
              hint={t('web.signing.downloads.evidenceHint')}
            />
          )}
        </ul>
      </div>
    </section>
  );
};
