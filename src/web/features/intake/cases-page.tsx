import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Me } from '../../api.ts';
import { caseKeys, casesApi } from '../../cases-api.ts';
import { hasRole, useMe } from '../../session.ts';
import { ButtonLink } from '../../ui/button.tsx';
import { SectionTitle } from '../../ui/card.tsx';
import { QueryError } from '../../ui/form.tsx';
import { Loading } from '../../ui/loading.tsx';
import { PageTitle } from '../../ui/page-title.tsx';
import { Pager } from '../../ui/pager.tsx';
import { CaseRow } from './case-row.tsx';
import { type ListFilter, StatusFilter, toFilter } from './status-filter.tsx';

const PAGE_SIZE = 20;

/** Which dashboard text fits the account: a court user, a mediator, or a party (the default). */
const audience = (me: Me) =>
  hasRole(me, 'court_user') ? 'court' : hasRole(me, 'mediator') ? 'mediator' : 'party';

/** A mediator's open requests (mediator_asked, R-MED-06): shown first, they wait for an answer. */
const MediatorRequests = ({ me }: { me: Me }) => {
  const { t } = useTranslation();
  const requests = useQuery({
    queryKey: caseKeys.list('mediator_asked', 0),
    queryFn: () => casesApi.list('mediator_asked', 0),
  });
  const mine = requests.data?.cases.filter((c) => c.myRole === 'mediator') ?? [];
  if (mine.length === 0) return null;
  return (
    <section aria-labelledby="requests-title" className="mb-8">
      <SectionTitle id="requests-title">
        {t('web.intake.list.requestsTitle', { count: mine.length })}
      </SectionTitle>
      <p className="mb-3 text-slate-700">{t('web.intake.list.requestsLead')}</p>
      <ul className="space-y-3">
        {mine.map((summary) => (
          <CaseRow key={summary.id} summary={summary} me={me} />
        ))}
      </ul>
    </section>
  );
};

const Empty = ({ me, filter }: { me: Me; filter: ListFilter }) => {
  const { t } = useTranslation();
  if (filter !== 'open')
    return <p className="rounded-lg bg-slate-100 p-4">{t('web.intake.list.emptyClosed')}</p>;
  const who = audience(me);
  return (
    <div className="max-w-prose rounded-lg bg-slate-100 p-4 sm:p-6">
      <p className="text-lg font-semibold">{t('web.intake.list.emptyTitle')}</p>
      <p className="mt-2">{t(`web.intake.list.empty.${who}`)}</p>
      {who === 'party' && (
        <ol className="mt-3 list-decimal space-y-1 pl-6">
          <li>{t('web.intake.list.emptySteps.explore')}</li>
          <li>{t('web.intake.list.emptySteps.request')}</li>
          <li>{t('web.intake.list.emptySteps.invite')}</li>
        </ol>
      )}
    </div>
  );
};

/** /cases: every case the account takes part in, as party, mediator or court. */
export const CasesPage = () => {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const filter = toFilter(params.get('status'));
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const list = useQuery({
    queryKey: caseKeys.list(filter, offset),
    queryFn: () => casesApi.list(filter, offset),
    placeholderData: keepPreviousData,
  });
  const who = me ? audience(me) : 'party';

  return (
    <>
      <PageTitle lead={t(`web.intake.list.lead.${who}`)}>{t('web.intake.list.title')}</PageTitle>
      <div className="mb-6 flex flex-wrap gap-3">
        <ButtonLink to="/cases/new">{t('web.intake.list.new')}</ButtonLink>
        {hasRole(me, 'court_user') && (
          <ButtonLink to="/court/referrals/new" variant="secondary">
            {t('web.intake.list.refer')}
          </ButtonLink>
        )}
      </div>
      {me && hasRole(me, 'mediator') && filter === 'open' && offset === 0 && <MediatorRequests me={me} />}
      <StatusFilter current={filter} />
      <section aria-labelledby="list-title" aria-busy={list.isFetching}>
        <h2 id="list-title" className="sr-only">
          {t(`web.intake.list.filter.${filter}`)}
        </h2>
        {!me || list.isPending ? (
          <Loading />
        ) : list.error ? (
          <QueryError error={list.error} />
        ) : list.data.cases.length === 0 ? (
          <Empty me={me} filter={filter} />
        ) : (
          <>
            <p role="status" className="mb-3 text-slate-700">
              {t('web.intake.list.count', { count: list.data.total })}
            </p>
            <ul className="space-y-3">
              {list.data.cases.map((summary) => (
                <CaseRow key={summary.id} summary={summary} me={me} />
              ))}
            </ul>
            <Pager
              label="web.intake.list.pagerLabel"
              rangeLabel="web.intake.list.range"
              offset={offset}
              pageSize={PAGE_SIZE}
              total={list.data.total}
              onChange={(next) => setParams({ status: filter, offset: String(next) })}
            />
          </>
        )}
      </section>
    </>
  );
};
