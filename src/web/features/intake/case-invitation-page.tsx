import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError, api, keys } from '../../api.ts';
import { type CaseInvitationView, caseKeys, casesApi } from '../../cases-api.ts';
import { useMe } from '../../session.ts';
import { Alert } from '../../ui/alert.tsx';
import { Button, ButtonLink } from '../../ui/button.tsx';
import { QueryError } from '../../ui/form.tsx';
import { Loading } from '../../ui/loading.tsx';
import { PageTitle } from '../../ui/page-title.tsx';
import { LogInFirst } from '../invitations/log-in-first.tsx';
import { AcceptPanel, DeclinePanel } from './invitation-answer.tsx';
import { AboutMediation, ProposalCard } from './proposal.tsx';
import { useIntakeText } from './text.ts';

/** Why the link does not open: expired (R-MED-10), unknown, or something else. */
const LinkProblem = ({ error }: { error: unknown }) => {
  const { t } = useTranslation();
  const status = error instanceof ApiError ? error.status : 0;
  const explain =
    status === 410
      ? 'web.intake.invitation.expiredText'
      : status === 404 || status === 400
        ? 'web.intake.invitation.unknownText'
        : null;
  return (
    <>
      <QueryError error={error} />
      {explain && <p className="mt-4 max-w-prose">{t(explain)}</p>}
    </>
  );
};

/** Logged in, but not as the invited party: the IIN/BIN of the account differs. */
const WrongAccount = ({ view, name }: { view: CaseInvitationView; name: string }) => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const logout = useMutation({
    mutationFn: () => api.logout().catch(() => undefined),
    onSettled: () => {
      queryClient.setQueryData(keys.me, null);
      return queryClient.invalidateQueries({ queryKey: ['case-invitation'] });
    },
  });
  return (
    <Alert tone="warning" title={t('web.intake.invitation.mismatchTitle')}>
      <p>
        {t(
          view.invitee.kind === 'organisation'
            ? 'web.intake.invitation.mismatchOrganisation'
            : 'web.intake.invitation.mismatchIndividual',
          { name, invitee: view.invitee.fullName },
        )}
      </p>
      <Button variant="secondary" className="mt-3" pending={logout.isPending} onClick={() => logout.mutate()}>
        {t('web.intake.invitation.switchAccount')}
      </Button>
    </Alert>
  );
};

/** /cases/invitation/:token — the emailed proposal to mediate, for the invited party (maybe logged out). */
export const CaseInvitationPage = () => {
  const text = useIntakeText();
  const { t } = text;
  const { token = '' } = useParams();
  const queryClient = useQueryClient();
  const [declined, setDeclined] = useState(false);
  const { data: me, isPending: mePending } = useMe();
  const valid = token.length >= 20 && token.length <= 100;
  const invitation = useQuery({
    queryKey: caseKeys.invitation(token),
    queryFn: () => casesApi.invitation(token),
    enabled: valid,
    retry: false,
  });

  const title = <PageTitle>{t('web.intake.invitation.title')}</PageTitle>;
  if (!valid)
    return (
      <>
        {title}
        <Alert tone="error" title={t('errors.token_invalid')} />
        <p className="mt-4 max-w-prose">{t('web.intake.invitation.unknownText')}</p>
      </>
    );
  if (invitation.isPending || mePending)
    return (
      <>
        {title}
        <Loading />
      </>
    );
  if (invitation.error)
    return (
      <>
        {title}
        <LinkProblem error={invitation.error} />
      </>
    );

  const view = invitation.data;
  const openCase = me && (
    <ButtonLink to={`/cases/${view.caseId}`}>{t('web.intake.invitation.openCase')}</ButtonLink>
  );
  if (declined || view.consent === 'declined')
    return (
      <>
        {title}
        <Alert tone={declined ? 'success' : 'info'} title={t('web.intake.invitation.declinedTitle')}>
          <p>
            {t(view.court ? 'web.intake.invitation.declinedCourt' : 'web.intake.invitation.declinedText')}
          </p>
        </Alert>
      </>
    );
  if (view.consent === 'accepted')
    return (
      <>
        {title}
        <Alert tone="info" title={t('web.intake.invitation.alreadyAccepted')} className="mb-6" />
        {openCase}
      </>
    );
  if (view.status !== 'invited')
    return (
      <>
        {title}
        <Alert tone="info" title={t('web.intake.invitation.closedTitle')}>
          <p>{t('web.intake.invitation.closedText', { status: text.caseStatus(view.status) })}</p>
        </Alert>
      </>
    );

  return (
    <div className="max-w-3xl">
      {title}
      <ProposalCard view={view} />
      <AboutMediation view={view} />
      <section
        aria-label={t('web.intake.invitation.answerLabel')}
        className="rounded-lg bg-slate-50 p-4 sm:p-6"
      >
        {!me ? (
          <LogInFirst lead={t('web.intake.invitation.loggedOut', { invitee: view.invitee.fullName })} />
        ) : view.viewerMatches === false ? (
          <WrongAccount view={view} name={me.fullName} />
        ) : (
          <AcceptPanel token={token} view={view} />
        )}
      </section>
      <DeclinePanel
        token={token}
        onDeclined={() => {
          setDeclined(true);
          void queryClient.invalidateQueries({ queryKey: caseKeys.invitation(token) });
        }}
      />
    </div>
  );
};
