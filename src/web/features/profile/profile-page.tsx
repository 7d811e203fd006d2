import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '../../../core/identity/roles.ts';
import { api, keys, type Me } from '../../api.ts';
import { applyLocale, isLocale, LANGUAGE_NAMES, rememberLocale } from '../../i18n.ts';
import { useMe } from '../../session.ts';
import { Alert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { Card, SectionTitle } from '../../ui/card.tsx';
import { PasswordField, Select, TextField } from '../../ui/field.tsx';
import { Form, useFormErrors } from '../../ui/form.tsx';
import { Loading } from '../../ui/loading.tsx';
import { PageTitle } from '../../ui/page-title.tsx';
import {
  checkName,
  checkOrganisation,
  checkPassword,
  checkPhone,
  collectErrors,
  normalizePhone,
} from '../auth/validation.ts';

const DETAIL_FIELDS = ['fullName', 'phone', 'organisationName', 'locale'] as const;
const PASSWORD_FIELDS = ['currentPassword', 'newPassword', 'confirmPassword'] as const;

const DetailsForm = ({ me }: { me: Me }) => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useFormErrors(DETAIL_FIELDS);
  const [values, setValues] = useState({
    fullName: me.fullName,
    phone: me.phone ?? '',
    organisationName: me.organisationName ?? '',
    // Empty until chosen here: follows the header's language switcher meanwhile.
    locale: '',
  });
  const locale = values.locale || me.locale;
  const set = (field: keyof typeof values) => (value: string) => {
    save.reset();
    setValues((previous) => ({ ...previous, [field]: value }));
  };
  const isOrganisation = me.kind === 'organisation';

  const save = useMutation({
    mutationFn: api.updateMe,
    onSuccess: async (updated) => {
      queryClient.setQueryData(keys.me, updated);
      setValues((previous) => ({ ...previous, locale: '' }));
      if (updated.locale !== me.locale) {
        rememberLocale(updated.locale);
        await applyLocale(updated.locale);
      }
    },
    onError: form.fromError,
  });

  const submit = () => {
    if (save.isPending) return;
    const errors = collectErrors(
      {
        fullName: checkName(values.fullName),
        phone: checkPhone(values.phone),
        ...(isOrganisation && { organisationName: checkOrganisation(values.organisationName) }),
      },
      t,
    );
    if (Object.keys(errors).length > 0) return form.failFields(errors);
    form.clear();
    save.mutate({
      fullName: values.fullName.trim(),
      phone: values.phone.trim() ? normalizePhone(values.phone) : '',
      ...(isOrganisation && { organisationName: values.organisationName.trim() }),
      ...(isLocale(locale) && { locale }),
    });
  };

  return (
    <Card>
      <SectionTitle id="details-title">{t('web.profile.details.title')}</SectionTitle>
      <Form form={form} onSubmit={submit} aria-labelledby="details-title">
        {save.isSuccess && <Alert tone="success" title={t('web.profile.details.saved')} className="mb-5" />}
        <TextField
          id="fullName"
          label={t('web.profile.details.fullName')}
          autoComplete="name"
          value={values.fullName}
          onChange={set('fullName')}
          error={form.errors.fullName}
        />
        {isOrganisation && (
          <TextField
            id="organisationName"
            label={t('web.profile.details.organisationName')}
            autoComplete="organization"
            value={values.organisationName}
            onChange={set('organisationName')}
            error={form.errors.organisationName}
          />
        )}
        <TextField
          id="phone"
          label={t('web.profile.details.phone')}
          hint={t('web.register.phoneHint')}
          optional
          type="tel"
          autoComplete="tel"
          value={values.phone}
          onChange={set('phone')}
          error={form.errors.phone}
        />
        <Select
          id="locale"
          label={t('web.profile.details.language')}
          hint={t('web.profile.details.languageHint')}
          value={locale}
          onChange={set('locale')}
          error={form.errors.locale}
          options={LOCALES.map((locale) => ({ value: locale, label: LANGUAGE_NAMES[locale], lang: locale }))}
        />
        <Button type="submit" pending={save.isPending} pendingLabel={t('web.common.saving')}>
          {t('web.common.save')}
        </Button>
      </Form>
    </Card>
  );
};

