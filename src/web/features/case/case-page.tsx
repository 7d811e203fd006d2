import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { type CaseView, caseKeys, casesApi } from '../../cases-api.ts';
import { Alert } from '../../ui/alert.tsx';
import { ButtonLink } from '../../ui/button.tsx';
import { QueryError } from '../../ui/form.tsx';
import { Loading } from '../../ui/loading.tsx';
import { PageTitle } from '../../ui/page-title.tsx';
import { AgreementSection } from '../agreement/agreement-section.tsx';
import { MembersSection } from '../members/members-section.tsx';
import { RoomPanel } from '../room/room-panel.tsx';
import { SessionsPanel } from '../schedule/sessions-panel.tsx';
import { FilingPanel } from '../signing/filing-panel.tsx';
import { SigningPanel } from '../signing/signing-panel.tsx';
import { CaseHeader, WhatNow } from './case-header.tsx';
import { Clock } from './clock.tsx';
import { ContractSection, ContractText } from './contract-section.tsx';
import { CourtInfo } from './court-info.tsx';
import { MediatorAnswer } from './mediator-answer.tsx';
import { MediatorChoice } from './mediator-choice.tsx';
import { MediatorTools } from './mediator-tools.tsx';
import { isEnded, POLL_MS } from './model.ts';
import { CaseNoticeProvider } from './notice.tsx';
import { Outcome } from './outcome.tsx';
import { PartiesSection } from './parties-section.tsx';
import { CaseSection } from './section.tsx';
import { useCaseText } from './text.ts';
import { Timeline } from './timeline.tsx';
import { Withdraw } from './withdraw.tsx';

/** The part of the case the viewer acts on now, by status and role (only what viewer.actions allows). */
const Current = ({ view }: { view: CaseView }) => {
  const { t } = useCaseText();
  const { status, viewer } = view;
  if (status === 'draft')
    return (
      <CaseSection id="draft" title={t('web.case.draft.title')}>
        <p>{t('web.case.draft.text')}</p>
        {viewer.actions.includes('submit') && (
          <ButtonLink to={`/cases/new?draft=${encodeURIComponent(view.id)}`} className="mt-3">
            {t('web.case.draft.continue')}
          </ButtonLink>
        )}
      </CaseSection>
    );
  if (status === 'choosing_mediator' && viewer.role === 'party') return <MediatorChoice view={view} />;
  if (status === 'mediator_asked' && viewer.actions.includes('mediator_accept'))
    return <MediatorAnswer view={view} />;
  if (status === 'contract') return <ContractSection view={view} />;
  if (status === 'active')
    return (
      <>
        <Clock view={view} />
        <SessionsPanel view={view} />
        <MediatorTools view={view} />
      </>
    );
  if (isEnded(status))
    return (
      <>
        <Outcome view={view} />
        <SessionsPanel view={view} />
      </>
    );
  return null;
};

/** The signed-off contract stays readable once the mediation runs or has ended. */
const ContractArchive = ({ view }: { view: CaseView }) => {
  const { t } = useCaseText();
  if (!view.contract || view.status === 'contract') return null;
  return (
    <CaseSection id="contract-archive" title={t('web.case.contract.archiveTitle')}>
      <details>
        <summary className="min-h-11 cursor-pointer py-2 font-semibold text-brand-800 underline">
          {t('web.case.contract.show', { number: view.contract.terms.number })}
        </summary>
        <div className="mt-2">
          <ContractText terms={view.contract.terms} level={3} />
          <p className="mt-3 font-semibold">{t('web.case.contract.hash')}</p>
          <p className="font-mono text-sm break-all" translate="no">
            {view.contract.hash}
          </p>
        </div>
      </details>
    </CaseSection>
  );
};

const CaseBody = ({ view }: { view: CaseView }) => {
  if (view.viewer.role === 'court')
    return (
      <div className="grid gap-4">
        <CourtInfo view={view} />
        {isEnded(view.status) && <Outcome view={view} />}
      </div>
    );
  return (
    <div className="grid gap-4">
      <WhatNow view={view} />
      <Current view={view} />
      {(view.status === 'active' || isEnded(view.status)) && <RoomPanel view={view} />}
      <AgreementSection
        view={view}
        signingSlot={(agreement) => (
          <>
            <SigningPanel caseId={view.id} view={agreement} />
            <FilingPanel caseId={view.id} view={agreement} />
          </>
        )}
      />
      <PartiesSection view={view} />
      <MembersSection view={view} />
      <CourtInfo view={view} />
      <ContractArchive view={view} />
      <Withdraw view={view} />
      <Timeline view={view} />
    </div>
  );
};

/** Shown when a poll failed: the last data stays on screen, with its age. */
const RefreshFailed = ({ since }: { since: number }) => {
  const text = useCaseText();
  return (
    <Alert tone="warning" className="mb-4">
      <p>{text.t('web.case.refreshFailed', { time: text.dateTime(new Date(since).toISOString()) })}</p>
    </Alert>
  );
};

/** After declining, the mediator is no longer part of the case: say so, and lead back to the list. */
const Released = ({ text }: { text: string }) => {
  const { t } = useCaseText();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <>
      <PageTitle>{t('web.case.titleLoading')}</PageTitle>
      <Alert ref={ref} tone="success" title={text} className="mb-6" />
      <ButtonLink to="/cases">{t('web.case.back')}</ButtonLink>
    </>
  );
};

/** `/cases/:id`: one case as its party, mediator or court sees it, refreshed every ~20 s. */
export const CasePage = () => {
  const { id = '' } = useParams();
  const { t, locale } = useCaseText();
  const queryClient = useQueryClient();
  // Court and organisation names come in the reader's language: a new language asks again.
  const shownIn = useRef(locale);
  useEffect(() => {
    if (shownIn.current === locale) return;
    shownIn.current = locale;
    void queryClient.invalidateQueries({ queryKey: caseKeys.one(id) });
  }, [locale, id, queryClient]);
  const [released, setReleased] = useState<string | null>(null);
  const query = useQuery({
    queryKey: caseKeys.one(id),
    queryFn: () => casesApi.get(id),
    refetchInterval: POLL_MS,
    staleTime: 5_000,
    enabled: released === null,
  });
  const back = (
    <p className="mb-4">
      <Link to="/cases">{t('web.case.back')}</Link>
    </p>
  );
  if (released) return <Released text={released} />;
  if (query.isPending)
    return (
      <>
        {back}
        <PageTitle>{t('web.case.titleLoading')}</PageTitle>
        <Loading />
      </>
    );
  if (!query.data)
    return (
      <>
        {back}
        <PageTitle>{t('web.case.titleLoading')}</PageTitle>
        <QueryError error={query.error} />
      </>
    );
  const view = query.data;
  return (
    <CaseNoticeProvider status={view.status} onRelease={setReleased}>
      {(notice) => (
        <>
          {back}
          <CaseHeader view={view} />
          {query.isRefetchError && <RefreshFailed since={query.dataUpdatedAt} />}
          {notice}
          <CaseBody view={view} />
        </>
      )}
    </CaseNoticeProvider>
  );
};
