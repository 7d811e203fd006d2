import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, type OrganisationBody } from '../../../api.ts';
import { Alert } from '../../../ui/alert.tsx';
import { Button } from '../../../ui/button.tsx';
import { Card, SectionTitle } from '../../../ui/card.tsx';
import { Select, TextField } from '../../../ui/field.tsx';
import { Form, QueryError, useFormErrors } from '../../../ui/form.tsx';
import { Loading } from '../../../ui/loading.tsx';
import { PageTitle } from '../../../ui/page-title.tsx';
import { checkBin, digitsOnly } from '../../auth/validation.ts';
import { OrganisationFacts, useOrganisations } from '../organisations-page.tsx';
import { useRegistryText } from '../text.ts';
import { AdminNav } from './admin-nav.tsx';

const FIELDS = ['nameKk', 'nameRu', 'nameEn', 'bin', 'region', 'website'] as const;
const EMPTY = { nameKk: '', nameRu: '', nameEn: '', bin: '', region: '', website: '' };

const OrganisationForm = () => {
  const text = useRegistryText();
  const { t } = text;
  const queryClient = useQueryClient();
  const form = useFormErrors(FIELDS);
  const [values, setValues] = useState(EMPTY);
  const [created, setCreated] = useState<{ id: string; name: string } | null>(null);
  const set = (field: keyof typeof EMPTY) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  const create = useMutation({
    mutationFn: (body: OrganisationBody) => api.registry.createOrganisation(body),
    onSuccess: async ({ id }, body) => {
      setCreated({
        id,
        name: body[text.locale === 'kk' ? 'nameKk' : text.locale === 'ru' ? 'nameRu' : 'nameEn'],
      });
      setValues(EMPTY);
      await queryClient.invalidateQueries({ queryKey: ['registry', 'organisations'] });
    },
    onError: form.fromError,
  });
  const submit = () => {
    if (create.isPending) return;
    setCreated(null);
    const problems: Record<string, string> = {};
    for (const field of ['nameKk', 'nameRu', 'nameEn', 'region'] as const)
      if (!values[field].trim()) problems[field] = t('fields.required');
    const bin = checkBin(values.bin);
    if (bin) problems.bin = t(`fields.${bin}`);
    if (Object.keys(problems).length > 0) return form.failFields(problems);
    form.clear();
    create.mutate({
      nameKk: values.nameKk.trim(),
      nameRu: values.nameRu.trim(),
      nameEn: values.nameEn.trim(),
      bin: digitsOnly(values.bin),
      region: values.region as OrganisationBody['region'],
      website: values.website.trim() || undefined,
    });
  };
  return (
    <Card>
      <SectionTitle id="new-organisation-title">
        {t('web.registry.admin.organisations.formTitle')}
      </SectionTitle>
      <p className="mb-4 text-slate-700">{t('web.registry.admin.organisations.formLead')}</p>
      <Form form={form} onSubmit={submit} aria-labelledby="new-organisation-title">
        {created && (
          <Alert
            tone="success"
            title={t('web.registry.admin.organisations.created', { name: created.name })}
            className="mb-5"
          >
            <Link to={`/registry/organisations/${created.id}`}>
              {t('web.registry.admin.organisations.view')}
            </Link>
          </Alert>
        )}
        <TextField
          id="nameKk"
          lang="kk"
          label={t('web.registry.admin.organisations.nameKk')}
          value={values.nameKk}
          onChange={set('nameKk')}
          error={form.errors.nameKk}
        />
        <TextField
          id="nameRu"
          lang="ru"
          label={t('web.registry.admin.organisations.nameRu')}
          value={values.nameRu}
          onChange={set('nameRu')}
          error={form.errors.nameRu}
        />
        <TextField
          id="nameEn"
          lang="en"
          label={t('web.registry.admin.organisations.nameEn')}
          value={values.nameEn}
          onChange={set('nameEn')}
          error={form.errors.nameEn}
        />
        <TextField
          id="bin"
          label={t('web.registry.organisations.bin')}
          hint={t('web.register.binHint')}
          inputMode="numeric"
          autoComplete="off"
          maxLength={14}
          value={values.bin}
          onChange={set('bin')}
          error={form.errors.bin}
        />
        <Select
          id="region"
          label={t('web.registry.organisations.region')}
          placeholder={t('web.common.choose')}
          value={values.region}
          onChange={set('region')}
          error={form.errors.region}
          options={text.regionOptions()}
        />
        <TextField
          id="website"
          type="url"
          inputMode="url"
          optional
          label={t('web.registry.organisations.website')}
          hint={t('web.registry.admin.organisations.websiteHint')}
          value={values.website}
          onChange={set('website')}
          error={form.errors.website}
        />
        <Button type="submit" pending={create.isPending} pendingLabel={t('web.common.saving')}>
          {t('web.registry.admin.organisations.submit')}
        </Button>
      </Form>
    </Card>
  );
};

export const OrganisationsAdminPage = () => {
  const { t } = useRegistryText();
  const organisations = useOrganisations();
  return (
    <>
      <PageTitle lead={t('web.registry.admin.organisations.lead')}>
        {t('web.registry.admin.organisations.title')}
      </PageTitle>
      <AdminNav />
      <div className="grid gap-6 lg:grid-cols-2 lg:items-start">
        <OrganisationForm />
        <section aria-labelledby="existing-title">
          <SectionTitle id="existing-title">{t('web.registry.admin.organisations.existing')}</SectionTitle>
          {organisations.isPending && <Loading />}
          {organisations.error && <QueryError error={organisations.error} />}
          {organisations.data?.organisations.length === 0 && <p>{t('web.registry.organisations.empty')}</p>}
          <ul className="grid gap-3">
            {organisations.data?.organisations.map((organisation) => (
              <Card key={organisation.id} as="li" className="min-w-0">
                <h3 className="font-bold">
                  <Link to={`/registry/organisations/${organisation.id}`}>{organisation.name}</Link>
                </h3>
                <p className="mb-1 text-slate-700">
                  {organisation.mediatorCount === 0
                    ? t('web.registry.organisations.countNone')
                    : t('web.registry.organisations.count', { count: organisation.mediatorCount })}
                </p>
                <OrganisationFacts organisation={organisation} />
              </Card>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
};
