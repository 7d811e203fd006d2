import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { api, keys, type QueueStatus } from '../../../api.ts';
import { formatDateTime } from '../../../i18n.ts';
import { Card } from '../../../ui/card.tsx';
import { QueryError } from '../../../ui/form.tsx';
import { Loading } from '../../../ui/loading.tsx';
import { PageTitle } from '../../../ui/page-title.tsx';
import { useRegistryText } from '../text.ts';
import { AdminNav } from './admin-nav.tsx';

const TABS: QueueStatus[] = ['pending', 'listed', 'closed'];
const isTab = (value: string | null): value is QueueStatus => TABS.includes(value as QueueStatus);

export const QueuePage = () => {
  const text = useRegistryText();
  const { t, locale } = text;
  const [params] = useSearchParams();
  const status = isTab(params.get('status')) ? (params.get('status') as QueueStatus) : 'pending';
  const queue = useQuery({
    queryKey: keys.registry.queue(status),
    queryFn: () => api.registry.queue(status),
  });
  const entries = queue.data?.entries ?? [];
  return (
    <>
      <PageTitle lead={t('web.registry.admin.lead')}>{t('web.registry.admin.title')}</PageTitle>
      <AdminNav />
      {/* Links, not ARIA tabs: each list has its own address and works with Back. */}
      <nav aria-label={t('web.registry.admin.tabsLabel')} className="mb-4">
        <ul className="flex flex-wrap gap-1 rounded-lg bg-slate-200 p-1">
          {TABS.map((tab) => (
            <li key={tab} className="flex-auto">
              <Link
                to={`/registry/admin?status=${tab}`}
                aria-current={tab === status ? 'page' : undefined}
                className={`flex h-full min-h-11 items-center justify-center rounded-md px-3 text-center leading-tight font-semibold no-underline ${
                  tab === status ? 'bg-white text-brand-900 shadow-sm' : 'text-brand-800 hover:bg-white/60'
                }`}
              >
                {t(`web.registry.admin.tabs.${tab}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {queue.isPending && <Loading />}
      {queue.error && <QueryError error={queue.error} />}
      {queue.data && (
        <section aria-labelledby="queue-title">
          <h2 id="queue-title" className="mb-3 text-xl font-bold text-brand-900">
            {t(`web.registry.admin.tabs.${status}`)}
          </h2>
          <p role="status" className="mb-3">
            {entries.length === 0
              ? t('web.registry.admin.empty')
              : t('web.registry.admin.count', { count: entries.length })}
          </p>
          <ul className="grid gap-3 md:grid-cols-2">
            {entries.map((entry) => (
              <Card key={entry.id} as="li" className="min-w-0">
                <h3 className="text-lg font-bold">
                  <Link to={`/registry/admin/entries/${entry.id}`}>{entry.fullName}</Link>
                </h3>
                <p>
                  {text.kind(entry.kind)} · <span className="font-semibold">{text.status(entry.status)}</span>
                </p>
                {entry.registryNumber && <p>{entry.registryNumber}</p>}
                <p className="text-slate-700">
                  {t('web.registry.mine.submittedAt', { date: formatDateTime(entry.submittedAt, locale) })}
                </p>
              </Card>
            ))}
          </ul>
        </section>
      )}
    </>
  );
};
