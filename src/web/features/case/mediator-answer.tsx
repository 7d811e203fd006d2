import { useEffect, useState } from 'react';
import { type CaseView, casesApi, type MediatorAnswerBody } from '../../cases-api.ts';
import { Button } from '../../ui/button.tsx';
import { RadioGroup, TextArea } from '../../ui/field.tsx';
import { Form, useFormErrors } from '../../ui/form.tsx';
import { declarations, undeclared } from './model.ts';
import { RuleWhy } from './rule-why.tsx';
import { CaseSection } from './section.tsx';
import { useCaseText } from './text.ts';
import { useCaseAction } from './use-case-action.ts';

const ACCEPT_FIELDS = ['declarations'] as const;
const DECLINE_FIELDS = ['reason', 'note'] as const;
const REASONS = ['conflict', 'unavailable', 'other'] as const;

/** R-MED-06: "no conflict of interest with <party>" for every party, then accept. */
const AcceptForm = ({ view }: { view: CaseView }) => {
  const { t } = useCaseText();
  const form = useFormErrors(ACCEPT_FIELDS);
  const [declared, setDeclared] = useState<ReadonlySet<string>>(new Set());
  const missing = undeclared(view.parties, declared);
  const accept = useCaseAction<MediatorAnswerBody>({
    caseId: view.id,
    run: (body) => casesApi.answerAsMediator(view.id, body),
    form,
    done: t('web.case.answer.accepted'),
  });
  const toggle = (partyId: string, checked: boolean) =>
    setDeclared((previous) => {
      const next = new Set(previous);
      if (checked) next.add(partyId);
      else next.delete(partyId);
      return next;
    });
  return (
    <Form
      form={form}
      aria-labelledby="answer-accept-title"
      onSubmit={() => {
        if (missing.length > 0) return form.failFields({ declarations: t('web.case.answer.declareAll') });
        accept.mutate({ accept: true, declarations: declarations(view.parties) });
      }}
    >
      <h3 id="answer-accept-title" className="mb-2 text-lg font-bold">
        {t('web.case.answer.acceptTitle')}
      </h3>
      <fieldset
        className={`mb-4 min-w-0 ${form.errors.declarations ? 'border-l-4 border-red-700 pl-3' : ''}`}
        aria-describedby={form.errors.declarations ? 'declarations-error' : undefined}
      >
        <legend className="mb-1 font-semibold">{t('web.case.answer.legend')}</legend>
        <RuleWhy rule="R-MED-06" className="mb-2" />
        {form.errors.declarations && (
          <p id="declarations-error" className="mb-2 font-semibold text-red-700">
            <span className="sr-only">{t('web.common.errorPrefix')} </span>
            {form.errors.declarations}
          </p>
        )}
        {view.parties.map((party) => {
          const id = `no-conflict-${party.id}`;
          const checked = declared.has(party.id);
          return (
            <label
              key={party.id}
              htmlFor={id}
              className={`mb-2 flex min-h-12 cursor-pointer items-start gap-3 rounded-md border-2 bg-white p-3 ${
                checked ? 'border-brand-700 bg-brand-50' : 'border-slate-400'
              }`}
            >
              <input
                id={id}
                type="checkbox"
                checked={checked}
                onChange={(event) => toggle(party.id, event.target.checked)}
                aria-invalid={form.errors.declarations && !checked ? true : undefined}
                className="mt-1 size-5 shrink-0 accent-brand-700"
              />
              <span className="font-semibold">
                {t('web.case.answer.noConflict', { name: party.fullName })}
              </span>
            </label>
          );
        })}
      </fieldset>
      <p id="accept-hint" className="mb-2 text-slate-700">
        {missing.length > 0 ? t('web.case.answer.acceptHint') : t('web.case.answer.acceptReady')}
      </p>
      <Button
        type="submit"
        aria-disabled={missing.length > 0 || undefined}
        aria-describedby="accept-hint"
        className={missing.length > 0 ? 'opacity-60' : ''}
        pending={accept.isPending}
        pendingLabel={t('web.common.sending')}
      >
        {t('web.case.answer.accept')}
      </Button>
    </Form>
  );
};

/** Decline, with the reason (a declared conflict excludes this mediator from the case). */
const DeclineForm = ({ view }: { view: CaseView }) => {
  const { t } = useCaseText();
  const form = useFormErrors(DECLINE_FIELDS);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const decline = useCaseAction<MediatorAnswerBody>({
    caseId: view.id,
    run: (body) => casesApi.answerAsMediator(view.id, body),
    form,
    done: t('web.case.answer.declined'),
  });
  // Opening the form moves focus into it; closing returns it to the button.
  const [touched, setTouched] = useState(false);
  useEffect(() => {
    if (touched) document.getElementById(open ? 'decline-reason-conflict' : 'decline-open')?.focus();
  }, [open, touched]);
  if (!open)
    return (
      <Button
        id="decline-open"
        variant="secondary"
        onClick={() => {
          setTouched(true);
          setOpen(true);
        }}
      >
        {t('web.case.answer.declineOpen')}
      </Button>
    );
  return (
    <Form
      form={form}
      aria-labelledby="answer-decline-title"
      onSubmit={() => {
        if (!reason) return form.failFields({ reason: t('fields.required') });
        decline.mutate({
          accept: false,
          reason: reason as (typeof REASONS)[number],
          note: note.trim() || undefined,
        });
      }}
    >
      <h3 id="answer-decline-title" className="mb-2 text-lg font-bold">
        {t('web.case.answer.declineTitle')}
      </h3>
      <RadioGroup
        name="decline-reason"
        legend={t('web.case.answer.reasonLegend')}
        value={reason}
        onChange={setReason}
        error={form.errors.reason}
        options={REASONS.map((value) => ({
          value,
          label: t(`web.case.answer.reasons.${value}`),
          hint: t(`web.case.answer.reasonHints.${value}`),
        }))}
      />
      <TextArea
        id="decline-note"
        label={t('web.case.answer.note')}
        optional
        maxLength={1000}
        value={note}
        onChange={setNote}
        error={form.errors.note}
      />
      <div className="flex flex-wrap gap-3">
        <Button
          type="submit"
          variant="danger"
          pending={decline.isPending}
          pendingLabel={t('web.common.sending')}
        >
          {t('web.case.answer.decline')}
        </Button>
        <Button variant="quiet" onClick={() => setOpen(false)}>
          {t('web.common.cancel')}
        </Button>
      </div>
    </Form>
  );
};

/** Status mediator_asked, for the mediator asked. */
export const MediatorAnswer = ({ view }: { view: CaseView }) => {
  const { t } = useCaseText();
  const canAccept = view.viewer.actions.includes('mediator_accept');
  const canDecline = view.viewer.actions.includes('mediator_decline');
  return (
    <CaseSection id="answer" title={t('web.case.answer.title')}>
      <p className="mb-4">{t('web.case.answer.lead')}</p>
      {canAccept && <AcceptForm view={view} />}
      {canDecline && (
        <div className="mt-6 border-t border-slate-200 pt-4">
          <DeclineForm view={view} />
        </div>
      )}
    </CaseSection>
  );
};
