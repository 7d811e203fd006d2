import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { startingTerms } from '../../../core/agreements/compose.ts';
import {
  AGREEMENT_LANGUAGES,
  type AgreementLanguage,
  type LocalizedText,
  type PdfLayout,
} from '../../../core/agreements/types.ts';
import { agreementKeys, agreementsApi } from '../../agreements-api.ts';
import type { CaseView } from '../../cases-api.ts';
import { Button } from '../../ui/button.tsx';
import { CheckboxGroup } from '../../ui/choices.tsx';
import { RadioGroup, TextArea } from '../../ui/field.tsx';
import { Form, useFormErrors } from '../../ui/form.tsx';
import { fitLayout, layoutsFor, orderedLanguages, partyIdsOf, subjectFrom } from './model.ts';
import { useAgreementText } from './text.ts';

const FIELDS = ['terms.languages', 'terms.layout', 'terms.subject'] as const;
const DEFAULT_LANGUAGES: AgreementLanguage[] = ['kk', 'ru'];

type Props = { view: CaseView; announce: (text: string) => void };

/**
 * No agreement yet: the mediator or a party starts one from the template of the case's category
 * (core startingTerms), in the languages chosen; the terms are then edited version by version.
 */
export const StartForm = ({ view, announce }: Props) => {
  const { t } = useAgreementText();
  const queryClient = useQueryClient();
  const form = useFormErrors(FIELDS);
  const category = view.request?.category;
  const [languages, setLanguages] = useState<AgreementLanguage[]>(DEFAULT_LANGUAGES);
  const [layout, setLayout] = useState<PdfLayout>('kk+ru');
  const [subject, setSubject] = useState<LocalizedText>(() =>
    subjectFrom(view.request?.subject, view.request?.language, DEFAULT_LANGUAGES),
  );
  const create = useMutation({
    mutationFn: () => {
      if (!category) throw new Error('no category');
      // Only the chosen languages' texts: a text typed before a language was unticked stays out.
      const written = Object.fromEntries(
        languages.flatMap((l) => (subject[l]?.trim() ? [[l, subject[l]]] : [])),
      );
      const terms = startingTerms({
        category,
        partyIds: partyIdsOf(view),
        languages,
        layout,
        subject: written,
      });
      return agreementsApi.create(view.id, terms);
    },
    onSuccess: (created) => {
      form.clear();
      queryClient.setQueryData(agreementKeys.one(view.id), created);
      announce(t('web.agreement.start.done'));
    },
    onError: (error) => form.fromError(error),
  });
  if (!category) return <p>{t('web.agreement.start.noCategory')}</p>;
  return (
    <Form
      form={form}
      aria-labelledby="agr-start-title"
      onSubmit={() => {
        if (languages.length === 0)
          return form.failFields({ 'terms.languages': t('web.agreement.problems.languages_required') });
        create.mutate();
      }}
    >
      <h3 id="agr-start-title" className="mb-1 text-lg font-bold">
        {t('web.agreement.start.title')}
      </h3>
      <p className="mb-4 text-slate-700">
        {t('web.agreement.start.intro', { category: t(`registry.categories.${category}`) })}
      </p>
      <CheckboxGroup
        name="agr-start-languages"
        legend={t('web.agreement.general.languages')}
        hint={t('web.agreement.general.languagesHint')}
        columns="short"
        options={AGREEMENT_LANGUAGES.map((lang) => ({
          value: lang,
          label: t(`web.agreement.languageNames.${lang}`),
          lang,
        }))}
        value={languages}
        error={form.errors['terms.languages']}
        onChange={(next) => {
          const ordered = orderedLanguages(next);
          setLanguages(ordered);
          setLayout((current) => fitLayout(current, ordered));
        }}
      />
      {languages.length > 0 && (
        <RadioGroup
          name="agr-start-layout"
          legend={t('web.agreement.general.layout')}
          value={layout}
          onChange={(value) => setLayout(value as PdfLayout)}
          error={form.errors['terms.layout']}
          options={layoutsFor(languages).map((value) => ({
            value,
            label: t(`web.agreement.layouts.${value === 'kk+ru' ? 'bilingual' : value}`),
          }))}
        />
      )}
      <fieldset className="mb-5 min-w-0">
        <legend className="mb-2 font-semibold">{t('web.agreement.general.subject')}</legend>
        <p className="mb-2 text-slate-700">{t('web.agreement.start.subjectHint')}</p>
        {languages.map((lang) => (
          <TextArea
            key={lang}
            id={`agr-start-subject-${lang}`}
            label={t(`web.agreement.languageNames.${lang}`)}
            lang={lang}
            rows={2}
            maxLength={4000}
            value={subject[lang] ?? ''}
            onChange={(value) => setSubject((current) => ({ ...current, [lang]: value }))}
            error={form.errors['terms.subject']}
          />
        ))}
      </fieldset>
      <Button type="submit" pending={create.isPending} pendingLabel={t('web.common.sending')}>
        {t('web.agreement.start.submit')}
      </Button>
    </Form>
  );
};
