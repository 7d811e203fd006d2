import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  COMPLAINT_PENALTY,
  type Factor,
  MAX_COMPLAINT_PENALTY,
  WEIGHTS,
} from '../../../core/registry/matching.ts';
import { api, keys, type MatchParams, type MatchSuggestion } from '../../api.ts';
import { formatNumber } from '../../i18n.ts';
import { Button } from '../../ui/button.tsx';
import { Card, SectionTitle } from '../../ui/card.tsx';
import { Checkbox } from '../../ui/choices.tsx';
import { RadioGroup, Select } from '../../ui/field.tsx';
import { Form, QueryError, useFormErrors } from '../../ui/form.tsx';
import { Loading } from '../../ui/loading.tsx';
import { PageTitle } from '../../ui/page-title.tsx';
import { KindBadge } from './mediator-card.tsx';
import { RegistryNav } from './registry-nav.tsx';
import { useRegistryText } from './text.ts';

// The weights come from core/registry/matching.ts, the code that ranks: this page cannot disagree.
const FACTORS = Object.keys(WEIGHTS) as (keyof typeof WEIGHTS)[];
const points = (share: number) => Math.round(share * 1000) / 10;
const FIELDS = ['category', 'language', 'region'] as const;

/** One factor of one suggestion, in words. */
const useWhy = () => {
  const text = useRegistryText();
  const { t } = text;
  return (factor: Factor, value: number, suggestion: MatchSuggestion, needs: MatchParams) => {
    const { record } = suggestion;
    switch (factor) {
      case 'specialisation':
        return t(`web.registry.matching.why.specialisation.${value > 0 ? 'yes' : 'no'}`, {
          category: text.category(needs.category),
        });
      case 'region':
        return t(`web.registry.matching.why.region.${value > 0 ? 'yes' : 'no'}`, {
          region: text.region(needs.region),
        });
      case 'availability':
        return t('web.registry.matching.why.availability', { share: text.percent(value) });
      case 'experience':
        return record.completedCases === 0
          ? t('web.registry.matching.why.experienceNone')
          : t('web.registry.matching.why.experience', { count: record.completedCases });
      case 'settlement':
        return record.settlementRate === null
          ? t('web.registry.matching.why.settlementUnknown')
          : t('web.registry.matching.why.settlement', { share: text.percent(record.settlementRate) });
      case 'rating':
        return record.rating === null
          ? t('web.registry.matching.why.ratingUnknown')
          : t('web.registry.matching.why.rating', {
              rating: text.number(record.rating),
              count: record.ratingCount,
            });
      case 'complaints':
        return value === 0
          ? t('web.registry.matching.why.complaintsNone')
          : t('web.registry.matching.why.complaints', { count: value });
    }
  };
};

const Suggestion = ({ suggestion, needs }: { suggestion: MatchSuggestion; needs: MatchParams }) => {
  const text = useRegistryText();
  const { t, locale } = text;
  const why = useWhy();
  const headingId = `suggestion-${suggestion.id}`;
  return (
    <Card as="li" className="min-w-0">
      <article aria-labelledby={headingId}>
        <h4 id={headingId} className="text-lg font-bold">
          <Link to={`/registry/mediators/${suggestion.id}`}>{suggestion.fullName}</Link>
        </h4>
        <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1">
          <KindBadge kind={suggestion.kind} />
          <span className="text-slate-700">{text.fee(suggestion.fee)}</span>
        </p>
        {suggestion.organisation && <p className="mt-1 text-slate-700">{suggestion.organisation.name}</p>}
        <p className="mt-2 text-lg font-semibold">
          {t('web.registry.matching.total', { points: formatNumber(points(suggestion.score), locale) })}
        </p>
        <p className="mt-3 font-semibold">{t('web.registry.matching.whyTitle')}</p>
        <ul className="mt-1 space-y-1">
          <li className="flex gap-2">
            <span aria-hidden="true" className="font-bold text-green-800">
              ✓
            </span>
            <span>
              {t('web.registry.matching.why.language', { language: text.language(needs.language) })}
              {needs.wantsPublic && ` ${t('web.registry.matching.why.public')}`}
            </span>
          </li>
          {suggestion.factors.map((f) => (
            <li
              key={f.factor}
              className="flex flex-wrap justify-between gap-x-3 border-t border-slate-100 pt-1"
            >
              <span className="min-w-0 flex-1 basis-48">{why(f.factor, f.value, suggestion, needs)}</span>
              <span className="font-semibold whitespace-nowrap">
                {f.factor === 'complaints'
                  ? t('web.registry.matching.penalty', { points: -points(f.contribution) })
                  : t('web.registry.matching.contribution', {
                      points: formatNumber(points(f.contribution), locale),
                      max: points(WEIGHTS[f.factor as keyof typeof WEIGHTS]),
                    })}
              </span>
            </li>
          ))}
        </ul>
      </article>
    </Card>
  );
};

