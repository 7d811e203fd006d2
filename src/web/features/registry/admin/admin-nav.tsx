import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

const LINKS = [
  { to: '/registry/admin', label: 'web.registry.admin.nav.queue', end: true },
  { to: '/registry/admin/organisations', label: 'web.registry.admin.nav.organisations', end: true },
  { to: '/registry/admin/complaints', label: 'web.registry.admin.nav.complaints', end: true },
] as const;

export const AdminNav = () => {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('web.registry.admin.nav.label')} className="mb-6">
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
