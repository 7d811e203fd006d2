import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { APPLICANT_MAY_SUBMIT_FROM } from '../../../../core/registry/status.ts';
import { api, keys } from '../../../api.ts';
import { useMe } from '../../../session.ts';
import { Alert } from '../../../ui/alert.tsx';
import { ButtonLink } from '../../../ui/button.tsx';
import { QueryError } from '../../../ui/form.tsx';
import { Loading } from '../../../ui/loading.tsx';
import { PageTitle } from '../../../ui/page-title.tsx';
import { useOrganisations } from '../organisations-page.tsx';
import { RegistryNav } from '../registry-nav.tsx';
import { useRegistryText } from '../text.ts';
import { ApplicationForm } from './application-form.tsx';
import { draftFromEntry, emptyDraft } from './draft.ts';

export const useMyApplication = () =>
  useQuery({ queryKey: keys.registry.myApplication, queryFn: api.registry.myApplication });

export const ApplyPage = () => {
  const { t, status } = useRegistryText();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const mine = useMyApplication();
  const organisations = useOrganisations();

  const header = (
    <>
      <PageTitle lead={t('web.registry.apply.lead')}>{t('web.registry.apply.title')}</PageTitle>
      <RegistryNav />
    </>
  );
  if (mine.isPending || organisations.isPending || !me) return <Loading />;
  const error = mine.error ?? organisations.error;
  if (error)
    return (
      <>
        {header}
        <QueryError error={error} />
      </>
    );
  const entry = mine.data?.entry ?? null;
  if (entry && !APPLICANT_MAY_SUBMIT_FROM.includes(entry.status))
    return (
      <>
        {header}
        <Alert tone="info" title={t('web.registry.apply.alreadyTitle', { status: status(entry.status) })}>
          <p>{t('web.registry.apply.alreadyText')}</p>
        </Alert>
        <ButtonLink to="/registry/my-application" variant="secondary" className="mt-6">
          {t('web.registry.mine.title')}
        </ButtonLink>
      </>
    );

  return (
    <>
      {header}
      {entry?.status === 'needs_info' && (
        <Alert tone="warning" title={t('web.registry.apply.needsInfo')} className="mb-6">
          <p className="whitespace-pre-line">{entry.decisionReason}</p>
        </Alert>
      )}
      {entry?.status === 'refused' && (
        <Alert tone="info" title={t('web.registry.apply.afterRefusal')} className="mb-6">
          <p className="whitespace-pre-line">{entry.decisionReason}</p>
        </Alert>
      )}
      <ApplicationForm
        initial={entry ? draftFromEntry(entry) : emptyDraft(me.iin)}
        organisations={organisations.data?.organisations ?? []}
        resubmitting={entry !== null}
        onSubmitted={async () => {
          await queryClient.invalidateQueries({ queryKey: keys.registry.myApplication });
          navigate('/registry/my-application');
        }}
      />
    </>
  );
};
