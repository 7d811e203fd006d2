import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, type NavLinkProps, useLocation } from 'react-router';
import { hasRole, useConfig, useLogout, useMe } from '../../session.ts';
import { BellIcon, LogoMark, MenuIcon } from './icons.tsx';
import { LanguageSwitcher } from './language-switcher.tsx';

const navLinkClass = ({ isActive }: { isActive: boolean }) =>
  `flex min-h-11 items-center rounded-md px-1.5 text-base font-semibold no-underline min-[400px]:px-3 min-[400px]:text-[1.0625rem] ${
    isActive
      ? 'bg-brand-50 text-brand-900 underline decoration-2 underline-offset-4'
      : 'text-brand-800 hover:bg-brand-50'
  }`;

const SkipLink = () => {
  const { t } = useTranslation();
  return (
    <a
      href="#main"
      className="sr-only bg-focus px-4 py-3 font-bold text-ink focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50"
    >
      {t('web.app.skipToContent')}
    </a>
  );
};

const Brand = () => (
  <Link to="/" className="flex min-h-11 items-center gap-2 text-brand-900 no-underline hover:text-brand-900">
    <LogoMark />
    <span className="flex flex-col leading-tight sm:flex-row sm:items-baseline sm:gap-2">
      <span lang="kk" className="text-xl font-bold">
        Келісім
      </span>
      <span aria-hidden="true" className="hidden text-slate-500 sm:inline">
        /
      </span>
      <span
        lang="en"
        className="text-sm font-semibold text-slate-700 sm:text-xl sm:font-bold sm:text-brand-900"
      >
        Kelisim
      </span>
    </span>
  </Link>
);

const NotificationsLink = ({ count }: { count: number }) => {
  const { t } = useTranslation();
  const label = count > 0 ? t('web.header.notificationsUnread', { count }) : t('web.nav.notifications');
  return (
    <NavLink
      to="/notifications"
      aria-label={label}
      className={({ isActive }) =>
        `relative flex min-h-11 items-center gap-2 rounded-md px-3 font-semibold no-underline ${
          isActive ? 'bg-brand-50 text-brand-900' : 'text-brand-800 hover:bg-brand-50'
        }`
      }
    >
      <BellIcon />
      <span className="hidden sm:inline">{t('web.nav.notifications')}</span>
      {/* A space, so the visible text reads "Notifications 14" as the accessible name says it. */}
      {count > 0 && ' '}
      {count > 0 && (
        <span
          aria-hidden="true"
          className="min-w-6 rounded-full bg-red-700 px-1.5 text-center text-sm leading-6 font-bold text-white"
        >
          {count > 99 ? '99+' : count}
        </span>
      )}
    </NavLink>
  );
};

export const Header = () => {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const { data: config } = useConfig();
  const logout = useLogout();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);

  // A page change closes the small-screen menu.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on navigation on purpose
  useEffect(() => setMenuOpen(false), [location.pathname]);

  const isAdmin = hasRole(me, 'platform_admin');
  const isRegistrar = hasRole(me, 'registry_admin');
  // The public registry is everything under /registry except its administration.
  const inPublicRegistry =
    location.pathname.startsWith('/registry') && !location.pathname.startsWith('/registry/admin');
  const registryLinkClass: NavLinkProps['className'] = () => navLinkClass({ isActive: inPublicRegistry });
  const links: { to: string; label: string; end?: boolean; className?: NavLinkProps['className'] }[] = me
    ? [
        { to: '/', label: t('web.nav.home'), end: true },
        { to: '/cases', label: t('web.intake.nav.cases') },
        { to: '/registry', label: t('web.nav.registry'), className: registryLinkClass },
        { to: '/notifications', label: t('web.nav.notifications') },
        { to: '/profile', label: t('web.nav.profile') },
        ...(hasRole(me, 'court_user')
          ? [{ to: '/court/filings', label: t('web.signing.nav.courtFilings') }]
          : []),
        ...(isRegistrar ? [{ to: '/registry/admin', label: t('web.nav.registryAdmin') }] : []),
        ...(isAdmin ? [{ to: '/admin/users', label: t('web.nav.adminUsers') }] : []),
        ...(isAdmin && config?.demo ? [{ to: '/admin/outbox', label: t('web.nav.adminOutbox') }] : []),
      ]
    : [];

  return (
    <header className="border-b border-slate-300 bg-white">
      <SkipLink />
      <div className="bg-brand-900 text-white">
        <div className="mx-auto flex max-w-5xl justify-end px-2 py-1 sm:px-4">
          <LanguageSwitcher />
        </div>
      </div>
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-3 gap-y-1 px-4 py-2">
        <Brand />
        {me ? (
          <div className="flex items-center gap-1">
            <NotificationsLink count={me.unreadNotifications} />
            <button
              type="button"
              aria-expanded={menuOpen}
              aria-controls="site-nav"
              onClick={() => setMenuOpen((open) => !open)}
              className="flex min-h-11 items-center gap-2 rounded-md border-2 border-brand-700 px-3 font-semibold text-brand-800 md:hidden"
            >
              <MenuIcon open={menuOpen} />
              {t('web.header.menu')}
            </button>
          </div>
        ) : (
          <nav aria-label={t('web.header.mainNav')}>
            <ul className="flex flex-wrap items-center gap-0.5 min-[400px]:gap-1">
              <li>
                <NavLink to="/registry" className={registryLinkClass}>
                  {t('web.nav.registry')}
                </NavLink>
              </li>
              <li>
                <NavLink to="/login" className={navLinkClass}>
                  {t('web.nav.login')}
                </NavLink>
              </li>
              <li>
                <NavLink
                  to="/register"
                  className="flex min-h-11 items-center rounded-md bg-brand-700 px-2.5 text-base font-semibold text-white no-underline hover:bg-brand-900 hover:text-white min-[400px]:px-3 min-[400px]:text-[1.0625rem]"
                >
                  {t('web.nav.register')}
                </NavLink>
              </li>
            </ul>
          </nav>
        )}
      </div>
      {me && (
        <nav
          id="site-nav"
          aria-label={t('web.header.mainNav')}
          className={`${menuOpen ? 'block' : 'hidden'} border-t border-slate-200 md:block`}
        >
          <div className="mx-auto flex max-w-5xl flex-col gap-2 px-4 py-2 md:flex-row md:items-center md:justify-between">
            <ul className="flex flex-col gap-1 md:flex-row md:flex-wrap">
              {links.map((link) => (
                <li key={link.to}>
                  <NavLink to={link.to} end={link.end} className={link.className ?? navLinkClass}>
                    {link.label}
                  </NavLink>
                </li>
              ))}
            </ul>
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1 border-t border-slate-200 pt-2 md:border-0 md:pt-0">
              <span className="px-3 text-slate-700 md:px-0">
                <span className="sr-only">{t('web.header.signedInAs')} </span>
                <span className="font-semibold text-ink">{me.fullName}</span>
              </span>
              <button
                type="button"
                onClick={() => logout.mutate()}
                className="min-h-11 rounded-md border-2 border-brand-700 px-4 font-semibold text-brand-800 hover:bg-brand-50"
              >
                {t('web.nav.logout')}
              </button>
            </div>
          </div>
        </nav>
      )}
    </header>
  );
};
