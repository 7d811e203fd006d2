import { useState } from 'react';
import { type CaseView, casesApi, type EndingBody, type ExtensionBody } from '../../cases-api.ts';
import { Button } from '../../ui/button.tsx';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { RadioGroup, TextArea, TextField } from '../../ui/field.tsx';
import { Form, useFormErrors } from '../../ui/form.tsx';
import { ENDING_RULES, ENDINGS, type EndingChoice, endingBody, extensionLeft, parseDays } from './model.ts';
import { RuleWhy } from './rule-why.tsx';
import { CaseSection } from './section.tsx';
import { useCaseText } from './text.ts';
import { useCaseAction } from './use-case-action.ts';

const EXTENSION_FIELDS = ['days', 'note'] as const;
const ENDING_FIELDS = ['outcome', 'reason', 'note'] as const;

/** R-MED-11: an extension the parties and the mediator agreed, up to 30 days in total. */
const ExtensionForm = ({ view }: { view: CaseView }) => {
  const { t } = useCaseText();
  const form = useFormErrors(EXTENSION_FIELDS);
  const max = extensionLeft(view.term);
  const [days, setDays] = useState('');
  const [note, setNote] = useState('');
  const extend = useCaseAction<ExtensionBody>({
    caseId: view.id,
    run: (body) => casesApi.extend(view.id, body),
    form,
    done: t('web.case.extension.done'),
    onDone: () => {
      setDays('');
      setNote('');
    },
  });
  if (max === 0) return <p>{t('web.case.extension.used')}</p>;
  return (
    <Form
      form={form}
      aria-labelledby="extension-title"
      onSubmit={() => {
        const n = parseDays(days);
        const errors: Record<string, string> = {};
        if (n === null || n < 1 || n > max) errors.days = t('web.case.extension.daysRange', { max });
        if (note.trim().length < 3) errors.note = t('web.case.extension.noteRequired');
        if (Object.keys(errors).length > 0) return form.failFields(errors);
        extend.mutate({ days: n as number, note: note.trim() });
      }}
    >
      <h3 id="extension-title" className="mb-2 text-lg font-bold">
        {t('web.case.extension.title')}
      </h3>
      <RuleWhy rule="R-MED-11" className="mb-3" short />
      <TextField
        id="extension-days"
        label={t('web.case.extension.days')}
        hint={t('web.case.extension.daysHint', { max })}
        inputMode="numeric"
        autoComplete="off"
        className="max-w-32"
        value={days}
        onChange={setDays}
        error={form.errors.days}
      />
      <TextArea
        id="extension-note"
        label={t('web.case.extension.note')}
        hint={t('web.case.extension.noteHint')}
        maxLength={1000}
        value={note}
        onChange={setNote}
        error={form.errors.note}
      />
      <Button type="submit" pending={extend.isPending} pendingLabel={t('web.common.sending')}>
        {t('web.case.extension.submit')}
      </Button>
    </Form>
  );
};

/** Settled, not settled, or terminated as futile / by written consent (R-MED-15, R-MED-21). */
const EndingForm = ({ view }: { view: CaseView }) => {
  const { t } = useCaseText();
  const form = useFormErrors(ENDING_FIELDS);
  const [choice, setChoice] = useState('');
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState(false);
  const end = useCaseAction<EndingBody>({
    caseId: view.id,
    run: (body) => casesApi.end(view.id, body),
    form,
    done: t('web.case.ending.done'),
    onDone: () => setConfirming(false),
    onFail: () => setConfirming(false),
  });
  return (
    <>
      <Form
        form={form}
        aria-labelledby="ending-title"
        onSubmit={() => {
          if (!choice) return form.failFields({ outcome: t('fields.required') });
          form.clear();
          setConfirming(true);
        }}
      >
        <h3 id="ending-title" className="mb-2 text-lg font-bold">
          {t('web.case.ending.title')}
        </h3>
        <RadioGroup
          name="ending"
          legend={t('web.case.ending.legend')}
          value={choice}
          onChange={setChoice}
          error={form.errors.outcome ?? form.errors.reason}
          options={ENDINGS.map((value) => ({
            value,
            label: t(`web.case.ending.choices.${value}`),
            hint: `${t(`web.case.ending.hints.${value}`)} ${t('web.case.ruleOnly', { rule: ENDING_RULES[value] })}`,
          }))}
        />
        <TextArea
          id="ending-note"
          label={t('web.case.ending.note')}
          hint={t('web.case.ending.noteHint')}
          optional
          maxLength={2000}
          value={note}
          onChange={setNote}
          error={form.errors.note}
        />
        <Button type="submit" variant="danger">
          {t('web.case.ending.submit')}
        </Button>
      </Form>
      <ConfirmDialog
        open={confirming}
        title={t('web.case.ending.confirmTitle')}
        confirmLabel={t('web.case.ending.confirm')}
        cancelLabel={t('web.common.cancel')}
        pending={end.isPending}
        onConfirm={() => end.mutate(endingBody(choice as EndingChoice, note))}
        onCancel={() => setConfirming(false)}
      >
        <p>
          {choice && t('web.case.ending.confirmText', { outcome: t(`web.case.ending.choices.${choice}`) })}
        </p>
      </ConfirmDialog>
    </>
  );
};

/** Status active, for the mediator: extend the term, end the mediation. */
export const MediatorTools = ({ view }: { view: CaseView }) => {
  const { t } = useCaseText();
  const actions = view.viewer.actions;
  const canEnd = actions.includes('end') || actions.includes('terminate');
  if (!actions.includes('extend') && !canEnd) return null;
  return (
    <CaseSection id="mediator-tools" title={t('web.case.tools.title')}>
      {actions.includes('extend') && <ExtensionForm view={view} />}
      {canEnd && (
        <div className="mt-6 border-t border-slate-200 pt-4">
          <EndingForm view={view} />
        </div>
      )}
    </CaseSection>
  );
};
