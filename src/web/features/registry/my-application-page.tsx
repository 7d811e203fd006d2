import { Link } from 'react-router';
import { GENERAL_COURSE_MIN_HOURS } from '../../../core/registry/eligibility.ts';
import type { RegistryEntry } from '../../api.ts';
import { formatDate, formatDateTime } from '../../i18n.ts';
import { Alert } from '../../ui/alert.tsx';
import { ButtonLink } from '../../ui/button.tsx';
import { Card, SectionTitle } from '../../ui/card.tsx';
import { QueryError } from '../../ui/form.tsx';
import { Loading } from '../../ui/loading.tsx';
import { PageTitle } from '../../ui/page-title.tsx';
import { useMyApplication } from './apply/apply-page.tsx';
import { Fact, RecordFacts, useMeets } from './mediator-card.tsx';
import { useRegistryText } from './text.ts';

const TONE = {
  submitted: 'info',
  needs_info: 'warning',
  approved: 'success',
  refused: 'warning',
  suspended: 'warning',
  excluded: 'warning',
} as const;

const StatusPanel = ({ entry }: { entry: RegistryEntry }) => {
  const { t, status, locale } = useRegistryText();
  return (
    <Alert tone={TONE[entry.status]} title={status(entry.status)} className="mb-6">
      <p>{t(`web.registry.mine.explain.${entry.status}`, { number: entry.registryNumber ?? '' })}</p>
      {entry.decisionReason && (
        <p className="mt-2">
          <span className="font-semibold">{t('web.registry.mine.reason')}</span>{' '}
          <span className="whitespace-pre-line">{entry.decisionReason}</span>
        </p>
      )}
      <p className="mt-2 text-sm">
        {t('web.registry.mine.submittedAt', { date: formatDateTime(entry.submittedAt, locale) })}
        {entry.decidedAt &&
          ` · ${t('web.registry.mine.decidedAt', { date: formatDateTime(entry.decidedAt, locale) })}`}
      </p>
      <div className="mt-3 flex flex-wrap gap-3">
        {(entry.status === 'needs_info' || entry.status === 'refused') && (
          <ButtonLink to="/registry/apply">
            {t(entry.status === 'needs_info' ? 'web.registry.mine.edit' : 'web.registry.mine.applyAgain')}
          </ButtonLink>
        )}
        {entry.status === 'approved' && (
          <ButtonLink to={`/registry/mediators/${entry.id}`} variant="secondary">
            {t('web.registry.mine.publicProfile')}
          </ButtonLink>
        )}
      </div>
    </Alert>
  );
};

const Summary = ({ entry }: { entry: RegistryEntry }) => {
  const text = useRegistryText();
  const { t, locale } = text;
  const meets = useMeets();
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Card>
        <SectionTitle id="sent-title">{t('web.registry.mine.sentTitle')}</SectionTitle>
        <dl className="space-y-1">
          <Fact label={t('web.registry.admin.kind')}>{text.kind(entry.kind)}</Fact>
          {entry.registryNumber && (
            <Fact label={t('web.registry.card.registryNumber')}>{entry.registryNumber}</Fact>
          )}
          {entry.organisation && (
            <Fact label={t('web.registry.card.organisation')}>{entry.organisation.name}</Fact>
          )}
          {entry.akimat && <Fact label={t('web.registry.card.akimat')}>{entry.akimat}</Fact>}
          <Fact label={t('web.registry.apply.birthDate')}>{formatDate(entry.birthDate, locale)}</Fact>
          <Fact label={t('web.registry.card.categories')}>{text.categories(entry.categories)}</Fact>
          <Fact label={t('web.registry.card.languages')}>{text.languages(entry.languages)}</Fact>
          <Fact label={t('web.registry.card.regions')}>{text.regions(entry.regions)}</Fact>
          <Fact label={t('web.registry.card.meets')}>{meets(entry)}</Fact>
          <Fact label={t('web.registry.card.fee')}>{text.fee(entry.fee)}</Fact>
          <Fact label={t('web.registry.card.training')}>
            {t('web.registry.card.trainingHours', { hours: entry.trainingHours })}
            {entry.kind === 'professional' &&
              ` · ${t('web.registry.profile.generalHours', {
                hours: entry.generalCourseHours,
                minimum: GENERAL_COURSE_MIN_HOURS,
              })}`}
          </Fact>
          <Fact label={t('web.registry.admin.documents')}>{entry.documents.length}</Fact>
        </dl>
      </Card>
      {entry.status !== 'submitted' && entry.status !== 'needs_info' && (
        <Card>
          <SectionTitle id="record-title">{t('web.registry.record.title')}</SectionTitle>
          <RecordFacts record={entry.record} />
        </Card>
      )}
    </div>
  );
};

export const MyApplicationPage = () => {
  const { t } = useRegistryText();
  const mine = useMyApplication();
  return (
    <>
      <PageTitle lead={t('web.registry.mine.lead')}>{t('web.registry.mine.title')}</PageTitle>
      {mine.isPending && <Loading />}
      {mine.error && <QueryError error={mine.error} />}
      {mine.data && !mine.data.entry && (
        <Card>
          <p className="mb-4">{t('web.registry.mine.none')}</p>
          <ButtonLink to="/registry/apply">{t('web.registry.nav.apply')}</ButtonLink>
        </Card>
      )}
      {mine.data?.entry && (
        <>
          <StatusPanel entry={mine.data.entry} />
          <Summary entry={mine.data.entry} />
        </>
      )}
      <p className="mt-6">
        <Link to="/registry">{t('web.registry.nav.search')}</Link>
      </p>
    </>
  );
};
