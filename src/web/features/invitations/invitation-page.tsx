import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiError, api, keys } from '../../api.ts';
import { currentLocale, formatDateTime } from '../../i18n.ts';
import { useMe } from '../../session.ts';
import { Alert } from '../../ui/alert.tsx';
import { Button, ButtonLink } from '../../ui/button.tsx';
import { Card } from '../../ui/card.tsx';
import { QueryError } from '../../ui/form.tsx';
import { Loading } from '../../ui/loading.tsx';
import { PageTitle } from '../../ui/page-title.tsx';
import { LogInFirst } from './log-in-first.tsx';

export const InvitationPage = () => {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const locale = i18n.language ? currentLocale() : 'kk';
  const { data: me, isPending: mePending } = useMe();
  const invitation = useQuery({
    queryKey: keys.invitation(token),
    queryFn: () => api.invitation(token),
    enabled: token.length >= 10,
    retry: false,
  });
  const accept = useMutation({
    mutationFn: () => api.acceptInvitation(token),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.me }),
  });

  const title = <PageTitle>{t('web.invitation.title')}</PageTitle>;
  if (token.length < 10) {
    return (
      <>
        {title}
        <Alert tone="error" title={t('errors.token_invalid')} />
      </>
    );
  }
  if (invitation.isPending || mePending)
    return (
      <>
        {title}
        <Loading />
      </>
    );
  if (invitation.error) {
    return (
      <>
        {title}
        <QueryError error={invitation.error} />
        {invitation.error instanceof ApiError && <p className="mt-4">{t('web.invitation.askAdmin')}</p>}
      </>
    );
  }
  const view = invitation.data;
  const role = t(`roles.${view.role}`);

  if (accept.isSuccess) {
    return (
      <>
        {title}
        <Alert
          tone="success"
          title={t('web.invitation.accepted', { role: t(`roles.${accept.data.role}`) })}
        />
        <ButtonLink to="/" className="mt-6">
          {t('web.common.toHome')}
        </ButtonLink>
      </>
    );
  }

  return (
    <>
      {title}
      <Card className="max-w-2xl">
        <p className="text-lg">{t('web.invitation.invitedBy', { inviter: view.inviterName, role })}</p>
        {view.court && <p className="mt-2">{t('web.invitation.court', { court: view.court.name })}</p>}
        <p className="mt-2">{t('web.invitation.sentTo', { email: view.email })}</p>
        <p className="mt-2 text-slate-700">
          {t('web.invitation.expires', { date: formatDateTime(view.expiresAt, locale) })}
        </p>
      </Card>
      <div className="mt-6 max-w-2xl">
        {accept.error && <QueryError error={accept.error} />}
        {me ? (
          <div className="mt-4">
            <p className="mb-4">{t('web.invitation.acceptAs', { name: me.fullName, email: me.email })}</p>
            <Button
              pending={accept.isPending}
              pendingLabel={t('web.common.sending')}
              onClick={() => accept.mutate()}
            >
              {t('web.invitation.accept')}
            </Button>
          </div>
        ) : (
          <LogInFirst lead={t('web.invitation.loggedOut', { email: view.email })} />
        )}
      </div>
    </>
  );
};
