import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GRANTABLE_ROLES, type GrantableRole } from '../../../core/identity/roles.ts';
import { api, keys } from '../../api.ts';
import { currentLocale } from '../../i18n.ts';
import { Alert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { Card, SectionTitle } from '../../ui/card.tsx';
import { Select, TextField } from '../../ui/field.tsx';
import { Form, useFormErrors } from '../../ui/form.tsx';
import { checkEmail, collectErrors } from '../auth/validation.ts';

const FIELDS = ['email', 'role', 'courtId'] as const;

export const InviteForm = () => {
  const { t, i18n } = useTranslation();
  const form = useFormErrors(FIELDS);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<GrantableRole | ''>('');
  const [courtId, setCourtId] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const locale = i18n.language ? currentLocale() : 'kk';
  const courts = useQuery({
    queryKey: keys.courts(locale),
    queryFn: api.courts,
    enabled: role === 'court_user',
    staleTime: 10 * 60_000,
  });

  const invite = useMutation({
    mutationFn: api.invite,
    onSuccess: (_ok, body) => {
      setSentTo(body.email);
      setEmail('');
      setRole('');
      setCourtId('');
    },
    onError: form.fromError,
  });

  const submit = () => {
    if (invite.isPending) return;
    setSentTo(null);
    const errors = collectErrors(
      {
        email: checkEmail(email),
        role: role ? null : 'required',
        courtId: role === 'court_user' && !courtId ? 'court_required' : null,
      },
      t,
    );
    if (Object.keys(errors).length > 0) return form.failFields(errors);
    if (!role) return;
    form.clear();
    invite.mutate({ email: email.trim(), role, ...(role === 'court_user' && { courtId }) });
  };

  return (
    <Card>
      <SectionTitle id="invite-title">{t('web.admin.invite.title')}</SectionTitle>
      <p className="mb-4 text-slate-700">{t('web.admin.invite.lead')}</p>
      <Form form={form} onSubmit={submit} aria-labelledby="invite-title">
        {sentTo && (
          <Alert tone="success" title={t('web.admin.invite.sent', { email: sentTo })} className="mb-5" />
        )}
        <TextField
          id="email"
          label={t('web.admin.invite.email')}
          type="email"
          inputMode="email"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          value={email}
          onChange={setEmail}
          error={form.errors.email}
        />
        <Select
          id="role"
          label={t('web.admin.invite.role')}
          placeholder={t('web.common.choose')}
          value={role}
          onChange={(value) => setRole(value as GrantableRole | '')}
          error={form.errors.role}
          options={GRANTABLE_ROLES.map((value) => ({ value, label: t(`roles.${value}`) }))}
        />
        {role === 'court_user' && (
          <Select
            id="courtId"
            label={t('web.admin.invite.court')}
            placeholder={courts.isPending ? t('web.common.loading') : t('web.common.choose')}
            value={courtId}
            onChange={setCourtId}
            error={form.errors.courtId}
            options={(courts.data?.courts ?? []).map((court) => ({ value: court.id, label: court.name }))}
          />
        )}
        <Button type="submit" pending={invite.isPending} pendingLabel={t('web.common.sending')}>
          {t('web.admin.invite.submit')}
        </Button>
      </Form>
    </Card>
  );
};
