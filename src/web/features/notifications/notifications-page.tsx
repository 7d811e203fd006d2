import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, keys, type MarkReadBody, type Notification } from '../../api.ts';
import { currentLocale, formatDateTime } from '../../i18n.ts';
import { Alert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { QueryError } from '../../ui/form.tsx';
import { Loading } from '../../ui/loading.tsx';
import { PageTitle } from '../../ui/page-title.tsx';

/** The text of a notification in the reader's language; a role param is itself a message key. */
export const useNotificationText = () => {
  const { t } = useTranslation();
  return (notification: Notification) => {
    const params: Record<string, string | number> = { ...notification.params };
    if (typeof params.role === 'string') params.role = t(`roles.${params.role}`);
    return t(`notifications.${notification.kind}`, params);
  };
};

export const NotificationsPage = () => {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const text = useNotificationText();
  const locale = i18n.language ? currentLocale() : 'kk';
  const list = useQuery({
    queryKey: keys.notifications,
    queryFn: api.notifications,
    refetchOnWindowFocus: true,
  });
  const mark = useMutation({
    mutationFn: (body: MarkReadBody) => api.markRead(body),
    onSettled: async (_data, _error, body) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: keys.notifications }),
        queryClient.invalidateQueries({ queryKey: keys.me }),
      ]);
      // The button that was pressed is gone now: keep the keyboard where it was.
      const [id] = body.ids ?? [];
      if (id) document.getElementById(`notification-${id}`)?.focus();
    },
  });

  const unread = list.data?.unread ?? 0;
  return (
    <>
      <PageTitle>{t('web.notifications.title')}</PageTitle>
      {list.isPending && <Loading />}
      {list.error && <QueryError error={list.error} />}
      {mark.error && <QueryError error={mark.error} />}
      {list.data && (
        <>
          <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
            <p role="status" className="text-lg">
              {unread > 0
                ? t('web.notifications.unreadCount', { count: unread })
                : list.data.notifications.length > 0 && t('web.notifications.allRead')}
            </p>
            {unread > 0 && (
              <Button variant="secondary" pending={mark.isPending} onClick={() => mark.mutate({ all: true })}>
                {t('web.notifications.markAllRead')}
              </Button>
            )}
          </div>
          {list.data.notifications.length === 0 ? (
            <Alert tone="info" title={t('web.notifications.empty')} />
          ) : (
            <ul className="grid gap-3">
              {list.data.notifications.map((notification) => {
                const isUnread = notification.readAt === null;
                const body = text(notification);
                return (
                  <li
                    key={notification.id}
                    id={`notification-${notification.id}`}
                    tabIndex={-1}
                    className={`rounded-lg border bg-white p-4 ${
                      isUnread
                        ? 'border-l-8 border-brand-700 border-y-slate-300 border-r-slate-300'
                        : 'border-slate-300'
                    }`}
                  >
                    <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2">
                      <div className="min-w-0 flex-1">
                        {isUnread && (
                          <span className="mr-2 inline-block rounded bg-brand-700 px-2 text-sm font-bold text-white">
                            {t('web.notifications.new')}
                          </span>
                        )}
                        {notification.link ? (
                          <Link
                            to={notification.link}
                            className={isUnread ? 'font-semibold' : ''}
                            onClick={() => {
                              if (isUnread) mark.mutate({ ids: [notification.id] });
                            }}
                          >
                            {body}
                          </Link>
                        ) : (
                          <span className={isUnread ? 'font-semibold' : ''}>{body}</span>
                        )}
                        <p className="mt-1 text-slate-700">
                          <time dateTime={notification.createdAt}>
                            {formatDateTime(notification.createdAt, locale)}
                          </time>
                        </p>
                      </div>
                      {isUnread && (
                        <Button
                          variant="quiet"
                          className="min-h-11"
                          aria-label={t('web.notifications.markReadLabel', { text: body })}
                          onClick={() => mark.mutate({ ids: [notification.id] })}
                        >
                          {t('web.notifications.markRead')}
                        </Button>
                      )}
                    </div>
                  </li>
                );
              })}
            </ul>
          )}
        </>
      )}
    </>
  );
};
