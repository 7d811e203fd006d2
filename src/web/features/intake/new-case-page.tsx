import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { caseKeys, casesApi } from '../../cases-api.ts';
import { currentLocale } from '../../i18n.ts';
import { useMe } from '../../session.ts';
import { Alert } from '../../ui/alert.tsx';
import { ButtonLink } from '../../ui/button.tsx';
import { QueryError } from '../../ui/form.tsx';
import { Loading } from '../../ui/loading.tsx';
import { PageTitle } from '../../ui/page-title.tsx';
import { emptyRequest, requestFromView } from './request-draft.ts';
import { RequestForm } from './request-form.tsx';

/**
 * /cases/new: a new request (`?category=` from the explorer) or a saved draft (`?draft=<id>`).
 * Once the first save creates the draft its id goes into the address, so a reload resumes it.
 */
export const NewCasePage = () => {
  const { t, i18n } = useTranslation();
  const locale = i18n.language ? currentLocale() : 'kk';
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const draftId = params.get('draft');
  /** The draft this page created itself: its form is already on screen, nothing to load. */
  const [created, setCreated] = useState<{ id: string; number: string } | null>(null);
  const createdHere = created?.id ?? null;
  const { data: me } = useMe();
  const loadDraft = Boolean(draftId) && draftId !== createdHere;
  const draft = useQuery({
    queryKey: caseKeys.one(draftId ?? ''),
    queryFn: () => casesApi.get(draftId ?? ''),
    enabled: loadDraft,
    retry: false,
    // The form owns the values once shown: no background refetch may replace them.
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });

  const title = (
    <PageTitle lead={t('web.intake.form.lead')}>
      {t(draftId ? 'web.intake.form.titleDraft' : 'web.intake.form.title')}
    </PageTitle>
  );
  if (!me || (loadDraft && draft.isPending))
    return (
      <>
        {title}
        <Loading />
      </>
    );
  if (loadDraft && draft.error)
    return (
      <>
        {title}
        <QueryError error={draft.error} />
        <ButtonLink to="/cases/new" variant="secondary" className="mt-6">
          {t('web.intake.form.startNew')}
        </ButtonLink>
      </>
    );

  const view = loadDraft ? draft.data : undefined;
  if (view && (view.status !== 'draft' || !view.request))
    return (
      <>
        {title}
        <Alert tone="info" title={t('web.intake.form.alreadySent', { number: view.number })} />
        <ButtonLink to={`/cases/${view.id}`} className="mt-6">
          {t('web.intake.form.openCase')}
        </ButtonLink>
      </>
    );

  const initial = view?.request
    ? requestFromView(view.request, locale)
    : emptyRequest(params.get('category'), locale);
  const number = view?.number ?? created?.number;
  const mine = view?.parties.find((party) => party.id === view.viewer.partyId);

  return (
    <>
      {title}
      {number && (
        <p className="mb-6 font-semibold text-slate-700">{t('web.intake.form.draftNumber', { number })}</p>
      )}
      <RequestForm
        // Another draft opened from a link is another form; the draft created here keeps its form.
        key={loadDraft ? (draftId ?? '') : 'here'}
        me={me}
        initial={initial}
        initialCaseId={view?.id ?? createdHere}
        alreadyScreened={Boolean(mine?.screened)}
        onCreated={(draft) => {
          setCreated(draft);
          setParams({ draft: draft.id }, { replace: true });
        }}
        onSubmitted={async (id) => {
          await queryClient.invalidateQueries({ queryKey: caseKeys.all });
          navigate(`/cases/${id}`);
        }}
      />
    </>
  );
};
