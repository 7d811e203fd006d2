import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isPositiveScreen } from '../../../core/cases/screening.ts';
import { type CaseInvitationView, caseKeys, casesApi } from '../../cases-api.ts';
import { Alert } from '../../ui/alert.tsx';
import { Button, ButtonLink } from '../../ui/button.tsx';
import { TextArea } from '../../ui/field.tsx';
import { Form, useFormErrors } from '../../ui/form.tsx';
import { inWords } from './request-draft.ts';
import {
  completeAnswers,
  PositiveScreen,
  SCREENING_FIELDS,
  type ScreeningDraft,
  ScreeningQuestions,
  unansweredProblems,
} from './screening.tsx';

/** The invited party accepts; a family case asks the private safety questions first (R-FAM-02). */
export const AcceptPanel = ({ token, view }: { token: string; view: CaseInvitationView }) => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useFormErrors(SCREENING_FIELDS);
  const [screening, setScreening] = useState<ScreeningDraft>({});
  const [positive, setPositive] = useState<string | null>(null);
  const accept = useMutation({
    mutationFn: () => casesApi.acceptInvitation(token, completeAnswers(screening) ?? undefined),
    onSuccess: async ({ caseId }) => {
      await queryClient.invalidateQueries({ queryKey: caseKeys.all });
      const answers = completeAnswers(screening);
      // A positive screen: help lines first, the case page after (nothing else shows them again).
      if (answers && isPositiveScreen(answers)) setPositive(caseId);
      else navigate(`/cases/${caseId}`);
    },
    onError: form.fromError,
  });

  if (positive)
    return (
      <>
        <Alert tone="success" title={t('web.intake.invitation.acceptedTitle')} className="mb-4" />
        <PositiveScreen />
        <ButtonLink to={`/cases/${positive}`}>{t('web.intake.invitation.openCase')}</ButtonLink>
      </>
    );

  return (
    <Form
      form={form}
      aria-labelledby="accept-title"
      onSubmit={() => {
        if (accept.isPending) return;
        if (view.screeningRequired) {
          const problems = unansweredProblems(screening);
          if (Object.keys(problems).length > 0) return form.failFields(inWords(problems, t));
        }
        form.clear();
        accept.mutate();
      }}
    >
      <h2 id="accept-title" className="mb-3 text-xl font-bold text-brand-900">
        {t('web.intake.invitation.acceptTitle')}
      </h2>
      {view.screeningRequired && (
        <>
          <h3 className="mb-3 text-lg font-bold">{t('web.intake.screening.title')}</h3>
          <ScreeningQuestions value={screening} onChange={setScreening} errors={form.errors} />
        </>
      )}
      <p className="mb-4">{t('web.intake.invitation.acceptText')}</p>
      <Button type="submit" pending={accept.isPending} pendingLabel={t('web.common.sending')}>
        {t('web.intake.invitation.accept')}
      </Button>
    </Form>
  );
};

/** Declining needs no account: the emailed link is the proof (R-MED-09: nobody must mediate). */
export const DeclinePanel = ({ token, onDeclined }: { token: string; onDeclined: () => void }) => {
  const { t } = useTranslation();
  const form = useFormErrors(['reason']);
  const [reason, setReason] = useState('');
  const decline = useMutation({
    mutationFn: () => casesApi.declineInvitation(token, reason.trim() || undefined),
    onSuccess: onDeclined,
    onError: form.fromError,
  });
  return (
    <details className="mt-8 rounded-lg border border-slate-300 bg-white p-4">
      <summary className="min-h-11 cursor-pointer py-2 font-semibold text-brand-800">
        {t('web.intake.invitation.declineTitle')}
      </summary>
      <Form
        form={form}
        className="mt-3"
        onSubmit={() => {
          if (!decline.isPending) decline.mutate();
        }}
      >
        <p className="mb-4">{t('web.intake.invitation.declineText')}</p>
        <TextArea
          id="reason"
          optional
          label={t('web.intake.invitation.reason')}
          hint={t('web.intake.invitation.reasonHint')}
          maxLength={1000}
          rows={3}
          value={reason}
          onChange={setReason}
          error={form.errors.reason}
        />
        <Button
          type="submit"
          variant="danger"
          pending={decline.isPending}
          pendingLabel={t('web.common.sending')}
        >
          {t('web.intake.invitation.decline')}
        </Button>
      </Form>
    </details>
  );
};
