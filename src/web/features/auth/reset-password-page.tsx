import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError, api, keys } from '../../api.ts';
import { Alert } from '../../ui/alert.tsx';
import { Button, ButtonLink } from '../../ui/button.tsx';
import { PasswordField } from '../../ui/field.tsx';
import { Form, useFormErrors } from '../../ui/form.tsx';
import { PageTitle } from '../../ui/page-title.tsx';
import { checkPassword, collectErrors } from './validation.ts';

const FIELDS = ['newPassword', 'confirm'] as const;
const TOKEN_PROBLEMS = ['token_invalid', 'token_used', 'token_expired'];

const AskAgain = () => {
  const { t } = useTranslation();
  return (
    <p className="mt-4">
      <Link to="/forgot-password">{t('web.reset.askAgain')}</Link>
    </p>
  );
};

export const ResetPasswordPage = () => {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const form = useFormErrors(FIELDS);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const reset = useMutation({ mutationFn: api.confirmPasswordReset, onError: form.fromError });
  // Check the link before the person types a new password twice for nothing.
  const link = useQuery({
    queryKey: keys.resetLink(token),
    queryFn: () => api.checkResetLink(token),
    enabled: token.length >= 10,
    retry: false,
  });
  const isTokenProblem = (error: unknown) =>
    error instanceof ApiError && TOKEN_PROBLEMS.includes(error.code ?? '');
  const tokenProblem = isTokenProblem(reset.error)
    ? (reset.error as ApiError)
    : isTokenProblem(link.error)
      ? (link.error as ApiError)
      : null;

  if (token.length < 10) {
    return (
      <>
        <PageTitle>{t('web.reset.title')}</PageTitle>
        <Alert tone="error" title={t('errors.token_invalid')} />
        <AskAgain />
      </>
    );
  }

  // The link itself is spent or wrong: no form can help, only a new link.
  if (tokenProblem) {
    return (
      <>
        <PageTitle>{t('web.reset.title')}</PageTitle>
        <Alert tone="error" title={tokenProblem.problem?.detail} />
        <AskAgain />
      </>
    );
  }

  if (reset.isSuccess) {
    return (
      <>
        <PageTitle>{t('web.reset.title')}</PageTitle>
        <Alert tone="success" title={t('web.reset.doneTitle')}>
          <p>{t('web.reset.doneText')}</p>
        </Alert>
        <ButtonLink to="/login" className="mt-6">
          {t('web.reset.toLogin')}
        </ButtonLink>
      </>
    );
  }

  const submit = () => {
    if (reset.isPending) return;
    const errors = collectErrors({ newPassword: checkPassword(password) }, t);
    if (!errors.newPassword && password !== confirm) errors.confirm = t('web.reset.mismatch');
    if (Object.keys(errors).length > 0) return form.failFields(errors);
    form.clear();
    reset.mutate({ token, newPassword: password });
  };

  return (
    <>
      <PageTitle lead={t('web.reset.lead')}>{t('web.reset.title')}</PageTitle>
      <Form form={form} onSubmit={submit} className="max-w-md">
        <PasswordField
          id="newPassword"
          label={t('web.reset.newPassword')}
          hint={t('web.register.passwordHint')}
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
          error={form.errors.newPassword}
        />
        <PasswordField
          id="confirm"
          label={t('web.reset.confirm')}
          autoComplete="new-password"
          value={confirm}
          onChange={setConfirm}
          error={form.errors.confirm}
        />
        <Button type="submit" pending={reset.isPending} pendingLabel={t('web.common.saving')}>
          {t('web.reset.submit')}
        </Button>
      </Form>
    </>
  );
};
