import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { type AgreementView, agreementKeys, agreementsApi, agreementUrls } from '../../agreements-api.ts';
import { Alert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { failureOf } from './failure.ts';
import { shortHash } from './model.ts';
import { type Failure, FailureLinks } from './summary.tsx';
import { useAgreementText } from './text.ts';

type Props = {
  caseId: string;
  view: AgreementView;
  /** Unsaved edits in the builder: they are not part of what is approved. */
  dirty: boolean;
  announce: (text: string) => void;
};

/** Frozen: the version everyone approved, and its PDF. */
export const FrozenBanner = ({ caseId, view }: { caseId: string; view: AgreementView }) => {
  const { t } = useAgreementText();
  if (view.status === 'drafting' || view.frozenVersion === null) return null;
  return (
    <Alert tone="success" className="mb-4" title={t('web.agreement.frozen.title', { n: view.frozenVersion })}>
      <p>{t(view.status === 'signed' ? 'web.agreement.frozen.signed' : 'web.agreement.frozen.text')}</p>
      {view.pdf && (
        <>
          <p className="mt-2">
            <a href={agreementUrls.pdf(caseId)} className="font-semibold" download>
              {t('web.agreement.frozen.pdf', { n: view.frozenVersion })}
            </a>
          </p>
          <p className="mt-1 text-sm">
            {t('web.agreement.frozen.pdfHash')}{' '}
            <span className="font-mono break-all" translate="no">
              {view.pdf.signedSha256 ?? view.pdf.sha256}
            </span>
          </p>
        </>
      )}
    </Alert>
  );
};

/**
 * Who approved the latest version, and the viewer's own approval. Approving names the version and
 * its hash, so nobody approves a text they have not seen; the dialog quotes the hash's start.
 */
export const Approvals = ({ caseId, view, dirty, announce }: Props) => {
  const text = useAgreementText();
  const { t } = text;
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<(Failure & { version: number }) | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (failure) alertRef.current?.focus();
  }, [failure]);
  const n = view.latestVersion;
  const hash = view.version.hash;
  const approve = useMutation({
    mutationFn: (input: { version: number; hash: string }) =>
      agreementsApi.approve(caseId, input.version, input.hash),
    onSuccess: (next) => {
      queryClient.setQueryData(agreementKeys.one(caseId), next);
      setConfirming(false);
      setFailure(null);
      announce(
        next.status === 'frozen'
          ? t('web.agreement.approvals.frozenNow', { n })
          : t('web.agreement.approvals.approved', { n }),
      );
    },
    onError: (error) => {
      setConfirming(false);
      setFailure((previous) => ({ ...failureOf(error, t), version: (previous?.version ?? 0) + 1 }));
      void queryClient.invalidateQueries({ queryKey: agreementKeys.one(caseId), exact: true });
    },
  });
  const errors = view.version.problems.filter((p) => p.severity === 'error').length;
  const mine = view.signers.find((s) => s.key === view.me);
  const drafting = view.status === 'drafting';
  // The summary of the view is the latest version unless an older one was asked for.
  const showsLatest = view.version.number === n;
  return (
    <section aria-labelledby="agr-approvals-title" className="mb-6">
      <h3 id="agr-approvals-title" className="mb-1 text-lg font-bold">
        {drafting
          ? t('web.agreement.approvals.title', { n })
          : t('web.agreement.approvals.titleFrozen', { n: view.frozenVersion ?? n })}
      </h3>
      {drafting && <p className="mb-2 text-slate-700">{t('web.agreement.approvals.lead')}</p>}
      <ul className="grid gap-1">
        {view.signers.map((signer) => (
          <li key={signer.key}>
            <span className="font-semibold">{signer.name}</span> ({text.role(signer.role)}
            {signer.key === view.me && `, ${t('web.agreement.approvals.you')}`}):{' '}
            {signer.approvedLatest ? (
              <span className="font-semibold text-green-800">
                <span aria-hidden="true">✓ </span>
                {t('web.agreement.approvals.approvedBy', { n: drafting ? n : (view.frozenVersion ?? n) })}
              </span>
            ) : (
              <span>{t('web.agreement.approvals.notYet')}</span>
            )}
          </li>
        ))}
      </ul>
      {failure && (
        <Alert ref={alertRef} tone="error" className="mt-4" title={failure.detail}>
          <FailureLinks failure={failure} />
        </Alert>
      )}
      {drafting && mine?.approvedLatest && (
        <p className="mt-3 font-semibold">{t('web.agreement.approvals.youApproved', { n })}</p>
      )}
      {drafting && view.can.approve && showsLatest && !mine?.approvedLatest && (
        <div className="mt-4">
          {errors > 0 && (
            <p className="mb-2 border-l-4 border-amber-600 pl-2">
              {t('web.agreement.approvals.hasProblems', { n, count: errors })}
            </p>
          )}
          <Button onClick={() => setConfirming(true)}>{t('web.agreement.approvals.approve', { n })}</Button>
          <ConfirmDialog
            open={confirming}
            title={t('web.agreement.approvals.confirmTitle', { n })}
            confirmLabel={t('web.agreement.approvals.confirm', { n })}
            cancelLabel={t('web.common.cancel')}
            pending={approve.isPending}
            onConfirm={() => approve.mutate({ version: n, hash })}
            onCancel={() => setConfirming(false)}
          >
            <p>{t('web.agreement.approvals.confirmText', { n })}</p>
            <p className="mt-2">
              {t('web.agreement.approvals.confirmHash')}{' '}
              <span className="font-mono font-semibold" translate="no">
                {shortHash(hash)}
              </span>
            </p>
            <p className="mt-2">{t('web.agreement.approvals.confirmAgain')}</p>
            {dirty && (
              <p className="mt-2 border-l-4 border-amber-600 pl-2">
                {t('web.agreement.approvals.unsaved', { n })}
              </p>
            )}
          </ConfirmDialog>
        </div>
      )}
    </section>
  );
};
