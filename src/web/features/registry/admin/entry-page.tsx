import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  ageOn,
  GENERAL_COURSE_MIN_HOURS,
  PROFESSIONAL_MIN_AGE,
} from '../../../../core/registry/eligibility.ts';
import { api, keys, type RegistryEntry } from '../../../api.ts';
import { formatDate, formatDateTime } from '../../../i18n.ts';
import { Card, SectionTitle } from '../../../ui/card.tsx';
import { QueryError } from '../../../ui/form.tsx';
import { Loading } from '../../../ui/loading.tsx';
import { PageTitle } from '../../../ui/page-title.tsx';
import { Fact, useMeets } from '../mediator-card.tsx';
import { useRegistryText } from '../text.ts';
import { AdminNav } from './admin-nav.tsx';
import { DecisionPanel } from './decision-panel.tsx';
import { DocumentViewer } from './document-viewer.tsx';

const Check = ({ ok, children }: { ok: boolean; children: string }) => (
  <span className={ok ? 'text-green-800' : 'font-semibold text-red-700'}>
    <span aria-hidden="true">{ok ? '✓ ' : '✗ '}</span>
    {children}
  </span>
);

const Applicant = ({ entry, onShow }: { entry: RegistryEntry; onShow: (documentId: string) => void }) => {
  const text = useRegistryText();
  const { t, locale } = text;
  const meets = useMeets();
  const today = new Date().toISOString().slice(0, 10);
  const age = ageOn(entry.birthDate, today);
  const professional = entry.kind === 'professional';
  return (
    <section
      aria-labelledby="applicant-title"
      className="rounded-lg border border-slate-300 bg-white p-4 shadow-sm sm:p-6"
    >
      <SectionTitle id="applicant-title">{t('web.registry.admin.applicant')}</SectionTitle>
      <dl className="space-y-1">
        <Fact label={t('web.registry.admin.status')}>
          <span className="font-semibold">{text.status(entry.status)}</span>
        </Fact>
        <Fact label={t('web.registry.admin.kind')}>{text.kind(entry.kind)}</Fact>
        <Fact label={t('web.registry.admin.email')}>
          <span className="break-all">{entry.email}</span>
        </Fact>
        <Fact label={t('web.profile.identity.iin')}>{entry.iin ?? t('web.common.none')}</Fact>
        <Fact label={t('web.registry.apply.birthDate')}>
          {formatDate(entry.birthDate, locale)} ·{' '}
          {professional ? (
            <Check ok={age >= PROFESSIONAL_MIN_AGE}>{t('web.registry.admin.age', { age })}</Check>
          ) : (
            t('web.registry.admin.age', { age })
          )}
        </Fact>
        {entry.organisation && (
          <Fact label={t('web.registry.card.organisation')}>{entry.organisation.name}</Fact>
        )}
        {entry.akimat && <Fact label={t('web.registry.apply.akimat')}>{entry.akimat}</Fact>}
        {entry.community && <Fact label={t('web.registry.apply.community')}>{entry.community}</Fact>}
        {entry.electedOn && (
          <Fact label={t('web.registry.apply.electedOn')}>{formatDate(entry.electedOn, locale)}</Fact>
        )}
        <Fact label={t('web.registry.admin.higherEducation')}>
          {professional ? (
            <Check ok={entry.higherEducation}>
              {t(entry.higherEducation ? 'web.registry.admin.yes' : 'web.registry.admin.no')}
            </Check>
          ) : (
            t(entry.higherEducation ? 'web.registry.admin.yes' : 'web.registry.admin.no')
          )}
          {entry.education && ` · ${entry.education}`}
        </Fact>
        <Fact label={t('web.registry.card.categories')}>{text.categories(entry.categories)}</Fact>
        <Fact label={t('web.registry.card.languages')}>{text.languages(entry.languages)}</Fact>
        <Fact label={t('web.registry.card.regions')}>{text.regions(entry.regions)}</Fact>
        <Fact label={t('web.registry.card.meets')}>{meets(entry)}</Fact>
        {entry.address && <Fact label={t('web.registry.apply.address')}>{entry.address}</Fact>}
        <Fact label={t('web.registry.card.fee')}>{text.fee(entry.fee)}</Fact>
        <Fact label={t('web.registry.apply.capacity')}>{entry.capacity}</Fact>
        <Fact label={t('web.registry.admin.submitted')}>{formatDateTime(entry.submittedAt, locale)}</Fact>
        {entry.decisionReason && <Fact label={t('web.registry.admin.reason')}>{entry.decisionReason}</Fact>}
      </dl>

      <h3 className="mt-5 mb-2 text-lg font-bold text-brand-900">{t('web.registry.apply.trainingTitle')}</h3>
      <p className="mb-2">
        {professional ? (
          <Check ok={entry.generalCourseHours >= GENERAL_COURSE_MIN_HOURS}>
            {t('web.registry.profile.generalHours', {
              hours: entry.generalCourseHours,
              minimum: GENERAL_COURSE_MIN_HOURS,
            })}
          </Check>
        ) : (
          t('web.registry.card.trainingHours', { hours: entry.trainingHours })
        )}
      </p>
      <ul className="space-y-3">
        {entry.trainingsWithDocuments.map((training) => (
          <li key={training.id} className="border-l-4 border-brand-100 pl-3">
            <span className="block font-semibold">{training.title}</span>
            <span className="block text-slate-700">
              {t(`registry.trainingKinds.${training.kind}`)} · {training.provider} ·{' '}
              {t('web.registry.card.trainingHours', { hours: training.hours })} ·{' '}
              {formatDate(training.completedOn, locale)}
            </span>
            {training.documentId && (
              <button
                type="button"
                onClick={() => onShow(training.documentId as string)}
                className="min-h-11 text-left font-semibold text-brand-800 underline"
              >
                {t('web.registry.admin.showCertificate', { title: training.title })}
              </button>
            )}
          </li>
        ))}
      </ul>

      {(['kk', 'ru', 'en'] as const).some((l) => entry.bio[l]) && (
        <>
          <h3 className="mt-5 mb-2 text-lg font-bold text-brand-900">{t('web.registry.admin.bio')}</h3>
          {(['kk', 'ru', 'en'] as const).map(
            (l) =>
              entry.bio[l] && (
                <div key={l} className="mb-2">
                  <p className="font-semibold">{text.languages([l])}</p>
                  <p lang={l} className="whitespace-pre-line">
                    {entry.bio[l]}
                  </p>
                </div>
              ),
          )}
        </>
      )}
    </section>
  );
};

