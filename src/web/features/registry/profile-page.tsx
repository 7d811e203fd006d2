import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { GENERAL_COURSE_MIN_HOURS } from '../../../core/registry/eligibility.ts';
import { api, keys, type MediatorProfile } from '../../api.ts';
import { formatDate } from '../../i18n.ts';
import { useMe } from '../../session.ts';
import { Alert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { Card, SectionTitle } from '../../ui/card.tsx';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { TextArea } from '../../ui/field.tsx';
import { Form, QueryError, useFormErrors } from '../../ui/form.tsx';
import { Loading } from '../../ui/loading.tsx';
import { PageTitle } from '../../ui/page-title.tsx';
import { loginPath } from '../auth/next.ts';
import { Fact, KindBadge, MIN_CASES_FOR_RATES, RecordFacts, useMeets } from './mediator-card.tsx';
import { RegistryNav } from './registry-nav.tsx';
import { pickBio, useRegistryText } from './text.ts';

const COMPLAINT_FIELDS = ['text'] as const;

const ComplaintForm = ({ mediator }: { mediator: MediatorProfile }) => {
  const { t } = useRegistryText();
  const form = useFormErrors(COMPLAINT_FIELDS);
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [confirming, setConfirming] = useState(false);
  // Opening the form puts the cursor in it; closing it returns to the button that opened it.
  const [touched, setTouched] = useState(false);
  useEffect(() => {
    if (!touched) return;
    document.getElementById(open ? 'complaint-text' : 'complaint-open')?.focus();
  }, [open, touched]);
  const file = useMutation({
    mutationFn: () => api.registry.complain(mediator.id, text.trim()),
    onSuccess: () => {
      setConfirming(false);
      setOpen(false);
      setText('');
    },
    onError: (error) => {
      setConfirming(false);
      form.fromError(error);
    },
  });

  if (!open)
    return (
      <>
        {file.isSuccess && (
          <Alert tone="success" title={t('web.registry.complaint.sent')} className="mb-4">
            <p>{t('web.registry.complaint.sentText')}</p>
          </Alert>
        )}
        <Button
          id="complaint-open"
          variant="secondary"
          onClick={() => {
            setTouched(true);
            setOpen(true);
          }}
        >
          {t('web.registry.complaint.open')}
        </Button>
      </>
    );
  return (
    <>
      <Form
        form={form}
        onSubmit={() => {
          if (!text.trim()) return form.failFields({ text: t('fields.required') });
          form.clear();
          setConfirming(true);
        }}
      >
        <TextArea
          id="complaint-text"
          label={t('web.registry.complaint.text')}
          hint={t('web.registry.complaint.textHint')}
          rows={6}
          maxLength={5000}
          value={text}
          onChange={setText}
          error={form.errors.text}
        />
        <div className="flex flex-wrap gap-3">
          <Button type="submit">{t('web.registry.complaint.submit')}</Button>
          <Button variant="quiet" onClick={() => setOpen(false)}>
            {t('web.common.cancel')}
          </Button>
        </div>
      </Form>
      <ConfirmDialog
        open={confirming}
        title={t('web.registry.complaint.confirmTitle')}
        confirmLabel={t('web.registry.complaint.confirm')}
        cancelLabel={t('web.common.cancel')}
        pending={file.isPending}
        onConfirm={() => file.mutate()}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('web.registry.complaint.confirmText', { name: mediator.fullName })}</p>
      </ConfirmDialog>
    </>
  );
};

