import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

const LINKS = [
  { to: '/registry', label: 'web.registry.nav.search', end: true },
  { to: '/registry/organisations', label: 'web.registry.nav.organisations', end: false },
  { to: '/registry/how-matching-works', label: 'web.registry.nav.matching', end: true },
  { to: '/registry/apply', label: 'web.registry.nav.apply', end: true },
] as const;

/** The public registry's sections, on each of its pages. */
export const RegistryNav = () => {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('web.registry.nav.label')} className="mb-6">
      <ul className="grid grid-cols-2 gap-1 border-b border-slate-300 pb-2 sm:flex sm:flex-wrap">
        {LINKS.map((link) => (
          <li key={link.to}>
            <NavLink
              to={link.to}
              end={link.end}
              className={({ isActive }) =>
                `flex h-full min-h-11 items-center rounded-md px-3 leading-tight font-semibold ${
                  isActive ? 'bg-brand-50 text-brand-900 underline decoration-2' : 'no-underline'
                }`
              }
            >
              {t(link.label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
};
