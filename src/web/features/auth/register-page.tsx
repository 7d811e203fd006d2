import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { api, type RegisterBody } from '../../api.ts';
import { currentLocale } from '../../i18n.ts';
import { useMe, useSignedIn } from '../../session.ts';
import { Button } from '../../ui/button.tsx';
import { PasswordField, RadioGroup, TextField } from '../../ui/field.tsx';
import { Form, useFormErrors } from '../../ui/form.tsx';
import { PageTitle } from '../../ui/page-title.tsx';
import { loginPath, safeNext } from './next.ts';
import {
  checkBin,
  checkEmail,
  checkIin,
  checkName,
  checkOrganisation,
  checkPassword,
  checkPhone,
  collectErrors,
  digitsOnly,
  normalizePhone,
} from './validation.ts';

const FIELDS = ['kind', 'fullName', 'email', 'password', 'phone', 'iin', 'bin', 'organisationName'] as const;
type Kind = 'individual' | 'organisation';

export const RegisterPage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const { data: me } = useMe();
  const signedIn = useSignedIn();
  const form = useFormErrors(FIELDS);
  const [kind, setKind] = useState<Kind>('individual');
  const [values, setValues] = useState({
    fullName: '',
    email: '',
    password: '',
    phone: '',
    iin: '',
    bin: '',
    organisationName: '',
  });
  const set = (field: keyof typeof values) => (value: string) =>
    setValues((previous) => ({ ...previous, [field]: value }));

  const register = useMutation({
    mutationFn: api.register,
    onSuccess: async (account) => {
      await signedIn(account);
      navigate(next, { replace: true });
    },
    onError: form.fromError,
  });

  if (me && !register.isPending && !register.isSuccess) return <Navigate replace to={next} />;

  const isOrganisation = kind === 'organisation';

  const submit = () => {
    if (register.isPending) return;
    const errors = collectErrors(
      {
        ...(isOrganisation && {
          organisationName: checkOrganisation(values.organisationName),
          bin: checkBin(values.bin),
        }),
        fullName: checkName(values.fullName),
        iin: checkIin(values.iin, !isOrganisation),
        email: checkEmail(values.email),
        phone: checkPhone(values.phone),
        password: checkPassword(values.password),
      },
      t,
    );
    if (Object.keys(errors).length > 0) return form.failFields(errors);
    form.clear();
    const common = {
      fullName: values.fullName.trim(),
      email: values.email.trim(),
      password: values.password,
      phone: values.phone.trim() ? normalizePhone(values.phone) : undefined,
      locale: currentLocale(),
    };
    const body: RegisterBody = isOrganisation
      ? {
          kind: 'organisation',
          ...common,
          bin: digitsOnly(values.bin),
          organisationName: values.organisationName.trim(),
          iin: digitsOnly(values.iin) || undefined,
        }
      : { kind: 'individual', ...common, iin: digitsOnly(values.iin) };
    register.mutate(body);
  };

  return (
    <>
      <PageTitle lead={t('web.register.lead')}>{t('web.register.title')}</PageTitle>
      <Form form={form} onSubmit={submit} className="max-w-xl">
        <RadioGroup
          name="kind"
          legend={t('web.register.kind.legend')}
          value={kind}
          onChange={(value) => {
            // Errors about the other kind's fields would now be wrong; what was typed stays.
            form.clear();
            setKind(value as Kind);
          }}
          error={form.errors.kind}
          options={[
            {
              value: 'individual',
              label: t('web.register.kind.individual'),
              hint: t('web.register.kind.individualHint'),
            },
            {
              value: 'organisation',
              label: t('web.register.kind.organisation'),
              hint: t('web.register.kind.organisationHint'),
            },
          ]}
        />
        {isOrganisation && (
          <fieldset className="mb-2">
            <legend className="mb-3 text-lg font-bold text-brand-900">
              {t('web.register.organisationSection')}
            </legend>
            <TextField
              id="organisationName"
              label={t('web.register.organisationName')}
              hint={t('web.register.organisationNameHint')}
              autoComplete="organization"
              value={values.organisationName}
              onChange={set('organisationName')}
              error={form.errors.organisationName}
            />
            <TextField
              id="bin"
              label={t('web.register.bin')}
              hint={t('web.register.binHint')}
              inputMode="numeric"
              autoComplete="off"
              maxLength={14}
              value={values.bin}
              onChange={set('bin')}
              error={form.errors.bin}
            />
          </fieldset>
        )}
        <fieldset className="mb-2">
          <legend className="mb-3 text-lg font-bold text-brand-900">
            {isOrganisation ? t('web.register.representativeSection') : t('web.register.personSection')}
          </legend>
          <TextField
            id="fullName"
            label={isOrganisation ? t('web.register.representativeName') : t('web.register.fullName')}
            hint={t('web.register.fullNameHint')}
            autoComplete="name"
            value={values.fullName}
            onChange={set('fullName')}
            error={form.errors.fullName}
          />
          <TextField
            id="iin"
            label={t('web.register.iin')}
            hint={t('web.register.iinHint')}
            optional={isOrganisation}
            inputMode="numeric"
            autoComplete="off"
            maxLength={14}
            value={values.iin}
            onChange={set('iin')}
            error={form.errors.iin}
          />
          <TextField
            id="email"
            label={t('web.register.email')}
            hint={t('web.register.emailHint')}
            type="email"
            inputMode="email"
            autoComplete="email"
            autoCapitalize="none"
            spellCheck={false}
            value={values.email}
            onChange={set('email')}
            error={form.errors.email}
          />
          <TextField
            id="phone"
            label={t('web.register.phone')}
            hint={t('web.register.phoneHint')}
            optional
            type="tel"
            autoComplete="tel"
            value={values.phone}
            onChange={set('phone')}
            error={form.errors.phone}
          />
          <PasswordField
            id="password"
            label={t('web.register.password')}
            hint={t('web.register.passwordHint')}
            autoComplete="new-password"
            value={values.password}
            onChange={set('password')}
            error={form.errors.password}
          />
        </fieldset>
        <p className="mb-5 text-slate-700">{t('web.register.privacy')}</p>
        <Button
          type="submit"
          pending={register.isPending}
          pendingLabel={t('web.register.submitting')}
          className="w-full sm:w-auto"
        >
          {t('web.register.submit')}
        </Button>
      </Form>
      <p className="mt-6">
        {t('web.register.haveAccount')} <Link to={loginPath(next)}>{t('web.register.login')}</Link>
      </p>
    </>
  );
};
