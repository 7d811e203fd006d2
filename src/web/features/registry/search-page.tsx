import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, keys, type SearchParams } from '../../api.ts';
import { Button } from '../../ui/button.tsx';
import { Checkbox } from '../../ui/choices.tsx';
import { Select, TextField } from '../../ui/field.tsx';
import { QueryError } from '../../ui/form.tsx';
import { Loading } from '../../ui/loading.tsx';
import { PageTitle } from '../../ui/page-title.tsx';
import { Pager } from '../../ui/pager.tsx';
import { MediatorCard } from './mediator-card.tsx';
import { RegistryNav } from './registry-nav.tsx';
import { useRegistryText } from './text.ts';

const PAGE = 20;
type Filters = {
  q: string;
  category: string;
  language: string;
  region: string;
  remote: boolean;
  free: string;
};

// The filters live in the address: a search can be shared, bookmarked and gone back to.
const fromParams = (params: URLSearchParams): Filters => ({
  q: params.get('q') ?? '',
  category: params.get('category') ?? '',
  language: params.get('language') ?? '',
  region: params.get('region') ?? '',
  remote: params.get('remote') === 'true',
  free: params.get('free') ?? '',
});

const toParams = (filters: Filters) => {
  const params = new URLSearchParams();
  if (filters.q.trim()) params.set('q', filters.q.trim());
  for (const key of ['category', 'language', 'region', 'free'] as const)
    if (filters[key]) params.set(key, filters[key]);
  if (filters.remote) params.set('remote', 'true');
  return params;
};

export const RegistrySearchPage = () => {
  const text = useRegistryText();
  const { t, locale } = text;
  const [params, setParams] = useSearchParams();
  const applied = fromParams(params);
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const [filters, setFilters] = useState<Filters>(applied);
  const paramsKey = params.toString();
  // Back and forward change the address: the form follows it.
  useEffect(() => setFilters(fromParams(new URLSearchParams(paramsKey))), [paramsKey]);

  const request: SearchParams = {
    q: applied.q || undefined,
    category: applied.category || undefined,
    language: applied.language || undefined,
    region: applied.region || undefined,
    remote: applied.remote ? 'true' : undefined,
    free: applied.free === 'true' || applied.free === 'false' ? applied.free : undefined,
    offset,
    limit: PAGE,
  };
  const results = useQuery({
    queryKey: keys.registry.search(locale, request),
    queryFn: () => api.registry.search(request),
    placeholderData: keepPreviousData,
  });
  const set =
    <K extends keyof Filters>(key: K) =>
    (value: Filters[K]) =>
      setFilters((previous) => ({ ...previous, [key]: value }));
  const goTo = (nextOffset: number) => {
    const next = new URLSearchParams(params);
    if (nextOffset > 0) next.set('offset', String(nextOffset));
    else next.delete('offset');
    setParams(next);
  };
  const total = results.data?.total ?? 0;
  const any = t('web.registry.search.any');

  return (
    <>
      <PageTitle lead={t('web.registry.search.lead')}>{t('web.registry.search.title')}</PageTitle>
      <RegistryNav />
      <search>
        <form
          aria-labelledby="filters-title"
          className="mb-6 rounded-lg border border-slate-300 bg-white p-4 sm:p-6"
          onSubmit={(event) => {
            event.preventDefault();
            setParams(toParams(filters));
          }}
        >
          <h2 id="filters-title" className="mb-3 text-xl font-bold text-brand-900">
            {t('web.registry.search.filtersTitle')}
          </h2>
          <div className="grid gap-x-4 sm:grid-cols-2 lg:grid-cols-3">
            <Select
              id="category"
              label={t('web.registry.search.category')}
              value={filters.category}
              onChange={set('category')}
              placeholder={any}
              options={text.categoryOptions()}
            />
            <Select
              id="language"
              label={t('web.registry.search.language')}
              value={filters.language}
              onChange={set('language')}
              placeholder={any}
              options={text.languageOptions()}
            />
            <Select
              id="region"
              label={t('web.registry.search.region')}
              value={filters.region}
              onChange={set('region')}
              placeholder={any}
              options={text.regionOptions()}
            />
            <Select
              id="free"
              label={t('web.registry.search.fee')}
              value={filters.free}
              onChange={set('free')}
              placeholder={any}
              options={[
                { value: 'true', label: t('web.registry.search.freeOnly') },
                { value: 'false', label: t('web.registry.search.paidOnly') },
              ]}
            />
            <TextField
              id="q"
              type="search"
              label={t('web.registry.search.name')}
              optional
              value={filters.q}
              onChange={set('q')}
            />
            <div className="sm:pt-7">
              <Checkbox
                id="remote"
                label={t('web.registry.search.remote')}
                hint={t('web.registry.search.remoteHint')}
                checked={filters.remote}
                onChange={set('remote')}
              />
            </div>
          </div>
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit">{t('web.registry.search.submit')}</Button>
            {paramsKey && (
              <Link to="/registry" className="inline-flex min-h-11 items-center font-semibold">
                {t('web.registry.search.clear')}
              </Link>
            )}
          </div>
        </form>
      </search>

      <section
        aria-labelledby="results-title"
        aria-busy={results.isFetching}
        className={results.isPlaceholderData ? 'opacity-60' : ''}
      >
        <h2 id="results-title" className="sr-only">
          {t('web.registry.search.results')}
        </h2>
        {results.isPending && <Loading />}
        {results.error && <QueryError error={results.error} />}
        {results.data && (
          <>
            <p role="status" className="mb-3 text-lg">
              {total === 0
                ? t('web.registry.search.noneFound')
                : t('web.registry.search.found', { count: total })}
            </p>
            {total === 0 && <p className="mb-3">{t('web.registry.search.nothing')}</p>}
            <ul className="grid gap-4 md:grid-cols-2">
              {results.data.mediators.map((mediator) => (
                <MediatorCard key={mediator.id} mediator={mediator} />
              ))}
            </ul>
            <Pager
              label="web.registry.search.pages"
              rangeLabel="web.registry.search.range"
              offset={offset}
              pageSize={PAGE}
              total={total}
              onChange={goTo}
            />
          </>
        )}
      </section>
    </>
  );
};
