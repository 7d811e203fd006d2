import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { REGISTRY_TRANSITIONS, type RegistryDecision } from '../../../../core/registry/status.ts';
import { api, type DecisionResult, type RegistryEntry } from '../../../api.ts';
import { Alert } from '../../../ui/alert.tsx';
import { Button, type Variant } from '../../../ui/button.tsx';
import { TextArea } from '../../../ui/field.tsx';
import { Form, useFormErrors } from '../../../ui/form.tsx';
import { useRegistryText } from '../text.ts';

const ORDER: RegistryDecision[] = ['approve', 'needs_info', 'refuse', 'reinstate', 'suspend', 'exclude'];
const VARIANT: Record<RegistryDecision, Variant> = {
  approve: 'primary',
  needs_info: 'secondary',
  refuse: 'danger',
  reinstate: 'secondary',
  suspend: 'danger',
  exclude: 'danger',
};
const FIELDS = ['reason'] as const;

/** Decisions the entry's status allows (REGISTRY_TRANSITIONS), each confirmed, all but approval with a reason. */
export const DecisionPanel = ({ entry }: { entry: RegistryEntry }) => {
  const { t, status } = useRegistryText();
  const queryClient = useQueryClient();
  const form = useFormErrors(FIELDS);
  const [chosen, setChosen] = useState<RegistryDecision | null>(null);
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<DecisionResult | null>(null);
  const allowed = ORDER.filter((decision) => REGISTRY_TRANSITIONS[decision].from.includes(entry.status));

  useEffect(() => {
    if (chosen)
      document.getElementById(chosen === 'approve' ? 'decision-confirm' : 'decision-reason')?.focus();
  }, [chosen]);

  const decide = useMutation({
    mutationFn: (decision: RegistryDecision) =>
      api.registry.decide(
        entry.id,
        decision === 'approve' ? { decision } : { decision, reason: reason.trim() },
      ),
    onSuccess: async (result) => {
      setDone(result);
      setChosen(null);
      setReason('');
      await queryClient.invalidateQueries({ queryKey: ['registry'] });
    },
    onError: form.fromError,
  });

  return (
    <section
      aria-labelledby="decision-title"
      className="rounded-lg border border-slate-300 bg-white p-4 shadow-sm sm:p-6"
    >
      <h2 id="decision-title" className="mb-3 text-xl font-bold text-brand-900">
        {t('web.registry.admin.decisionTitle')}
      </h2>
      {done && (
        <Alert
          tone="success"
          title={t('web.registry.admin.decided', { status: status(done.status) })}
          className="mb-4"
        >
          {done.registryNumber && (
            <p>{t('web.registry.admin.registryNumber', { number: done.registryNumber })}</p>
          )}
        </Alert>
      )}
      {allowed.length === 0 && <p>{t('web.registry.admin.noDecisions')}</p>}
      {!chosen && (
        <div className="flex flex-wrap gap-3">
          {allowed.map((decision) => (
            <Button
              key={decision}
              variant={VARIANT[decision]}
              onClick={() => {
                form.clear();
                setDone(null);
                setChosen(decision);
              }}
            >
              {t(`web.registry.admin.decisions.${decision}`)}
            </Button>
          ))}
        </div>
      )}
      {chosen && (
        <Form
          form={form}
          aria-labelledby="decision-chosen"
          onSubmit={() => {
            if (decide.isPending) return;
            if (chosen !== 'approve' && !reason.trim())
              return form.failFields({ reason: t('fields.required') });
            form.clear();
            decide.mutate(chosen);
          }}
        >
          <h3 id="decision-chosen" className="text-lg font-bold">
            {t(`web.registry.admin.decisions.${chosen}`)}
          </h3>
          <p className="mb-4">{t(`web.registry.admin.consequences.${chosen}`)}</p>
          {chosen !== 'approve' && (
            <TextArea
              id="decision-reason"
              label={t('web.registry.admin.reason')}
              hint={t('web.registry.admin.reasonHint')}
              rows={4}
              maxLength={2000}
              value={reason}
              onChange={setReason}
              error={form.errors.reason}
            />
          )}
          <div className="flex flex-wrap gap-3">
            <Button
              id="decision-confirm"
              type="submit"
              variant={VARIANT[chosen]}
              pending={decide.isPending}
              pendingLabel={t('web.common.sending')}
            >
              {t(`web.registry.admin.confirm.${chosen}`)}
            </Button>
            <Button variant="quiet" onClick={() => setChosen(null)}>
              {t('web.common.cancel')}
            </Button>
          </div>
        </Form>
      )}
    </section>
  );
};