const Profile = ({ mediator }: { mediator: MediatorProfile }) => {
  const text = useRegistryText();
  const { t, locale } = text;
  const meets = useMeets();
  const location = useLocation();
  const { data: me } = useMe();
  const bio = pickBio(mediator.bio, locale);
  return (
    <>
      <PageTitle title={mediator.fullName}>{mediator.fullName}</PageTitle>
      <p className="-mt-3 mb-6 flex flex-wrap items-center gap-x-3 gap-y-1">
        <KindBadge kind={mediator.kind} />
        {mediator.registryNumber && (
          <span>
            {t('web.registry.card.registryNumber')}{' '}
            <span className="font-semibold">{mediator.registryNumber}</span>
          </span>
        )}
      </p>
      <RegistryNav />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <SectionTitle id="about-title">{t('web.registry.profile.about')}</SectionTitle>
          {bio ? (
            <>
              {!bio.inReadersLanguage && (
                <p className="mb-2 text-slate-700">
                  {t('web.registry.profile.bioIn', { language: text.language(bio.lang) })}
                </p>
              )}
              <p lang={bio.lang} className="whitespace-pre-line">
                {bio.text}
              </p>
            </>
          ) : (
            <p className="text-slate-700">{t('web.registry.profile.noBio')}</p>
          )}
          <dl className="mt-4 space-y-1">
            {mediator.organisation && (
              <Fact label={t('web.registry.card.organisation')}>
                <Link to={`/registry/organisations/${mediator.organisation.id}`}>
                  {mediator.organisation.name}
                </Link>
              </Fact>
            )}
            {mediator.akimat && <Fact label={t('web.registry.card.akimat')}>{mediator.akimat}</Fact>}
            <Fact label={t('web.registry.card.categories')}>{text.categories(mediator.categories)}</Fact>
            <Fact label={t('web.registry.card.languages')}>{text.languages(mediator.languages)}</Fact>
            <Fact label={t('web.registry.card.regions')}>{text.regions(mediator.regions)}</Fact>
            <Fact label={t('web.registry.card.meets')}>{meets(mediator)}</Fact>
            <Fact label={t('web.registry.card.fee')}>{text.fee(mediator.fee)}</Fact>
          </dl>
        </Card>

        <Card>
          <SectionTitle id="record-title">{t('web.registry.record.title')}</SectionTitle>
          <RecordFacts record={mediator.record} />
          <p className="mt-3 text-slate-700">
            {t('web.registry.record.notEnoughHint', { minimum: MIN_CASES_FOR_RATES })}
          </p>
        </Card>

        <Card>
          <SectionTitle id="training-title">{t('web.registry.profile.qualifications')}</SectionTitle>
          <p className="mb-3">
            {t('web.registry.card.trainingHours', { hours: mediator.trainingHours })}
            {mediator.kind === 'professional' &&
              ` · ${t('web.registry.profile.generalHours', {
                hours: mediator.generalCourseHours,
                minimum: GENERAL_COURSE_MIN_HOURS,
              })}`}
          </p>
          {mediator.trainings.length > 0 ? (
            <ul className="space-y-3">
              {mediator.trainings.map((training) => (
                <li
                  key={`${training.title}-${training.completedOn}`}
                  className="border-l-4 border-brand-100 pl-3"
                >
                  <span className="block font-semibold">{training.title}</span>
                  <span className="block text-slate-700">
                    {t(`registry.trainingKinds.${training.kind}`)} · {training.provider}
                  </span>
                  <span className="block text-slate-700">
                    {t('web.registry.card.trainingHours', { hours: training.hours })} ·{' '}
                    {formatDate(training.completedOn, locale)}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-slate-700">{t('web.registry.profile.noTrainings')}</p>
          )}
          <p className="mt-3 text-slate-700">{t('web.registry.profile.verified')}</p>
        </Card>

        <Card>
          <SectionTitle id="complaints-title">{t('web.registry.profile.complaintsTitle')}</SectionTitle>
          {mediator.upheldComplaintDecisions.length > 0 ? (
            <ul className="mb-4 space-y-3">
              {mediator.upheldComplaintDecisions.map((decision) => (
                <li key={decision.decidedAt} className="border-l-4 border-amber-600 pl-3">
                  <span className="block font-semibold">{formatDate(decision.decidedAt, locale)}</span>
                  <span className="block whitespace-pre-line">{decision.reasons}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mb-4">{t('web.registry.profile.noComplaints')}</p>
          )}
          <p className="mb-3 text-slate-700">{t('web.registry.complaint.lead')}</p>
          {me ? (
            <ComplaintForm mediator={mediator} />
          ) : (
            <Link
              to={loginPath(location.pathname)}
              className="inline-flex min-h-11 items-center font-semibold"
            >
              {t('web.registry.complaint.logIn')}
            </Link>
          )}
        </Card>
      </div>
    </>
  );
};

export const MediatorProfilePage = () => {
  const { id = '' } = useParams();
  const { t, locale } = useRegistryText();
  const mediator = useQuery({
    queryKey: keys.registry.mediator(locale, id),
    queryFn: () => api.registry.mediator(id),
  });
  return (
    <>
      {mediator.isPending && <Loading />}
      {mediator.error && (
        <>
          <PageTitle>{t('web.registry.profile.missingTitle')}</PageTitle>
          <RegistryNav />
          <QueryError error={mediator.error} />
        </>
      )}
      {mediator.data && <Profile mediator={mediator.data} />}
    </>
  );
};
