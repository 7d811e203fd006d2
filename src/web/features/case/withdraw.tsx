import { useState } from 'react';
import { type CaseView, casesApi } from '../../cases-api.ts';
import { Button } from '../../ui/button.tsx';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { TextArea } from '../../ui/field.tsx';
import { FormAlert, useFormErrors } from '../../ui/form.tsx';
import { RuleWhy } from './rule-why.tsx';
import { CaseSection } from './section.tsx';
import { useCaseText } from './text.ts';
import { useCaseAction } from './use-case-action.ts';

// The reason is typed in the dialog, which closes on a refusal: its error shows in the alert.
const FIELDS: readonly string[] = [];

/** Voluntariness (R-MED-06): any party may leave at any time, after one confirmation. */
export const Withdraw = ({ view }: { view: CaseView }) => {
  const { t } = useCaseText();
  const form = useFormErrors(FIELDS);
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const withdraw = useCaseAction<string | undefined>({
    caseId: view.id,
    run: (text) => casesApi.withdraw(view.id, text),
    form,
    done: t('web.case.withdraw.done'),
    onDone: () => setConfirming(false),
    onFail: () => setConfirming(false),
  });
  if (!view.viewer.actions.includes('withdraw')) return null;
  return (
    <CaseSection id="withdraw" title={t('web.case.withdraw.title')}>
      <p className="mb-2">{t('web.case.withdraw.lead')}</p>
      <RuleWhy rule="R-MED-06" className="mb-4" />
      <FormAlert form={form} />
      <Button variant="secondary" onClick={() => setConfirming(true)}>
        {t('web.case.withdraw.open')}
      </Button>
      <ConfirmDialog
        open={confirming}
        title={t('web.case.withdraw.confirmTitle')}
        confirmLabel={t('web.case.withdraw.confirm')}
        cancelLabel={t('web.case.withdraw.stay')}
        pending={withdraw.isPending}
        onConfirm={() => withdraw.mutate(reason.trim() || undefined)}
        onCancel={() => setConfirming(false)}
      >
        <p className="mb-3">{t('web.case.withdraw.confirmText')}</p>
        <TextArea
          id="withdraw-reason"
          label={t('web.case.withdraw.reason')}
          hint={t('web.case.withdraw.reasonHint')}
          optional
          rows={3}
          maxLength={1000}
          value={reason}
          onChange={setReason}
        />
      </ConfirmDialog>
    </CaseSection>
  );
};
