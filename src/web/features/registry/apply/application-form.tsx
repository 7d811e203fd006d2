import { useMutation } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../../../core/identity/roles.ts';
import { MEDIATION_LAW } from '../../../../core/law/mediation-law.ts';
import { PROFESSIONAL_MIN_AGE } from '../../../../core/registry/eligibility.ts';
import { type ApplicationBody, api, type OrganisationList } from '../../../api.ts';
import { currentLocale } from '../../../i18n.ts';
import { Alert } from '../../../ui/alert.tsx';
import { Button } from '../../../ui/button.tsx';
import { Checkbox, CheckboxGroup } from '../../../ui/choices.tsx';
import { RadioGroup, Select, TextArea, TextField } from '../../../ui/field.tsx';
import { Form, useFormErrors } from '../../../ui/form.tsx';
import { useRegistryText } from '../text.ts';
import { bioLanguages, type Draft, draftProblems, isBlank, KNOWN_FIELDS, toBody } from './draft.ts';
import { TrainingsFieldset } from './trainings-fieldset.tsx';
import { UploadField } from './upload-field.tsx';

const RULES = ['R-MED-12', 'R-MED-13', 'R-MED-14', 'R-MED-18'] as const;
const RULE_OF: Record<string, string> = { mediator_organisation_required: 'R-MED-12' };

const Step = ({ n, id, title, children }: { n: number; id: string; title: string; children: ReactNode }) => (
  <section
    aria-labelledby={id}
    className="mb-6 rounded-lg border border-slate-300 bg-white p-4 shadow-sm sm:p-6"
  >
    <h2 id={id} className="mb-4 text-xl font-bold text-brand-900">
      <span aria-hidden="true" className="mr-2 text-slate-600">
        {n}.
      </span>
      {title}
    </h2>
    {children}
  </section>
);

/** What the law requires, with rule ids: shown to applicants in their language (DOMAIN.md §3). */
const LawText = () => {
  const { t, i18n } = useTranslation();
  const locale: Locale = i18n.language ? currentLocale() : 'kk';
  return (
    <details className="mb-2 rounded-md border border-slate-300 bg-slate-50 p-3">
      <summary className="min-h-11 cursor-pointer py-2 font-semibold text-brand-800">
        {t('web.registry.apply.lawTitle')}
      </summary>
      <ul className="mt-2 space-y-2">
        {RULES.map((id) => (
          <li key={id}>
            <span className="font-semibold">{id}.</span> {MEDIATION_LAW[id].text[locale]}{' '}
            <span className="text-slate-700">({MEDIATION_LAW[id].source})</span>
          </li>
        ))}
      </ul>
    </details>
  );
};

type Props = {
  initial: Draft;
  organisations: OrganisationList['organisations'];
  resubmitting: boolean;
  onSubmitted: () => void;
};

