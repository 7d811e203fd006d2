import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { TextField } from '../../ui/field.tsx';
import { Form, useFormErrors } from '../../ui/form.tsx';
import { type CaseMembers, membersApi, type RepresentativeBody } from './members-api.ts';
import { useMembersChange } from './use-members.ts';

const FIELDS = ['fullName', 'iin', 'powerOfAttorney'] as const;

type Props = { caseId: string; partyId: string; members: CaseMembers };

/** The party names, changes or removes its own representative (R-MED-15). */
export const RepresentativeForm = ({ caseId, partyId, members }: Props) => {
  const { t } = useTranslation();
  const current = members.representatives.find((r) => r.partyId === partyId && r.current);
  const [editing, setEditing] = useState(!current);
  const [values, setValues] = useState<RepresentativeBody>({
    fullName: current?.fullName ?? '',
    iin: current?.iin ?? '',
    powerOfAttorney: current?.powerOfAttorney ?? '',
  });
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const form = useFormErrors(FIELDS);
  const save = useMembersChange(
    caseId,
    (body: RepresentativeBody) => membersApi.setRepresentative(caseId, body),
    form,
    () => {
      setEditing(false);
      setDone(t('web.members.representative.saved'));
    },
  );
  const remove = useMembersChange(
    caseId,
    () => membersApi.removeRepresentative(caseId),
    form,
    () => {
      setConfirming(false);
      setValues({ fullName: '', iin: '', powerOfAttorney: '' });
      setEditing(true);
      setDone(t('web.members.representative.removed'));
    },
  );
  const field = (name: (typeof FIELDS)[number]) => ({
    id: `representative-${name}`,
    label: t(`web.members.representative.${name}`),
    value: values[name],
    error: form.errors[name],
    onChange: (value: string) => setValues((v) => ({ ...v, [name]: value })),
  });

  return (
    <div>
      <h3 className="text-lg font-bold">{t('web.members.representative.title')}</h3>
      <p className="mt-1 text-slate-700">{t('web.members.representative.explain')}</p>
      {done && <Alert tone="success" title={done} className="mt-3" />}
      <p className="mt-3">
        {current
          ? t('web.members.representative.current', {
              name: current.fullName,
              power: current.powerOfAttorney,
            })
          : t('web.members.representative.none')}
      </p>
      {current && !editing && (
        <div className="mt-3 flex flex-wrap gap-2">
          <Button variant="secondary" onClick={() => setEditing(true)}>
            {t('web.members.representative.change')}
          </Button>
          <Button variant="quiet" onClick={() => setConfirming(true)}>
            {t('web.members.representative.remove')}
          </Button>
        </div>
      )}
      {editing && (
        <Form form={form} onSubmit={() => save.mutate(values)} className="mt-3">
          <TextField {...field('fullName')} autoComplete="off" maxLength={200} />
          <TextField {...field('iin')} inputMode="numeric" autoComplete="off" maxLength={12} translate="no" />
          <TextField {...field('powerOfAttorney')} autoComplete="off" maxLength={200} />
          <Button type="submit" disabled={save.isPending}>
            {save.isPending ? t('web.common.saving') : t('web.members.representative.save')}
          </Button>
        </Form>
      )}
      <ConfirmDialog
        open={confirming}
        title={t('web.members.representative.remove')}
        confirmLabel={t('web.members.representative.remove')}
        cancelLabel={t('web.common.cancel')}
        pending={remove.isPending}
        onConfirm={() => remove.mutate(undefined)}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('web.members.representative.removeConfirm', { name: current?.fullName ?? '' })}</p>
      </ConfirmDialog>
    </div>
  );
};
