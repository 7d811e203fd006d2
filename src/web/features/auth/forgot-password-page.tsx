import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api.ts';
import { Alert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { TextField } from '../../ui/field.tsx';
import { Form, useFormErrors } from '../../ui/form.tsx';
import { PageTitle } from '../../ui/page-title.tsx';
import { checkEmail, collectErrors } from './validation.ts';

const FIELDS = ['email'] as const;

export const ForgotPasswordPage = () => {
  const { t } = useTranslation();
  const form = useFormErrors(FIELDS);
  const [email, setEmail] = useState('');
  const reset = useMutation({ mutationFn: api.requestPasswordReset, onError: form.fromError });

  const submit = () => {
    if (reset.isPending) return;
    const errors = collectErrors({ email: checkEmail(email) }, t);
    if (Object.keys(errors).length > 0) return form.failFields(errors);
    form.clear();
    reset.mutate(email.trim());
  };

  return (
    <>
      <PageTitle lead={t('web.forgot.lead')}>{t('web.forgot.title')}</PageTitle>
      {reset.isSuccess ? (
        <Alert tone="success" title={t('web.forgot.sentTitle')} className="max-w-xl">
          <p>{t('web.forgot.sentText', { email: email.trim() })}</p>
        </Alert>
      ) : (
        <Form form={form} onSubmit={submit} className="max-w-md">
          <TextField
            id="email"
            label={t('web.forgot.email')}
            type="email"
            inputMode="email"
            autoComplete="email"
            autoCapitalize="none"
            spellCheck={false}
            value={email}
            onChange={setEmail}
            error={form.errors.email}
          />
          <Button type="submit" pending={reset.isPending} pendingLabel={t('web.common.sending')}>
            {t('web.forgot.submit')}
          </Button>
        </Form>
      )}
      <p className="mt-6">
        <Link to="/login">{t('web.forgot.backToLogin')}</Link>
      </p>
    </>
  );
};
