import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import {
  agreementKeys,
  agreementsApi,
  type CourtDecision,
  type CourtFilingSummary,
} from '../../agreements-api.ts';
import { Button } from '../../ui/button.tsx';
import { RadioGroup, TextArea, TextField } from '../../ui/field.tsx';
import { Form, useFormErrors } from '../../ui/form.tsx';
import { type DecisionValues, decisionBody, todayInAlmaty } from './model.ts';
import { useSigningText } from './text.ts';

// Field names as the contract (courtDecision) names them, so the server's field errors land here.
const FIELDS = ['decision', 'rulingNumber', 'rulingDate', 'stateFeeTiyn', 'reason'] as const;

type DecisionFormProps = {
  filing: CourtFilingSummary;
  onDone: (result: CourtFilingSummary) => void;
  onCancel: () => void;
};

/** The court's ruling on one filing: approval (with the state fee, for the refund) or refusal with reasons. */
export const CourtDecisionForm = ({ filing, onDone, onCancel }: DecisionFormProps) => {
  const text = useSigningText();
  const { t } = text;
  const queryClient = useQueryClient();
  const form = useFormErrors(FIELDS);
  const [values, setValues] = useState<DecisionValues>({
    decision: 'approve',
    rulingNumber: '',
    rulingDate: todayInAlmaty(),
    stateFee: '',
    reason: '',
  });
  const set = (key: keyof DecisionValues) => (value: string) =>
    setValues((previous) => ({ ...previous, [key]: value }));
  const prefix = `decision-${filing.id}`;
  const titleId = `${prefix}-title`;

  useEffect(() => {
    document.getElementById(titleId)?.focus();
  }, [titleId]);

  const decide = useMutation({
    mutationFn: (body: CourtDecision) => agreementsApi.decide(filing.id, body),
    onSuccess: (result) => {
      queryClient.setQueryData<CourtFilingSummary[]>(agreementKeys.court, (list) =>
        list?.map((item) => (item.id === result.id ? result : item)),
      );
      onDone(result);
    },
    onError: form.fromError,
    onSettled: () => queryClient.invalidateQueries({ queryKey: agreementKeys.court }),
  });

  return (
    <div className="mt-4 border-t border-slate-200 pt-4">
      <h3 id={titleId} tabIndex={-1} className="mb-3 text-lg font-bold text-brand-900">
        {t('web.signing.court.form.title', { number: filing.caseNumber })}
      </h3>
      <Form
        form={form}
        aria-labelledby={titleId}
        onSubmit={() => {
          if (decide.isPending) return;
          const checked = decisionBody(values, {
            required: t('web.signing.court.form.required'),
            feeInvalid: t('web.signing.court.form.feeInvalid'),
            reasonShort: t('fields.too_short', { minimum: 3 }),
          });
          if ('problems' in checked) return form.failFields(checked.problems);
          form.clear();
          decide.mutate(checked.body);
        }}
      >
        <RadioGroup
          name={`${prefix}-decision`}
          legend={t('web.signing.court.form.legend')}
          value={values.decision}
          onChange={set('decision')}
          error={form.errors.decision}
          options={[
            {
              value: 'approve',
              label: t('web.signing.court.form.approve'),
              hint: t('web.signing.court.form.approveHint'),
            },
            {
              value: 'refuse',
              label: t('web.signing.court.form.refuse'),
              hint: t('web.signing.court.form.refuseHint'),
            },
          ]}
        />
        <div className="grid gap-x-4 sm:grid-cols-2">
          <TextField
            id={`${prefix}-rulingNumber`}
            label={t('web.signing.court.form.rulingNumber')}
            optional={values.decision === 'refuse'}
            value={values.rulingNumber}
            onChange={set('rulingNumber')}
            error={form.errors.rulingNumber}
            maxLength={100}
            autoComplete="off"
          />
          <TextField
            id={`${prefix}-rulingDate`}
            type="date"
            label={t('web.signing.court.form.rulingDate')}
            value={values.rulingDate}
            onChange={set('rulingDate')}
            error={form.errors.rulingDate}
            max={todayInAlmaty()}
          />
        </div>
        {values.decision === 'approve' ? (
          <TextField
            id={`${prefix}-stateFee`}
            label={t('web.signing.court.form.stateFee')}
            hint={t('web.signing.court.form.stateFeeHint')}
            optional
            inputMode="decimal"
            autoComplete="off"
            value={values.stateFee}
            onChange={set('stateFee')}
            error={form.errors.stateFeeTiyn}
            className="sm:max-w-xs"
          />
        ) : (
          <TextArea
            id={`${prefix}-reason`}
            label={t('web.signing.court.form.reason')}
            hint={t('web.signing.court.form.reasonHint')}
            rows={4}
            maxLength={4000}
            value={values.reason}
            onChange={set('reason')}
            error={form.errors.reason}
          />
        )}
        <div className="flex flex-wrap gap-3">
          <Button
            type="submit"
            variant={values.decision === 'approve' ? 'primary' : 'danger'}
            pending={decide.isPending}
            pendingLabel={t('web.common.sending')}
          >
            {t(
              values.decision === 'approve'
                ? 'web.signing.court.form.submitApprove'
                : 'web.signing.court.form.submitRefuse',
            )}
          </Button>
          <Button variant="quiet" onClick={onCancel}>
            {t('web.signing.court.form.cancel')}
          </Button>
        </div>
      </Form>
    </div>
  );
};
