import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Role } from '../../../core/identity/roles.ts';
import type { Me } from '../../api.ts';
import { useConfig, useMe } from '../../session.ts';
import { ButtonLink } from '../../ui/button.tsx';
import { Card, SectionTitle } from '../../ui/card.tsx';
import { Loading } from '../../ui/loading.tsx';
import { PageTitle } from '../../ui/page-title.tsx';

const STEPS = ['request', 'invite', 'mediator', 'meet', 'sign', 'court'] as const;

/** Where a dispute starts: the request form, and the explorer for those who are not sure yet. */
const DisputeCta = ({ loggedIn = false, className = '' }: { loggedIn?: boolean; className?: string }) => {
  const { t } = useTranslation();
  return (
    <section
      aria-labelledby="dispute-cta-title"
      className={`rounded-lg border-l-4 border-brand-700 bg-brand-50 p-4 sm:p-6 ${className}`}
    >
      <h2 id="dispute-cta-title" className="text-xl font-bold text-brand-900">
        {t('web.intake.home.ctaTitle')}
      </h2>
      <p className="mt-1 max-w-prose">{t('web.intake.home.ctaText')}</p>
      <div className="mt-4 flex flex-wrap gap-3">
        <ButtonLink to="/cases/new">{t('web.intake.home.fileRequest')}</ButtonLink>
        <ButtonLink to="/explore" variant="secondary">
          {t('web.intake.home.explore')}
        </ButtonLink>
        {loggedIn && (
          <ButtonLink to="/cases" variant="quiet">
            {t('web.intake.home.myCases')}
          </ButtonLink>
        )}
      </div>
    </section>
  );
};

const GuestHome = () => {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t('web.home.guest.title')} lead={t('web.home.guest.lead')}>
        {t('web.home.guest.title')}
      </PageTitle>
      <div className="flex flex-wrap gap-3">
        <ButtonLink to="/register">{t('web.home.guest.register')}</ButtonLink>
        <ButtonLink to="/login" variant="secondary">
          {t('web.home.guest.login')}
        </ButtonLink>
        <ButtonLink to="/registry" variant="secondary">
          {t('web.home.guest.findMediator')}
        </ButtonLink>
      </div>
      <DisputeCta className="mt-8" />

      <section aria-labelledby="how-title" className="mt-10">
        <SectionTitle id="how-title">{t('web.home.guest.howTitle')}</SectionTitle>
        <ol className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {STEPS.map((step, index) => (
            <li key={step} className="flex gap-3 rounded-lg border border-slate-300 bg-white p-4">
              <span
                aria-hidden="true"
                className="flex size-9 shrink-0 items-center justify-center rounded-full bg-brand-700 font-bold text-white"
              >
                {index + 1}
              </span>
              <span>
                <span className="block font-semibold text-brand-900">
                  {t(`web.home.guest.steps.${step}.title`)}
                </span>
                <span className="block text-slate-700">{t(`web.home.guest.steps.${step}.text`)}</span>
              </span>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="trust-title" className="mt-10 grid gap-4 md:grid-cols-2">
        <Card>
          <SectionTitle id="trust-title">{t('web.home.guest.trustTitle')}</SectionTitle>
          <ul className="list-disc space-y-1 pl-5">
            <li>{t('web.home.guest.trust.voluntary')}</li>
            <li>{t('web.home.guest.trust.confidential')}</li>
            <li>{t('web.home.guest.trust.court')}</li>
          </ul>
        </Card>
        <Card>
          <h2 className="mb-3 text-xl font-bold text-brand-900">{t('web.home.guest.languagesTitle')}</h2>
          <p>{t('web.home.guest.languagesText')}</p>
        </Card>
      </section>
    </>
  );
};

/** What exists today for each role; roles without pages yet say so instead of linking nowhere. */
const roleLinks = (role: Role, demo: boolean): { to: string; label: string }[] => {
  switch (role) {
    case 'party':
      return [
        { to: '/cases', label: 'web.intake.nav.cases' },
        { to: '/registry', label: 'web.home.links.findMediator' },
        { to: '/registry/apply', label: 'web.home.links.becomeMediator' },
        { to: '/notifications', label: 'web.nav.notifications' },
        { to: '/profile', label: 'web.nav.profile' },
      ];
    case 'mediator':
      return [
        { to: '/cases', label: 'web.intake.nav.cases' },
        { to: '/registry/my-application', label: 'web.home.links.myEntry' },
        { to: '/registry/how-matching-works', label: 'web.home.links.matching' },
      ];
    case 'court_user':
      return [
        { to: '/cases', label: 'web.intake.nav.cases' },
        { to: '/court/referrals/new', label: 'web.intake.list.refer' },
      ];
    case 'registry_admin':
      return [
        { to: '/registry/admin', label: 'web.home.links.registryQueue' },
        { to: '/registry/admin/complaints', label: 'web.home.links.registryComplaints' },
        { to: '/registry/admin/organisations', label: 'web.home.links.registryOrganisations' },
      ];
    case 'platform_admin':
      return [
        { to: '/admin/users', label: 'web.nav.adminUsers' },
        ...(demo ? [{ to: '/admin/outbox', label: 'web.nav.adminOutbox' }] : []),
      ];
    default:
      return [];
  }
};

const UserHome = ({ me }: { me: Me }) => {
  const { t } = useTranslation();
  const { data: config } = useConfig();
  return (
    <>
      <PageTitle lead={t('web.home.user.lead')}>
        {t('web.home.user.greeting', { name: me.fullName })}
      </PageTitle>
      <DisputeCta loggedIn className="mb-8" />
      <section aria-labelledby="roles-title">
        <SectionTitle id="roles-title">
          {t('web.home.user.rolesTitle', { count: me.roles.length })}
        </SectionTitle>
        <ul className="grid gap-4 md:grid-cols-2">
          {me.roles.map((role) => {
            const links = roleLinks(role, Boolean(config?.demo));
            return (
              <Card key={role} as="li">
                <h3 className="text-lg font-bold text-brand-900">{t(`roles.${role}`)}</h3>
                <p className="mt-1">{t(`web.home.roles.${role}`)}</p>
                {role === 'court_user' && me.court && <p className="mt-2 text-slate-700">{me.court.name}</p>}
                {links.length > 0 ? (
                  <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-2">
                    {links.map((link) => (
                      <li key={link.to}>
                        <Link to={link.to} className="inline-flex min-h-11 items-center font-semibold">
                          {t(link.label)}
                        </Link>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="mt-3 text-slate-700">{t('web.home.user.comingSoon')}</p>
                )}
              </Card>
            );
          })}
        </ul>
      </section>
    </>
  );
};

export const HomePage = () => {
  const { data: me, isPending } = useMe();
  if (isPending) return <Loading />;
  return me ? <UserHome me={me} /> : <GuestHome />;
};
