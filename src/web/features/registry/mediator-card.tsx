import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { MediatorPublic, MediatorRecord } from '../../api.ts';
import { Card } from '../../ui/card.tsx';
import { useRegistryText } from './text.ts';

export const MIN_CASES_FOR_RATES = 5;

/** One "label: value" line of a description list (reads well on a narrow screen). */
export const Fact = ({ label, children }: { label: ReactNode; children: ReactNode }) => (
  <div>
    <dt className="inline font-semibold">{label}:</dt> <dd className="inline">{children}</dd>
  </div>
);

export const KindBadge = ({ kind }: { kind: MediatorPublic['kind'] }) => {
  const { kind: name } = useRegistryText();
  return (
    <span
      className={`inline-block rounded-md border px-2 py-0.5 text-sm font-semibold ${
        kind === 'public'
          ? 'border-green-700 bg-green-50 text-green-900'
          : 'border-brand-700 bg-brand-50 text-brand-900'
      }`}
    >
      {name(kind)}
    </span>
  );
};

/** The record as the public sees it: rates only from five completed mediations. */
export const RecordFacts = ({ record }: { record: MediatorRecord }) => {
  const { t, percent, number } = useRegistryText();
  const notEnough = <span className="text-slate-700">{t('web.registry.record.notEnough')}</span>;
  return (
    <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-2">
      <Fact label={t('web.registry.record.completed')}>{record.completedCases}</Fact>
      <Fact label={t('web.registry.record.settlement')}>
        {record.settlementRate === null ? notEnough : percent(record.settlementRate)}
      </Fact>
      <Fact label={t('web.registry.record.compliance')}>
        {record.complianceRate === null ? notEnough : percent(record.complianceRate)}
      </Fact>
      <Fact label={t('web.registry.record.rating')}>
        {record.rating === null ? (
          <span className="text-slate-700">{t('web.registry.record.noRatings')}</span>
        ) : (
          t('web.registry.record.ratingValue', { rating: number(record.rating), count: record.ratingCount })
        )}
      </Fact>
      <Fact label={t('web.registry.record.complaints')}>{record.upheldComplaints}</Fact>
    </dl>
  );
};

/** Where and how a mediator meets the parties. */
export const useMeets = () => {
  const { t } = useRegistryText();
  return (m: { remote: boolean; inPerson: boolean }) =>
    [m.remote && t('web.registry.card.online'), m.inPerson && t('web.registry.card.inPerson')]
      .filter(Boolean)
      .join(', ');
};

/** A listed mediator in search results and on an organisation's page. */
export const MediatorCard = ({ mediator }: { mediator: MediatorPublic }) => {
  const text = useRegistryText();
  const { t } = text;
  const meets = useMeets();
  const headingId = `mediator-${mediator.id}`;
  return (
    <Card as="li" className="min-w-0">
      <article aria-labelledby={headingId}>
        <h3 id={headingId} className="text-lg font-bold">
          <Link to={`/registry/mediators/${mediator.id}`}>{mediator.fullName}</Link>
        </h3>
        <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1">
          <KindBadge kind={mediator.kind} />
          {mediator.registryNumber && (
            <span className="text-slate-700">
              {t('web.registry.card.registryNumber')} {mediator.registryNumber}
            </span>
          )}
        </p>
        <dl className="mt-3 space-y-1">
          {mediator.organisation && (
            <Fact label={t('web.registry.card.organisation')}>
              <Link to={`/registry/organisations/${mediator.organisation.id}`}>
                {mediator.organisation.name}
              </Link>
            </Fact>
          )}
          {mediator.akimat && <Fact label={t('web.registry.card.akimat')}>{mediator.akimat}</Fact>}
          <Fact label={t('web.registry.card.categories')}>{text.categories(mediator.categories)}</Fact>
          <Fact label={t('web.registry.card.languages')}>{text.languages(mediator.languages)}</Fact>
          <Fact label={t('web.registry.card.regions')}>{text.regions(mediator.regions)}</Fact>
          <Fact label={t('web.registry.card.meets')}>{meets(mediator)}</Fact>
          <Fact label={t('web.registry.card.fee')}>{text.fee(mediator.fee)}</Fact>
          <Fact label={t('web.registry.card.training')}>
            {t('web.registry.card.trainingHours', { hours: mediator.trainingHours })}
          </Fact>
        </dl>
        <div className="mt-3 border-t border-slate-200 pt-3">
          <p className="sr-only">{t('web.registry.record.title')}</p>
          <RecordFacts record={mediator.record} />
        </div>
      </article>
    </Card>
  );
};