const Documents = ({
  entry,
  shown,
  onShow,
}: {
  entry: RegistryEntry;
  shown: string | null;
  onShow: (id: string) => void;
}) => {
  const { t } = useRegistryText();
  const current = entry.documents.find((d) => d.id === shown) ?? entry.documents.at(-1);
  return (
    <section aria-labelledby="documents-title" className="min-w-0 lg:sticky lg:top-4">
      <Card>
        <SectionTitle id="documents-title">{t('web.registry.admin.documents')}</SectionTitle>
        {entry.documents.length === 0 ? (
          <p>{t('web.registry.admin.noDocuments')}</p>
        ) : (
          <>
            <ul className="mb-3 flex flex-wrap gap-2">
              {entry.documents.map((document) => (
                <li key={document.id}>
                  <button
                    type="button"
                    aria-pressed={current?.id === document.id}
                    onClick={() => onShow(document.id)}
                    className={`min-h-11 rounded-md border-2 px-3 text-left font-semibold ${
                      current?.id === document.id
                        ? 'border-brand-700 bg-brand-50 text-brand-900'
                        : 'border-slate-400 bg-white text-brand-800'
                    }`}
                  >
                    {t(`registry.documentKinds.${document.kind}`)}
                    <span className="block text-sm font-normal break-all">{document.filename}</span>
                  </button>
                </li>
              ))}
            </ul>
            {current && <DocumentViewer key={current.id} document={current} />}
          </>
        )}
      </Card>
    </section>
  );
};

export const EntryPage = () => {
  const { id = '' } = useParams();
  const { t } = useRegistryText();
  const entry = useQuery({ queryKey: keys.registry.entry(id), queryFn: () => api.registry.entry(id) });
  const [shown, setShown] = useState<string | null>(null);
  if (entry.isPending) return <Loading />;
  if (entry.error)
    return (
      <>
        <PageTitle>{t('web.registry.admin.title')}</PageTitle>
        <AdminNav />
        <QueryError error={entry.error} />
      </>
    );
  const data = entry.data;
  const show = (documentId: string) => {
    setShown(documentId);
    document.getElementById('documents-title')?.scrollIntoView({ block: 'start' });
  };
  return (
    <>
      <PageTitle
        title={data.fullName}
        lead={`${t('web.registry.admin.entryLead')} ${data.registryNumber ?? ''}`.trim()}
      >
        {data.fullName}
      </PageTitle>
      <AdminNav />
      <p className="mb-4">
        <Link to="/registry/admin">{t('web.registry.admin.back')}</Link>
      </p>
      {/* Phones: data, documents, decision. Wide screens: data and decision beside the documents. */}
      <div className="grid gap-4 lg:grid-cols-2 lg:items-start">
        <div className="min-w-0 lg:col-start-1 lg:row-start-1">
          <Applicant entry={data} onShow={show} />
        </div>
        <div className="min-w-0 lg:col-start-2 lg:row-span-2 lg:row-start-1">
          <Documents entry={data} shown={shown} onShow={setShown} />
        </div>
        <div className="min-w-0 lg:col-start-1 lg:row-start-2">
          <DecisionPanel entry={data} />
        </div>
      </div>
    </>
  );
};