const PasswordForm = ({ email }: { email: string }) => {
  const { t } = useTranslation();
  const form = useFormErrors(PASSWORD_FIELDS);
  const [values, setValues] = useState({ currentPassword: '', newPassword: '', confirmPassword: '' });
  const set = (field: keyof typeof values) => (value: string) => {
    change.reset();
    setValues((previous) => ({ ...previous, [field]: value }));
  };
  const change = useMutation({
    mutationFn: api.changePassword,
    onSuccess: () => setValues({ currentPassword: '', newPassword: '', confirmPassword: '' }),
    onError: form.fromError,
  });

  const submit = () => {
    if (change.isPending) return;
    const errors = collectErrors(
      {
        currentPassword: values.currentPassword ? null : 'required',
        newPassword: checkPassword(values.newPassword),
      },
      t,
    );
    if (!errors.newPassword && values.newPassword !== values.confirmPassword) {
      errors.confirmPassword = t('web.reset.mismatch');
    }
    if (Object.keys(errors).length > 0) return form.failFields(errors);
    form.clear();
    change.mutate({ currentPassword: values.currentPassword, newPassword: values.newPassword });
  };

  return (
    <Card>
      <SectionTitle id="password-title">{t('web.profile.password.title')}</SectionTitle>
      <Form form={form} onSubmit={submit} aria-labelledby="password-title">
        {change.isSuccess && (
          <Alert tone="success" title={t('web.profile.password.changed')} className="mb-5">
            <p>{t('web.profile.password.changedText')}</p>
          </Alert>
        )}
        {/* Lets password managers know whose password this is. */}
        <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
        <PasswordField
          id="currentPassword"
          label={t('web.profile.password.current')}
          autoComplete="current-password"
          value={values.currentPassword}
          onChange={set('currentPassword')}
          error={form.errors.currentPassword}
        />
        <PasswordField
          id="newPassword"
          label={t('web.profile.password.new')}
          hint={t('web.register.passwordHint')}
          autoComplete="new-password"
          value={values.newPassword}
          onChange={set('newPassword')}
          error={form.errors.newPassword}
        />
        <PasswordField
          id="confirmPassword"
          label={t('web.profile.password.confirm')}
          autoComplete="new-password"
          value={values.confirmPassword}
          onChange={set('confirmPassword')}
          error={form.errors.confirmPassword}
        />
        <Button type="submit" pending={change.isPending} pendingLabel={t('web.common.saving')}>
          {t('web.profile.password.submit')}
        </Button>
      </Form>
    </Card>
  );
};

const Identity = ({ me }: { me: Me }) => {
  const { t } = useTranslation();
  const none = t('web.common.none');
  const rows: [string, string][] = [
    [t('web.profile.identity.email'), me.email],
    [t('web.profile.identity.kind'), t(`web.common.kind.${me.kind}`)],
    [t('web.profile.identity.iin'), me.iin ?? none],
    ...(me.kind === 'organisation'
      ? ([[t('web.profile.identity.bin'), me.bin ?? none]] as [string, string][])
      : []),
    [t('web.profile.identity.roles'), me.roles.map((role) => t(`roles.${role}`)).join(', ')],
    ...(me.court ? ([[t('web.profile.identity.court'), me.court.name]] as [string, string][]) : []),
  ];
  return (
    <Card>
      <SectionTitle>{t('web.profile.identity.title')}</SectionTitle>
      <p className="mb-3 text-slate-700">{t('web.profile.identity.lead')}</p>
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-semibold">{label}</dt>
            <dd className="mb-2 break-words sm:mb-0">{value}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
};

export const ProfilePage = () => {
  const { t } = useTranslation();
  const { data: me } = useMe();
  if (!me) return <Loading />;
  return (
    <>
      <PageTitle>{t('web.profile.title')}</PageTitle>
      <div className="grid gap-6 lg:grid-cols-2 lg:items-start">
        <div className="grid gap-6">
          <Identity me={me} />
          <DetailsForm me={me} />
        </div>
        <PasswordForm email={me.email} />
      </div>
    </>
  );
};
