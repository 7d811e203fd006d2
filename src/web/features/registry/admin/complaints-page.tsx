import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, type ComplaintQueue, keys } from '../../../api.ts';
import { formatDateTime } from '../../../i18n.ts';
import { Alert } from '../../../ui/alert.tsx';
import { Button } from '../../../ui/button.tsx';
import { Card } from '../../../ui/card.tsx';
import { TextArea } from '../../../ui/field.tsx';
import { Form, QueryError, useFormErrors } from '../../../ui/form.tsx';
import { Loading } from '../../../ui/loading.tsx';
import { PageTitle } from '../../../ui/page-title.tsx';
import { useRegistryText } from '../text.ts';
import { AdminNav } from './admin-nav.tsx';

type Complaint = ComplaintQueue['complaints'][number];
type Outcome = 'upheld' | 'dismissed';
const FIELDS = ['reasons'] as const;

const ComplaintItem = ({
  complaint,
  onDecided,
}: {
  complaint: Complaint;
  onDecided: (text: string) => void;
}) => {
  const { t, locale } = useRegistryText();
  const queryClient = useQueryClient();
  const form = useFormErrors(FIELDS);
  const [reasons, setReasons] = useState('');
  const [outcome, setOutcome] = useState<Outcome>('upheld');
  const decide = useMutation({
    mutationFn: (chosen: Outcome) =>
      api.registry.decideComplaint(complaint.id, { outcome: chosen, reasons: reasons.trim() }),
    onSuccess: async (_result, chosen) => {
      onDecided(t(`web.registry.admin.complaints.done.${chosen}`, { name: complaint.mediatorName }));
      await queryClient.invalidateQueries({ queryKey: ['registry'] });
    },
    onError: form.fromError,
  });
  const headingId = `complaint-${complaint.id}`;
  const submit = (chosen: Outcome) => {
    if (decide.isPending) return;
    setOutcome(chosen);
    if (!reasons.trim()) return form.failFields({ reasons: t('fields.required') });
    form.clear();
    decide.mutate(chosen);
  };
  return (
    <Card as="li" className="min-w-0">
      <article aria-labelledby={headingId}>
        <p className="text-sm font-semibold text-slate-700">{t('web.registry.admin.complaints.about')}</p>
        <h2 id={headingId} className="text-lg font-bold">
          <Link to={`/registry/mediators/${complaint.mediatorId}`}>{complaint.mediatorName}</Link>
        </h2>
        <p className="text-slate-700">{formatDateTime(complaint.createdAt, locale)}</p>
        <blockquote className="my-3 border-l-4 border-slate-300 pl-3 whitespace-pre-line">
          {complaint.text}
        </blockquote>
        <Form form={form} onSubmit={() => submit(outcome)}>
          <TextArea
            id={`reasons-${complaint.id}`}
            label={t('web.registry.admin.complaints.reasons')}
            hint={t('web.registry.admin.complaints.reasonsHint')}
            rows={4}
            maxLength={5000}
            value={reasons}
            onChange={setReasons}
            error={form.errors.reasons}
          />
          <div className="flex flex-wrap gap-3">
            <Button
              variant="danger"
              pending={decide.isPending && outcome === 'upheld'}
              onClick={() => submit('upheld')}
            >
              {t('web.registry.admin.complaints.uphold')}
            </Button>
            <Button
              variant="secondary"
              pending={decide.isPending && outcome === 'dismissed'}
              onClick={() => submit('dismissed')}
            >
              {t('web.registry.admin.complaints.dismiss')}
            </Button>
          </div>
        </Form>
      </article>
    </Card>
  );
};

export const ComplaintsPage = () => {
  const { t } = useRegistryText();
  const complaints = useQuery({ queryKey: keys.registry.complaints, queryFn: api.registry.complaints });
  const [decided, setDecided] = useState<string | null>(null);
  const list = complaints.data?.complaints ?? [];
  return (
    <>
      <PageTitle lead={t('web.registry.admin.complaints.lead')}>
        {t('web.registry.admin.complaints.title')}
      </PageTitle>
      <AdminNav />
      {decided && <Alert tone="success" title={decided} className="mb-4" />}
      {complaints.isPending && <Loading />}
      {complaints.error && <QueryError error={complaints.error} />}
      {complaints.data && (
        <p role="status" className="mb-3">
          {list.length === 0
            ? t('web.registry.admin.complaints.empty')
            : t('web.registry.admin.complaints.count', { count: list.length })}
        </p>
      )}
      <ul className="grid gap-4">
        {list.map((complaint) => (
          <ComplaintItem key={complaint.id} complaint={complaint} onDecided={setDecided} />
        ))}
      </ul>
    </>
  );
};
