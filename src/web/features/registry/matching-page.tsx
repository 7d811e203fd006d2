import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { COMPLAINT_PENALTY, MAX_COMPLAINT_PENALTY, WEIGHTS } from '../../../core/registry/matching.ts';
import { api, keys, type MatchParams } from '../../api.ts';
import { formatNumber } from '../../i18n.ts';
import { Button } from '../../ui/button.tsx';
import { Card, SectionTitle } from '../../ui/card.tsx';
import { Checkbox } from '../../ui/choices.tsx';
import { RadioGroup, Select } from '../../ui/field.tsx';
import { Form, QueryError, useFormErrors } from '../../ui/form.tsx';
import { Loading } from '../../ui/loading.tsx';
import { PageTitle } from '../../ui/page-title.tsx';
import { RegistryNav } from './registry-nav.tsx';
import { SuggestionCard, SuggestionList } from './suggestion-card.tsx';
import { useRegistryText } from './text.ts';
import { points } from './why.ts';

// The weights come from core/registry/matching.ts, the code that ranks: this page cannot disagree.
const FACTORS = Object.keys(WEIGHTS) as (keyof typeof WEIGHTS)[];
const FIELDS = ['category', 'language', 'region'] as const;

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
              <SuggestionList
                suggestions={suggestions.data.suggestions}
                renderItem={(suggestion) => (
                  <Card key={suggestion.id} as="li" className="min-w-0">
                    <SuggestionCard suggestion={suggestion} needs={needs} heading="h4" />
                  </Card>
                )}
              />
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
