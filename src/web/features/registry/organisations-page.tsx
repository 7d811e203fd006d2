import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, keys, type OrganisationSummary } from '../../api.ts';
import { Card } from '../../ui/card.tsx';
import { QueryError } from '../../ui/form.tsx';
import { Loading } from '../../ui/loading.tsx';
import { PageTitle } from '../../ui/page-title.tsx';
import { Fact, MediatorCard } from './mediator-card.tsx';
import { RegistryNav } from './registry-nav.tsx';
import { useRegistryText } from './text.ts';

export const OrganisationFacts = ({ organisation }: { organisation: OrganisationSummary }) => {
  const { t, region } = useRegistryText();
  return (
    <dl className="space-y-1">
      <Fact label={t('web.registry.organisations.region')}>{region(organisation.region)}</Fact>
      <Fact label={t('web.registry.organisations.bin')}>{organisation.bin}</Fact>
      {organisation.website && (
        <Fact label={t('web.registry.organisations.website')}>
          <a href={organisation.website} rel="noopener noreferrer" className="break-all">
            {organisation.website.replace(/^https?:\/\//, '')}
          </a>
        </Fact>
      )}
    </dl>
  );
};

export const useOrganisations = () => {
  const { locale } = useRegistryText();
  return useQuery({
    queryKey: keys.registry.organisations(locale),
    queryFn: api.registry.organisations,
    staleTime: 5 * 60_000,
  });
};

export const OrganisationsPage = () => {
  const { t } = useRegistryText();
  const organisations = useOrganisations();
  return (
    <>
      <PageTitle lead={t('web.registry.organisations.lead')}>
        {t('web.registry.organisations.title')}
      </PageTitle>
      <RegistryNav />
      {organisations.isPending && <Loading />}
      {organisations.error && <QueryError error={organisations.error} />}
      {organisations.data && organisations.data.organisations.length === 0 && (
        <p>{t('web.registry.organisations.empty')}</p>
      )}
      <ul className="grid gap-4 md:grid-cols-2">
        {organisations.data?.organisations.map((organisation) => (
          <Card key={organisation.id} as="li" className="min-w-0">
            <h2 className="text-lg font-bold">
              <Link to={`/registry/organisations/${organisation.id}`}>{organisation.name}</Link>
            </h2>
            <p className="mb-2 text-slate-700">
              {organisation.mediatorCount === 0
                ? t('web.registry.organisations.countNone')
                : t('web.registry.organisations.count', { count: organisation.mediatorCount })}
            </p>
            <OrganisationFacts organisation={organisation} />
          </Card>
        ))}
      </ul>
    </>
  );
};

export const OrganisationPage = () => {
  const { id = '' } = useParams();
  const { t, locale } = useRegistryText();
  const organisation = useQuery({
    queryKey: keys.registry.organisation(locale, id),
    queryFn: () => api.registry.organisation(id),
  });
  if (organisation.isPending) return <Loading />;
  if (organisation.error)
    return (
      <>
        <PageTitle>{t('web.registry.organisations.missingTitle')}</PageTitle>
        <RegistryNav />
        <QueryError error={organisation.error} />
      </>
    );
  const { mediators, ...summary } = organisation.data;
  return (
    <>
      <PageTitle lead={t('web.registry.organisations.pageLead')}>{summary.name}</PageTitle>
      <RegistryNav />
      <Card className="mb-6">
        <OrganisationFacts organisation={summary} />
      </Card>
      <section aria-labelledby="members-title">
        <h2 id="members-title" className="mb-3 text-xl font-bold text-brand-900">
          {t('web.registry.organisations.members', { count: mediators.length })}
        </h2>
        {mediators.length === 0 && <p>{t('web.registry.organisations.noMembers')}</p>}
        <ul className="grid gap-4 md:grid-cols-2">
          {mediators.map((mediator) => (
            <MediatorCard key={mediator.id} mediator={mediator} />
          ))}
        </ul>
      </section>
    </>
  );
};
