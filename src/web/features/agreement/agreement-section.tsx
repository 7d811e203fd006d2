import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import type { AgreementTerms } from '../../../core/agreements/compose.ts';
import { type AgreementView, agreementKeys, agreementsApi } from '../../agreements-api.ts';
import { ApiError } from '../../api.ts';
import type { CaseView } from '../../cases-api.ts';
import { Alert } from '../../ui/alert.tsx';
import { QueryError } from '../../ui/form.tsx';
import { Loading } from '../../ui/loading.tsx';
import { isEnded, POLL_MS } from '../case/model.ts';
import { CaseSection } from '../case/section.tsx';
import { Approvals, FrozenBanner } from './approvals.tsx';
import { Builder } from './builder.tsx';
import { Comments } from './comments.tsx';
import { canStart, mayRead } from './model.ts';
import { StartForm } from './start-form.tsx';
import { TermsView } from './terms-view.tsx';
import { useAgreementText } from './text.ts';
import { Versions } from './versions.tsx';

export type AgreementSectionProps = {
  /** The case as the page has it: id, status, category and subject, parties, the viewer's role. */
  view: CaseView;
  /**
   * Signing, the PDF's signatures, filing with a court (src/web/features/signing): shown once the
   * agreement is frozen or signed. The case page passes it; this section only gives it a place.
   */
  signingSlot?: (agreement: AgreementView) => ReactNode;
};

type Notice = { text: string; version: number } | null;

const Body = ({
  caseView,
  agreement,
  signingSlot,
  announce,
}: {
  caseView: CaseView;
  agreement: AgreementView;
  signingSlot?: (agreement: AgreementView) => ReactNode;
  announce: (text: string) => void;
}) => {
  const { t } = useAgreementText();
  const [dirty, setDirty] = useState(false);
  const onDirty = useCallback((value: boolean) => setDirty(value), []);
  const names = new Map(agreement.parties.map((p) => [p.id, p.name]));
  const editing = agreement.status === 'drafting' && agreement.can.edit;
  return (
    <>
      <FrozenBanner caseId={caseView.id} view={agreement} />
      {agreement.status !== 'drafting' && signingSlot && (
        // Slot: signing and filing (features/signing), given by the case page.
        <div className="mb-6">{signingSlot(agreement)}</div>
      )}
      <Approvals caseId={caseView.id} view={agreement} dirty={dirty} announce={announce} />
      {editing ? (
        <Builder caseId={caseView.id} view={agreement} onDirty={onDirty} announce={announce} />
      ) : (
        <section aria-labelledby="agr-text-title">
          <h3 id="agr-text-title" className="mb-2 text-lg font-bold">
            {t('web.agreement.view.title', { n: agreement.frozenVersion ?? agreement.latestVersion })}
          </h3>
          {agreement.status === 'drafting' && (
            <p className="mb-2 text-slate-700">{t('web.agreement.view.readOnly')}</p>
          )}
          <TermsView terms={agreement.version.terms as AgreementTerms} names={names} />
        </section>
      )}
      <Versions caseId={caseView.id} view={agreement} />
      <Comments caseId={caseView.id} view={agreement} announce={announce} />
    </>
  );
};

const isMissing = (error: unknown) =>
  error instanceof ApiError && (error.code === 'agreement_not_found' || error.status === 404);
const isForbidden = (error: unknown) => error instanceof ApiError && error.status === 403;

/**
 * The settlement agreement on the case page (issue 6): started by the mediator or a party while
 * the mediation runs, edited version by version with the rules checked as people type, approved
 * by everyone, frozen, then signed (the slot). After the case ended it stays readable; a case that
 * ended without one shows nothing.
 */
export const AgreementSection = ({ view, signingSlot }: AgreementSectionProps) => {
  const { t } = useAgreementText();
  const readable = mayRead(view, isEnded(view.status));
  const query = useQuery({
    queryKey: agreementKeys.one(view.id),
    queryFn: () => agreementsApi.get(view.id),
    enabled: readable,
    refetchInterval: POLL_MS,
    staleTime: 5_000,
  });
  const [notice, setNotice] = useState<Notice>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  // What was done is said here and takes focus: the control acted on may have gone.
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);
  const announce = useCallback(
    (text: string) => setNotice((previous) => ({ text, version: (previous?.version ?? 0) + 1 })),
    [],
  );
  if (!readable) return null;
  const missing = !query.data && isMissing(query.error);
  if (missing && !canStart(view)) return null;
  if (!query.data && isForbidden(query.error)) return null;
  return (
    <div id="agreement" className="scroll-mt-4">
      <CaseSection id="agreement" title={t('web.agreement.title')}>
        {notice && (
          <Alert ref={noticeRef} key={notice.version} tone="success" title={notice.text} className="mb-4" />
        )}
        {query.data ? (
          <Body caseView={view} agreement={query.data} signingSlot={signingSlot} announce={announce} />
        ) : missing ? (
          <StartForm view={view} announce={announce} />
        ) : query.isPending ? (
          <Loading />
        ) : (
          <QueryError error={query.error} />
        )}
      </CaseSection>
    </div>
  );
};