export const ApplicationForm = ({ initial, organisations, resubmitting, onSubmitted }: Props) => {
  const text = useRegistryText();
  const { t } = text;
  const form = useFormErrors(KNOWN_FIELDS);
  const [draft, setDraft] = useState<Draft>(initial);
  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) =>
      setDraft((previous) => ({ ...previous, [key]: value }));
  const today = new Date().toISOString().slice(0, 10);
  const professional = draft.kind === 'professional';
  const e = form.errors;

  const submit = useMutation({
    mutationFn: (body: ApplicationBody) => api.registry.apply(body),
    onSuccess: onSubmitted,
    onError: form.fromError,
  });

  const onSubmit = () => {
    if (submit.isPending) return;
    // Untouched course rows go, so that the server's "trainings.N" counts the same rows as the form.
    const sent = { ...draft, trainings: draft.trainings.filter((row) => !isBlank(row)) };
    if (sent.trainings.length !== draft.trainings.length) setDraft(sent);
    const problems = draftProblems(sent);
    if (Object.keys(problems).length > 0)
      return form.failFields(
        Object.fromEntries(
          Object.entries(problems).map(([field, code]) => [
            field,
            t(`fields.${code}`, { rule: RULE_OF[code] }),
          ]),
        ),
      );
    form.clear();
    submit.mutate(toBody(sent));
  };

  return (
    <Form form={form} onSubmit={onSubmit} className="max-w-3xl">
      <Step n={1} id="step-kind" title={t('web.registry.apply.kindTitle')}>
        <RadioGroup
          name="kind"
          legend={t('web.registry.apply.kindLegend')}
          value={draft.kind}
          onChange={(kind) => {
            form.clear();
            set('kind')(kind as Draft['kind']);
          }}
          error={e.kind}
          options={[
            {
              value: 'professional',
              label: text.kind('professional'),
              hint: t('web.registry.apply.professionalHint', { age: PROFESSIONAL_MIN_AGE }),
            },
            { value: 'public', label: text.kind('public'), hint: t('web.registry.apply.publicHint') },
          ]}
        />
        <LawText />
      </Step>

      {professional ? (
        <Step n={2} id="step-organisation" title={t('web.registry.apply.organisationTitle')}>
          <Select
            id="organisationId"
            label={t('web.registry.apply.organisation')}
            hint={t('web.registry.apply.organisationHint')}
            placeholder={t('web.common.choose')}
            value={draft.organisationId}
            onChange={set('organisationId')}
            error={e.organisationId}
            options={organisations.map((o) => ({ value: o.id, label: o.name }))}
          />
        </Step>
      ) : (
        <Step n={2} id="step-election" title={t('web.registry.apply.electionTitle')}>
          <p className="mb-4 text-slate-700">{t('web.registry.apply.electionLead')}</p>
          <TextField
            id="akimat"
            label={t('web.registry.apply.akimat')}
            hint={t('web.registry.apply.akimatHint')}
            value={draft.akimat}
            onChange={set('akimat')}
            error={e.akimat}
          />
          <TextField
            id="community"
            label={t('web.registry.apply.community')}
            hint={t('web.registry.apply.communityHint')}
            value={draft.community}
            onChange={set('community')}
            error={e.community}
          />
          <TextField
            id="electedOn"
            type="date"
            max={today}
            optional
            label={t('web.registry.apply.electedOn')}
            value={draft.electedOn}
            onChange={set('electedOn')}
            error={e.electedOn}
          />
        </Step>
      )}

      <Step n={3} id="step-education" title={t('web.registry.apply.educationTitle')}>
        <TextField
          id="birthDate"
          type="date"
          max={today}
          label={t('web.registry.apply.birthDate')}
          hint={
            professional
              ? t('web.registry.apply.birthDateHintProfessional', { age: PROFESSIONAL_MIN_AGE })
              : t('web.registry.apply.birthDateHint')
          }
          value={draft.birthDate}
          onChange={set('birthDate')}
          error={e.birthDate}
        />
        <Checkbox
          id="higherEducation"
          label={t('web.registry.apply.higherEducation')}
          hint={professional ? t('web.registry.apply.higherEducationHint') : undefined}
          checked={draft.higherEducation}
          onChange={set('higherEducation')}
          error={e.higherEducation}
        />
        <TextField
          id="education"
          optional
          label={t('web.registry.apply.education')}
          hint={t('web.registry.apply.educationHint')}
          value={draft.education}
          onChange={set('education')}
          error={e.education}
        />
        {professional && (
          <UploadField
            id="diploma"
            kind="diploma"
            label={t('web.registry.apply.diploma')}
            value={draft.diploma}
            onChange={set('diploma')}
            error={e.diplomaDocumentId}
          />
        )}
      </Step>

      <Step n={4} id="step-training" title={t('web.registry.apply.trainingTitle')}>
        <p className="mb-4 text-slate-700">{t('web.registry.apply.trainingLead')}</p>
        <TrainingsFieldset
          draft={draft}
          setTrainings={(update) =>
            setDraft((previous) => ({ ...previous, trainings: update(previous.trainings) }))
          }
          errors={e}
          today={today}
        />
      </Step>

      <Step n={5} id="step-scope" title={t('web.registry.apply.scopeTitle')}>
        <CheckboxGroup
          name="categories"
          legend={t('web.registry.apply.categories')}
          options={text.categoryOptions()}
          value={draft.categories}
          onChange={set('categories')}
          error={e.categories}
        />
        <CheckboxGroup
          name="languages"
          legend={t('web.registry.apply.languages')}
          hint={t('web.registry.apply.languagesHint')}
          options={text.languageOptions()}
          value={draft.languages}
          onChange={set('languages')}
          error={e.languages}
          columns="short"
        />
        <CheckboxGroup
          name="regions"
          legend={t('web.registry.apply.regions')}
          options={text.regionOptions()}
          value={draft.regions}
          onChange={set('regions')}
          error={e.regions}
          columns={3}
        />
      </Step>

      <Step n={6} id="step-work" title={t('web.registry.apply.workTitle')}>
        <Checkbox
          id="remote"
          label={t('web.registry.apply.remote')}
          hint={t('web.registry.apply.remoteHint')}
          checked={draft.remote}
          onChange={set('remote')}
          error={e.remote}
        />
        <Checkbox
          id="inPerson"
          label={t('web.registry.apply.inPerson')}
          checked={draft.inPerson}
          onChange={set('inPerson')}
          error={e.inPerson}
        />
        {draft.inPerson && (
          <TextField
            id="address"
            label={t('web.registry.apply.address')}
            hint={t('web.registry.apply.addressHint')}
            autoComplete="street-address"
            value={draft.address}
            onChange={set('address')}
            error={e.address}
          />
        )}
        <TextField
          id="capacity"
          inputMode="numeric"
          label={t('web.registry.apply.capacity')}
          hint={t('web.registry.apply.capacityHint')}
          className="max-w-32"
          value={draft.capacity}
          onChange={set('capacity')}
          error={e.capacity}
        />
      </Step>

      <Step n={7} id="step-fee" title={t('web.registry.apply.feeTitle')}>
        {professional ? (
          <>
            <RadioGroup
              name="feeType"
              legend={t('web.registry.apply.feeLegend')}
              value={draft.feeType}
              onChange={(feeType) => set('feeType')(feeType as Draft['feeType'])}
              error={e.fee}
              options={(['hourly', 'fixed', 'free'] as const).map((value) => ({
                value,
                label: t(`web.registry.apply.feeTypes.${value}`),
              }))}
            />
            {draft.feeType !== 'free' && (
              <TextField
                id="feeAmount"
                inputMode="numeric"
                label={t(`web.registry.apply.feeAmount.${draft.feeType}`)}
                hint={t('web.registry.apply.feeAmountHint')}
                className="max-w-48"
                value={draft.feeAmount}
                onChange={set('feeAmount')}
                error={e['fee.amountKzt']}
              />
            )}
          </>
        ) : (
          <Alert tone="info" title={t('web.registry.apply.publicFree')} />
        )}
      </Step>

      <Step n={8} id="step-bio" title={t('web.registry.apply.bioTitle')}>
        {bioLanguages(draft).length === 0 ? (
          <p className="text-slate-700">{t('web.registry.apply.bioNone')}</p>
        ) : (
          <>
            <p className="mb-4 text-slate-700">{t('web.registry.apply.bioLead')}</p>
            {LOCALES.filter((l) => bioLanguages(draft).includes(l)).map((l) => (
              <TextArea
                key={l}
                id={`bio-${l}`}
                lang={l}
                label={t('web.registry.apply.bio', { language: text.language(l) })}
                rows={5}
                maxLength={2000}
                value={draft.bio[l]}
                onChange={(value) =>
                  setDraft((previous) => ({ ...previous, bio: { ...previous.bio, [l]: value } }))
                }
                error={e[`bio.${l}`]}
              />
            ))}
          </>
        )}
      </Step>

      <p className="mb-4 text-slate-700">{t('web.registry.apply.afterSubmit')}</p>
      <Button
        type="submit"
        pending={submit.isPending}
        pendingLabel={t('web.common.sending')}
        className="w-full sm:w-auto"
      >
        {resubmitting ? t('web.registry.apply.resubmit') : t('web.registry.apply.submit')}
      </Button>
    </Form>
  );
};
