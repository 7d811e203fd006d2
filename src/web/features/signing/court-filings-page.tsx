import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import {
  agreementKeys,
  agreementsApi,
  agreementUrls,
  type CourtFilingSummary,
} from '../../agreements-api.ts';
import { Alert } from '../../ui/alert.tsx';
import { Button, buttonClass } from '../../ui/button.tsx';
import { QueryError } from '../../ui/form.tsx';
import { Loading } from '../../ui/loading.tsx';
import { PageTitle } from '../../ui/page-title.tsx';
import { Fact } from '../registry/mediator-card.tsx';
import { CourtDecisionForm } from './court-decision-form.tsx';
import { DecisionView } from './filing-status.tsx';
import { useSigningText } from './text.ts';

const STATUS_MARK: Record<CourtFilingSummary['status'], string> = {
  filed: '● ',
  approved: '✓ ',
  refused: '✗ ',
};

const FilingCard = ({ filing }: { filing: CourtFilingSummary }) => {
  const text = useSigningText();
  const { t } = text;
  const [deciding, setDeciding] = useState(false);
  const [done, setDone] = useState(false);
  const doneRef = useRef<HTMLDivElement>(null);
  const titleId = `filing-${filing.id}`;

  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  return (
    <li className="rounded-lg border border-slate-300 bg-white p-4 shadow-sm sm:p-6">
      <article aria-labelledby={titleId}>
        <h2 id={titleId} className="text-xl font-bold text-brand-900">
          {t('web.signing.court.caseNumber', { number: filing.caseNumber })}
        </h2>
        <p className="mt-1 font-semibold">
          <span aria-hidden="true">{STATUS_MARK[filing.status]}</span>
          {t(`web.signing.court.statuses.${filing.status}`)}
        </p>
        <dl className="mt-2 space-y-1">
          {filing.courtCaseNumber && (
            <Fact label={t('web.signing.court.courtCaseNumber')}>{filing.courtCaseNumber}</Fact>
          )}
          <Fact label={t('web.signing.court.category')}>{text.category(filing.category)}</Fact>
          <Fact label={t('web.signing.court.parties')}>{filing.parties.join('; ')}</Fact>
          <Fact label={t('web.signing.court.filedAt')}>{text.dateTime(filing.filedAt)}</Fact>
          <Fact label={t('web.signing.court.packageHash')}>
            <span className="font-mono text-sm break-all" translate="no">
              {filing.packageSha256}
            </span>
          </Fact>
        </dl>
        {done && (
          <Alert
            ref={doneRef}
            tone="success"
            title={t('web.signing.court.form.done', { number: filing.caseNumber })}
            className="mt-4"
          />
        )}
        {filing.decision && <DecisionView decision={filing.decision} />}
        <div className="mt-4 flex flex-wrap gap-3">
          <a
            href={agreementUrls.courtPackage(filing.id)}
            download
            className={buttonClass('secondary', 'max-w-full text-left')}
          >
            {t('web.signing.court.package')}
          </a>
          {filing.status === 'filed' && !deciding && (
            <Button id={`${titleId}-decide`} onClick={() => setDeciding(true)}>
              {t('web.signing.court.decide')}
            </Button>
          )}
        </div>
        {deciding && filing.status === 'filed' && (
          <CourtDecisionForm
            filing={filing}
            onDone={() => {
              setDeciding(false);
              setDone(true);
            }}
            onCancel={() => {
              setDeciding(false);
              // Back to the button that opened the form.
              requestAnimationFrame(() => document.getElementById(`${titleId}-decide`)?.focus());
            }}
          />
        )}
      </article>
    </li>
  );
};

/** /court/filings — the court's inbox of settlement agreements filed for approval (R-CPC-04, R-MED-17). */
export const CourtFilingsPage = () => {
  const { t } = useSigningText();
  const filings = useQuery({ queryKey: agreementKeys.court, queryFn: agreementsApi.courtFilings });
  return (
    <>
      <PageTitle lead={t('web.signing.court.lead')}>{t('web.signing.court.title')}</PageTitle>
      {filings.isPending ? (
        <Loading />
      ) : filings.error ? (
        <QueryError error={filings.error} />
      ) : filings.data.length === 0 ? (
        <p>{t('web.signing.court.empty')}</p>
      ) : (
        <ul className="grid gap-4">
          {filings.data.map((filing) => (
            <FilingCard key={filing.id} filing={filing} />
          ))}
        </ul>
      )}
    </>
  );
};
