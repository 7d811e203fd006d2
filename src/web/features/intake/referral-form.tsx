import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COURT_STAGES, PROCEEDING_TYPES } from '../../../core/cases/court.ts';
import { ApiError } from '../../api.ts';
import { casesApi } from '../../cases-api.ts';
import { Button } from '../../ui/button.tsx';
import { RadioGroup, Select, TextField } from '../../ui/field.tsx';
import { Form, useFormErrors } from '../../ui/form.tsx';
import { DisputeFields } from './dispute-fields.tsx';
import { forgetIdempotencyKey, idempotencyKey } from './idempotency.ts';
import { LawNote } from './law-note.tsx';
import type { PartyDraft } from './party-draft.ts';
import { PartyFields } from './party-fields.tsx';
import { REFERRAL_FIELDS, type ReferralDraft, referralProblems, toReferralBody } from './referral-draft.ts';
import { inWords } from './request-draft.ts';
import { Step } from './step.tsx';

const KEY_SCOPE = 'court-referral';

type Props = { initial: ReferralDraft; onReferred: (caseId: string) => void };

/** A pending court case referred to mediation (R-CPC-01): the court case, the dispute, the two parties. */
export const ReferralForm = ({ initial, onReferred }: Props) => {
  const { t } = useTranslation();
  const form = useFormErrors(REFERRAL_FIELDS);
  const [draft, setDraft] = useState(initial);
  const patch = (value: Partial<ReferralDraft>) => setDraft((previous) => ({ ...previous, ...value }));
  const setParty = (index: 0 | 1) => (party: PartyDraft) =>
    setDraft((previous) => {
      const parties: ReferralDraft['parties'] = [...previous.parties];
      parties[index] = party;
      return { ...previous, parties };
    });
  const e = form.errors;

  const refer = useMutation({
    mutationFn: async () => {
      try {
        const created = await casesApi.refer(toReferralBody(draft), idempotencyKey(KEY_SCOPE).key);
        forgetIdempotencyKey(KEY_SCOPE);
        return created;
      } catch (error) {
        // The server answered (and created nothing): a corrected retry is a new request.
        if (error instanceof ApiError) forgetIdempotencyKey(KEY_SCOPE);
        throw error;
      }
    },
    onSuccess: (created) => onReferred(created.id),
    onError: (error) => {
      // Not allowed in these proceedings (R-CPC-02, R-ADM-01): the reason belongs to the proceeding.
      if (error instanceof ApiError && error.code === 'referral_not_allowed' && error.problem)
        return form.fail(error.problem.detail, { proceeding: error.problem.detail });
      form.fromError(error);
    },
  });

  const onSubmit = () => {
    if (refer.isPending) return;
    const problems = referralProblems(draft);
    if (Object.keys(problems).length > 0) return form.failFields(inWords(problems, t));
    form.clear();
    refer.mutate();
  };

  return (
    <Form form={form} onSubmit={onSubmit} className="max-w-3xl">
      <Step n={1} id="step-court-case" title={t('web.intake.referral.courtCaseTitle')}>
        <TextField
          id="courtCaseNumber"
          label={t('web.intake.referral.caseNumber')}
          hint={t('web.intake.referral.caseNumberHint')}
          autoComplete="off"
          maxLength={60}
          value={draft.courtCaseNumber}
          onChange={(courtCaseNumber) => patch({ courtCaseNumber })}
          error={e.courtCaseNumber}
        />
        <Select
          id="proceeding"
          label={t('web.intake.referral.proceeding')}
          hint={t('web.intake.referral.proceedingHint')}
          value={draft.proceeding}
          onChange={(proceeding) => patch({ proceeding: proceeding as ReferralDraft['proceeding'] })}
          options={PROCEEDING_TYPES.map((p) => ({ value: p, label: t(`web.case.court.proceedings.${p}`) }))}
          error={e.proceeding}
        />
        <Select
          id="stage"
          label={t('web.intake.referral.stage')}
          placeholder={t('web.common.choose')}
          value={draft.stage}
          onChange={(stage) => patch({ stage: stage as ReferralDraft['stage'] })}
          options={COURT_STAGES.map((s) => ({ value: s, label: t(`web.case.court.stages.${s}`) }))}
          error={e.stage}
        />
        <TextField
          id="judgeName"
          label={t('web.intake.referral.judge')}
          autoComplete="off"
          maxLength={200}
          value={draft.judgeName}
          onChange={(judgeName) => patch({ judgeName })}
          error={e.judgeName}
        />
        <LawNote rules={['R-CPC-01', 'R-CPC-02', 'R-ADM-01', 'R-MED-09']} />
      </Step>

      <Step
        n={2}
        id="step-dispute"
        title={t('web.intake.form.disputeTitle')}
        lead={t('web.intake.referral.disputeLead')}
      >
        <DisputeFields value={draft} onChange={patch} errors={e} withDescription={false} />
        <RadioGroup
          name="mediatorSelection"
          legend={t('web.intake.referral.selection')}
          value={draft.mediatorSelection}
          onChange={(value) => patch({ mediatorSelection: value as ReferralDraft['mediatorSelection'] })}
          error={e.mediatorSelection}
          options={[
            {
              value: 'parties',
              label: t('web.intake.referral.selectionParties'),
              hint: t('web.intake.referral.selectionPartiesHint'),
            },
            {
              value: 'rotation',
              label: t('web.intake.referral.selectionRotation'),
              hint: t('web.intake.referral.selectionRotationHint'),
            },
          ]}
        />
      </Step>

      {([0, 1] as const).map((index) => (
        <Step
          key={index}
          n={3 + index}
          id={`step-party-${index}`}
          title={t(index === 0 ? 'web.intake.referral.firstParty' : 'web.intake.referral.secondParty')}
        >
          <PartyFields
            path={`parties.${index}`}
            value={draft.parties[index]}
            onChange={setParty(index)}
            errors={e}
          />
        </Step>
      ))}

      <Step n={5} id="step-send" title={t('web.intake.referral.sendTitle')}>
        <p className="mb-3">{t('web.intake.referral.sendText')}</p>
        <p className="mb-5 text-slate-700">{t('web.intake.referral.confidential')}</p>
        <Button type="submit" pending={refer.isPending} pendingLabel={t('web.common.sending')}>
          {t('web.intake.referral.submit')}
        </Button>
      </Step>
    </Form>
  );
};
