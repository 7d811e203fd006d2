import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  answerProblems,
  completeAnswers,
  exploreDispute,
  kazakhstanYear,
} from '../../../core/cases/explorer.ts';
import { currentLocale } from '../../i18n.ts';
import { Alert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { Form, useFormErrors } from '../../ui/form.tsx';
import { PageTitle } from '../../ui/page-title.tsx';
import { EMPTY_FORM, type FieldName, type FormState, problemsByField, toDraft } from './form-state.ts';
import { Questions, questionLabel } from './questions.tsx';
import { ResultView } from './result-view.tsx';

// "Can my dispute be mediated?" for anyone, without an account. The rules engine runs here in the
// browser (the same core function the server's POST /api/explorer runs), so answering needs no
// connection once the page has loaded and no answer leaves the device.

const FIELDS: readonly FieldName[] = Object.keys(EMPTY_FORM) as FieldName[];

export const ExplorerPage = () => {
  const { t, i18n } = useTranslation();
  const locale = i18n.language ? currentLocale() : 'kk';
  const [state, setState] = useState<FormState>(EMPTY_FORM);
  // Errors show after the first "show the answer" and then follow the answers as they change.
  const [attempted, setAttempted] = useState(false);
  const [shown, setShown] = useState(false);
  const [focusRequest, setFocusRequest] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const form = useFormErrors(FIELDS);

  const draft = toDraft(state);
  const problems = answerProblems(draft);
  const answers = completeAnswers(draft);
  const answersKey = JSON.stringify(answers);
  // biome-ignore lint/correctness/useExhaustiveDependencies: recomputed when the answers change, not the object
  const result = useMemo(
    () => (answers ? exploreDispute(answers, { year: kazakhstanYear(new Date()) }) : null),
    [answersKey],
  );
  const byField = attempted ? problemsByField(problems) : {};
  const errors = Object.fromEntries(
    Object.entries(byField).map(([field, code]) => [field, t(`web.explorer.errors.${code}`)]),
  ) as Partial<Record<FieldName, string>>;

  useEffect(() => {
    if (focusRequest > 0) headingRef.current?.focus();
  }, [focusRequest]);

  const set =
    <F extends FieldName>(field: F) =>
    (value: FormState[F]) =>
      setState((previous) => ({ ...previous, [field]: value }));

  const submit = () => {
    setAttempted(true);
    const missing = problemsByField(problems);
    const fields = Object.keys(missing) as FieldName[];
    if (fields.length > 0) {
      // The summary names the questions: focus lands on it, and a screen reader reads the list.
      form.fail(
        t('web.explorer.missing'),
        {},
        fields.map((field) => questionLabel(t, field, state)),
      );
      return;
    }
    form.clear();
    setShown(true);
    setFocusRequest((n) => n + 1);
  };

  return (
    <>
      <PageTitle lead={t('web.explorer.lead')}>{t('web.explorer.title')}</PageTitle>
      <p className="mb-6 max-w-prose text-slate-700">{t('web.explorer.privacy')}</p>
      <Form form={form} onSubmit={submit} className="max-w-3xl" aria-labelledby="explorer-questions">
        <h2 id="explorer-questions" className="sr-only">
          {t('web.explorer.questions')}
        </h2>
        <Questions state={state} set={set} errors={errors} />
        <Button type="submit">{t('web.explorer.submit')}</Button>
      </Form>

      {shown && (
        <section aria-labelledby="explorer-result" className="mt-10 max-w-3xl">
          <h2
            id="explorer-result"
            ref={headingRef}
            tabIndex={-1}
            className="mb-4 text-2xl font-bold text-brand-900"
          >
            {t('web.explorer.result.title')}
          </h2>
          {result ? (
            <ResultView result={result} locale={locale} />
          ) : (
            <Alert tone="warning">{t('web.explorer.result.incomplete')}</Alert>
          )}
        </section>
      )}
    </>
  );
};
