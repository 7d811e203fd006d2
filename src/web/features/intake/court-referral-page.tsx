import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { caseKeys } from '../../cases-api.ts';
import { currentLocale } from '../../i18n.ts';
import { hasRole, useMe } from '../../session.ts';
import { Alert } from '../../ui/alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { PageTitle } from '../../ui/page-title.tsx';
import { emptyReferral } from './referral-draft.ts';
import { ReferralForm } from './referral-form.tsx';

/** /court/referrals/new — a judge or court clerk refers a pending case of their court to mediation. */
export const CourtReferralPage = () => {
  const { t, i18n } = useTranslation();
  const locale = i18n.language ? currentLocale() : 'kk';
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const title = <PageTitle lead={t('web.intake.referral.lead')}>{t('web.intake.referral.title')}</PageTitle>;
  if (!me)
    return (
      <>
        {title}
        <Loading />
      </>
    );
  if (!hasRole(me, 'court_user'))
    return (
      <>
        {title}
        <Alert tone="warning" title={t('web.errors.noAccessTitle')}>
          <p>{t('web.intake.referral.onlyCourt')}</p>
        </Alert>
      </>
    );
  return (
    <>
      {title}
      {me.court && <p className="mb-6 text-lg">{t('web.intake.referral.court', { court: me.court.name })}</p>}
      <ReferralForm
        initial={emptyReferral(me.court?.region ?? null, locale)}
        onReferred={async (id) => {
          await queryClient.invalidateQueries({ queryKey: caseKeys.all });
          navigate(`/cases/${id}`);
        }}
      />
    </>
  );
};