const MatchForm = () => {
  const text = useRegistryText();
  const { t, locale } = text;
  const form = useFormErrors(FIELDS);
  const [values, setValues] = useState({
    category: '',
    language: '',
    region: '',
    meet: 'remote',
    wantsPublic: false,
  });
  const [needs, setNeeds] = useState<MatchParams | null>(null);
  const suggestions = useQuery({
    queryKey: keys.registry.match(locale, needs as MatchParams),
    queryFn: () => api.registry.match(needs as MatchParams),
    enabled: needs !== null,
  });
  const submit = () => {
    const missing = Object.fromEntries(
      FIELDS.filter((field) => !values[field]).map((field) => [field, t('fields.required')]),
    );
    if (Object.keys(missing).length > 0) return form.failFields(missing);
    form.clear();
    setNeeds({
      category: values.category,
      language: values.language,
      region: values.region,
      remote: values.meet === 'remote',
      wantsPublic: values.wantsPublic,
    });
  };
  const list = suggestions.data?.suggestions ?? [];
  return (
    <section aria-labelledby="find-title">
      <Card>
        <SectionTitle id="find-title">{t('web.registry.matching.formTitle')}</SectionTitle>
        <p className="mb-4 text-slate-700">{t('web.registry.matching.formLead')}</p>
        <Form form={form} onSubmit={submit} aria-labelledby="find-title">
          <div className="grid gap-x-4 sm:grid-cols-3">
            <Select
              id="category"
              label={t('web.registry.search.category')}
              placeholder={t('web.common.choose')}
              value={values.category}
              onChange={(category) => setValues((v) => ({ ...v, category }))}
              error={form.errors.category}
              options={text.categoryOptions()}
            />
            <Select
              id="language"
              label={t('web.registry.search.language')}
              placeholder={t('web.common.choose')}
              value={values.language}
              onChange={(language) => setValues((v) => ({ ...v, language }))}
              error={form.errors.language}
              options={text.languageOptions()}
            />
            <Select
              id="region"
              label={t('web.registry.search.region')}
              placeholder={t('web.common.choose')}
              value={values.region}
              onChange={(region) => setValues((v) => ({ ...v, region }))}
              error={form.errors.region}
              options={text.regionOptions()}
            />
          </div>
          <RadioGroup
            name="meet"
            legend={t('web.registry.matching.meet')}
            value={values.meet}
            onChange={(meet) => setValues((v) => ({ ...v, meet }))}
            options={[
              { value: 'remote', label: t('web.registry.matching.meetRemote') },
              { value: 'inPerson', label: t('web.registry.matching.meetInPerson') },
            ]}
          />
          <Checkbox
            id="wantsPublic"
            label={t('web.registry.matching.wantsPublic')}
            hint={t('web.registry.matching.wantsPublicHint')}
            checked={values.wantsPublic}
            onChange={(wantsPublic) => setValues((v) => ({ ...v, wantsPublic }))}
          />
          <Button type="submit" pending={suggestions.isFetching}>
            {t('web.registry.matching.submit')}
          </Button>
        </Form>
      </Card>
      {needs && (
        <div className="mt-6">
          {suggestions.isPending && <Loading />}
          {suggestions.error && <QueryError error={suggestions.error} />}
          {suggestions.data && (
            <>
              <h3 className="mb-2 text-xl font-bold text-brand-900">
                {t('web.registry.matching.resultsTitle')}
              </h3>
              <p role="status" className="mb-3">
                {list.length > 0
                  ? t('web.registry.matching.found', { count: list.length })
                  : t('web.registry.matching.none')}
              </p>
              <ol className="grid gap-4 md:grid-cols-2">
                {list.map((suggestion) => (
                  <Suggestion key={suggestion.id} suggestion={suggestion} needs={needs} />
                ))}
              </ol>
            </>
          )}
        </div>
      )}
    </section>
  );
};

export const MatchingPage = () => {
  const { t, locale } = useRegistryText();
  return (
    <>
      <PageTitle lead={t('web.registry.matching.lead')}>{t('web.registry.matching.title')}</PageTitle>
      <RegistryNav />
      <div className="mb-8 grid gap-4 lg:grid-cols-2">
        <Card>
          <SectionTitle id="filters-title">{t('web.registry.matching.filtersTitle')}</SectionTitle>
          <ul className="list-disc space-y-1 pl-5">
            {(['language', 'public', 'region', 'capacity'] as const).map((filter) => (
              <li key={filter}>{t(`web.registry.matching.filters.${filter}`)}</li>
            ))}
          </ul>
        </Card>
        <Card>
          <SectionTitle id="weights-title">{t('web.registry.matching.weightsTitle')}</SectionTitle>
          <ul className="space-y-2">
            {FACTORS.map((factor) => (
              <li key={factor}>
                <span className="block font-semibold">
                  {t(`web.registry.matching.factors.${factor}`)} —{' '}
                  {t('web.registry.matching.weight', {
                    points: formatNumber(points(WEIGHTS[factor]), locale),
                  })}
                </span>
                <span className="block text-slate-700">{t(`web.registry.matching.explain.${factor}`)}</span>
              </li>
            ))}
            <li>
              <span className="block font-semibold">{t('web.registry.matching.factors.complaints')}</span>
              <span className="block text-slate-700">
                {t('web.registry.matching.explain.complaints', {
                  points: formatNumber(points(COMPLAINT_PENALTY), locale),
                  max: formatNumber(points(MAX_COMPLAINT_PENALTY), locale),
                })}
              </span>
            </li>
          </ul>
          <p className="mt-3 text-slate-700">{t('web.registry.matching.rotation')}</p>
        </Card>
      </div>
      <MatchForm />
    </>
  );
};
