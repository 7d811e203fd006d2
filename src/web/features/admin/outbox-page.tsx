import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, keys } from '../../api.ts';
import { currentLocale, formatDateTime } from '../../i18n.ts';
import { useConfig } from '../../session.ts';
import { Alert } from '../../ui/alert.tsx';
import { Card } from '../../ui/card.tsx';
import { QueryError } from '../../ui/form.tsx';
import { Loading } from '../../ui/loading.tsx';
import { PageTitle } from '../../ui/page-title.tsx';

const URL_PATTERN = /(https?:\/\/[^\s<>"']+)/g;

/** Plain text with its http(s) links made clickable (reset and invitation emails carry links). */
export const linkify = (text: string): ReactNode[] =>
  text.split(URL_PATTERN).map((part, index) =>
    index % 2 === 1 ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed text never move
      <a key={index} href={part} className="break-all">
        {part}
      </a>
    ) : (
      part
    ),
  );

const DemoOnly = () => {
  const { t } = useTranslation();
  const { data: config } = useConfig();
  if (config?.demo !== false) return null;
  return <Alert tone="warning" title={t('errors.demo_only')} className="mb-4" />;
};

export const OutboxPage = () => {
  const { t, i18n } = useTranslation();
  const locale = i18n.language ? currentLocale() : 'kk';
  const outbox = useQuery({ queryKey: keys.outbox, queryFn: api.outbox, refetchOnWindowFocus: true });
  return (
    <>
      <PageTitle lead={t('web.admin.outbox.lead')}>{t('web.admin.outbox.title')}</PageTitle>
      <DemoOnly />
      {outbox.isPending && <Loading />}
      {outbox.error && <QueryError error={outbox.error} />}
      {outbox.data &&
        (outbox.data.messages.length === 0 ? (
          <Alert tone="info" title={t('web.admin.outbox.empty')} />
        ) : (
          <ul className="grid gap-3">
            {outbox.data.messages.map((message) => (
              <li key={message.id} className="rounded-lg border border-slate-300 bg-white shadow-sm">
                <Link
                  to={`/admin/outbox/${encodeURIComponent(message.id)}`}
                  className="block rounded-lg p-4 no-underline hover:bg-brand-50"
                >
                  <span className="block font-semibold underline underline-offset-2">{message.subject}</span>
                  <span className="block break-all text-slate-700">
                    {t('web.admin.outbox.to')}: {message.to}
                  </span>
                  <span className="block text-slate-700">{formatDateTime(message.sentAt, locale)}</span>
                </Link>
              </li>
            ))}
          </ul>
        ))}
    </>
  );
};

export const OutboxMessagePage = () => {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const locale = i18n.language ? currentLocale() : 'kk';
  const message = useQuery({ queryKey: keys.outboxEntry(id), queryFn: () => api.outboxEntry(id) });
  return (
    <>
      <p className="mb-4">
        <Link to="/admin/outbox">{t('web.admin.outbox.back')}</Link>
      </p>
      <PageTitle title={message.data?.subject ?? t('web.admin.outbox.title')}>
        {message.data?.subject ?? t('web.admin.outbox.title')}
      </PageTitle>
      <DemoOnly />
      {message.isPending && <Loading />}
      {message.error && <QueryError error={message.error} />}
      {message.data && (
        <Card as="article">
          <dl className="mb-4 grid gap-x-4 sm:grid-cols-[auto_1fr]">
            <dt className="font-semibold">{t('web.admin.outbox.to')}</dt>
            <dd className="mb-2 break-all sm:mb-0">{message.data.to}</dd>
            <dt className="font-semibold">{t('web.admin.outbox.sentAt')}</dt>
            <dd>{formatDateTime(message.data.sentAt, locale)}</dd>
          </dl>
          <pre className="font-sans text-base break-words whitespace-pre-wrap">
            {linkify(message.data.text)}
          </pre>
        </Card>
      )}
    </>
  );
};
