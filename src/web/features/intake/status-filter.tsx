import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export const LIST_FILTERS = ['open', 'closed', 'all'] as const;
export type ListFilter = (typeof LIST_FILTERS)[number];

export const toFilter = (value: string | null): ListFilter =>
  LIST_FILTERS.includes(value as ListFilter) ? (value as ListFilter) : 'open';

/**
 * Open / closed / all as tabs in the address (`?status=`), so Back and a shared link keep the
 * choice. Looks like the section tabs (ui/section-nav), which match paths, not query strings.
 */
export const StatusFilter = ({ current }: { current: ListFilter }) => {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('web.intake.list.filterLabel')} className="mb-6">
      <ul className="grid grid-cols-3 gap-1 border-b border-slate-300 pb-2 sm:flex sm:flex-wrap">
        {LIST_FILTERS.map((filter) => (
          <li key={filter}>
            <Link
              to={`/cases?status=${filter}`}
              aria-current={filter === current ? 'page' : undefined}
              className={`flex h-full min-h-11 items-center justify-center rounded-md px-3 leading-tight font-semibold sm:justify-start ${
                filter === current ? 'bg-brand-50 text-brand-900 underline decoration-2' : 'no-underline'
              }`}
            >
              {t(`web.intake.list.filter.${filter}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
};
