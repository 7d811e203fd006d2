import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

export type SectionLink = { to: string; label: string; end: boolean };

/** Tabs between the pages of one section (two columns on a phone, one row on wider screens). */
export const SectionNav = ({ label, links }: { label: string; links: readonly SectionLink[] }) => {
  const { t } = useTranslation();
  return (
    <nav aria-label={t(label)} className="mb-6">
      <ul className="grid grid-cols-2 gap-1 border-b border-slate-300 pb-2 sm:flex sm:flex-wrap">
        {links.map((link) => (
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
