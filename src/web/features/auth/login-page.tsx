import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api.ts';
import { useConfig, useMe, useSignedIn } from '../../session.ts';
import { Button } from '../../ui/button.tsx';
import { Card, SectionTitle } from '../../ui/card.tsx';
import { PasswordField, TextField } from '../../ui/field.tsx';
import { Form, useFormErrors } from '../../ui/form.tsx';
import { PageTitle } from '../../ui/page-title.tsx';
import { registerPath, safeNext } from './next.ts';

const FIELDS = ['email', 'password'] as const;

const DemoAccounts = ({ onPick }: { onPick: (email: string, password: string) => void }) => {
  const { t } = useTranslation();
  const { data: config } = useConfig();
  if (!config?.demo || config.demoAccounts.length === 0) return null;
  return (
    <Card className="mt-8 md:mt-0">
      <SectionTitle id="demo-title">{t('web.login.demo.title')}</SectionTitle>
      <p className="mb-3 text-slate-700">{t('web.login.demo.text')}</p>
      <ul aria-labelledby="demo-title" className="divide-y divide-slate-200">
        {config.demoAccounts.map((account) => (
          <li key={account.email} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <span className="min-w-0">
              <span className="block font-semibold">{t(`roles.${account.role}`)}</span>
              <span className="block break-all text-slate-700">{account.email}</span>
            </span>
            <Button
              variant="secondary"
              className="min-h-11 px-3"
              aria-label={t('web.login.demo.useLabel', {
                role: t(`roles.${account.role}`),
                email: account.email,
              })}
              onClick={() => onPick(account.email, account.password)}
            >
              {t('web.login.demo.use')}
            </Button>
          </li>
        ))}
      </ul>
    </Card>
  );
};

export const LoginPage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const { data: me } = useMe();
  const signedIn = useSignedIn();
  const form = useFormErrors(FIELDS);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);

  const login = useMutation({
    mutationFn: api.login,
    onSuccess: async (account) => {
      setDone(true);
      await signedIn(account);
      navigate(next, { replace: true });
    },
    onError: form.fromError,
  });

  // Someone already logged in who opens /login goes where they were heading.
  if (me && !done && !login.isPending) return <Navigate replace to={next} />;

  const submit = () => {
    if (login.isPending) return;
    const fields: Record<string, string> = {};
    if (!email.trim()) fields.email = t('fields.email_invalid');
    if (!password) fields.password = t('fields.required');
    if (Object.keys(fields).length > 0) return form.failFields(fields);
    form.clear();
    login.mutate({ email: email.trim(), password });
  };

  return (
    <>
      <PageTitle>{t('web.login.title')}</PageTitle>
      <div className="grid gap-8 md:grid-cols-2 md:items-start">
        <div>
          {params.get('next') && <p className="mb-4 text-slate-700">{t('web.login.needLogin')}</p>}
          <Form form={form} onSubmit={submit} className="max-w-md">
            <TextField
              id="email"
              label={t('web.login.email')}
              type="email"
              autoComplete="username"
              inputMode="email"
              autoCapitalize="none"
              spellCheck={false}
              value={email}
              onChange={setEmail}
              error={form.errors.email}
            />
            <PasswordField
              id="password"
              label={t('web.login.password')}
              autoComplete="current-password"
              value={password}
              onChange={setPassword}
              error={form.errors.password}
            />
            <Button
              type="submit"
              pending={login.isPending}
              pendingLabel={t('web.login.submitting')}
              className="w-full sm:w-auto"
            >
              {t('web.login.submit')}
            </Button>
          </Form>
          <ul className="mt-6 space-y-2">
            <li>
              <Link to="/forgot-password">{t('web.login.forgot')}</Link>
            </li>
            <li>
              {t('web.login.noAccount')} <Link to={registerPath(next)}>{t('web.login.register')}</Link>
            </li>
          </ul>
        </div>
        <DemoAccounts
          onPick={(demoEmail, demoPassword) => {
            setEmail(demoEmail);
            setPassword(demoPassword);
            form.clear();
            document.getElementById('email')?.focus();
          }}
        />
      </div>
    </>
  );
};
