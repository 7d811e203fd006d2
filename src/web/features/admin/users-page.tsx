import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GRANTABLE_ROLES, type GrantableRole } from '../../../core/identity/roles.ts';
import { api, keys, type UserSummary } from '../../api.ts';
import { currentLocale, formatDate } from '../../i18n.ts';
import { Alert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { Card, SectionTitle } from '../../ui/card.tsx';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { QueryError } from '../../ui/form.tsx';
import { Loading } from '../../ui/loading.tsx';
import { PageTitle } from '../../ui/page-title.tsx';
import { Pager } from '../../ui/pager.tsx';
import { InviteForm } from './invite-form.tsx';

const PAGE = 20;
type Revoking = { user: UserSummary; role: GrantableRole };

const isGrantable = (role: string): role is GrantableRole =>
  (GRANTABLE_ROLES as readonly string[]).includes(role);

const RoleList = ({ user, onRevoke }: { user: UserSummary; onRevoke: (role: GrantableRole) => void }) => {
  const { t } = useTranslation();
  return (
    <ul className="flex flex-wrap gap-2">
      {user.roles.map((role) => (
        <li
          key={role}
          className="flex items-center gap-1 rounded-md border border-slate-300 bg-slate-50 py-0.5 pl-2"
        >
          <span>{t(`roles.${role}`)}</span>
          {isGrantable(role) ? (
            <button
              type="button"
              onClick={() => onRevoke(role)}
              aria-label={t('web.admin.users.revokeLabel', { role: t(`roles.${role}`), name: user.fullName })}
              className="min-h-11 min-w-11 rounded-md px-2 font-semibold text-red-700 underline hover:bg-red-50"
            >
              {t('web.admin.users.revoke')}
            </button>
          ) : (
            <span className="pr-2" />
          )}
        </li>
      ))}
    </ul>
  );
};

export const AdminUsersPage = () => {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const locale = i18n.language ? currentLocale() : 'kk';
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [offset, setOffset] = useState(0);
  const [revoking, setRevoking] = useState<Revoking | null>(null);
  const [revoked, setRevoked] = useState<string | null>(null);

  const users = useQuery({
    queryKey: keys.users(q, offset),
    queryFn: () => api.users({ q: q || undefined, offset, limit: PAGE }),
    placeholderData: keepPreviousData,
  });

  const revoke = useMutation({
    mutationFn: ({ user, role }: Revoking) => api.revokeRole(user.id, role),
    onSuccess: (_ok, { user, role }) => {
      setRevoked(t('web.admin.users.revoked', { role: t(`roles.${role}`), name: user.fullName }));
      setRevoking(null);
      return queryClient.invalidateQueries({ queryKey: ['admin', 'users'] });
    },
    onError: () => setRevoking(null),
  });

  const total = users.data?.total ?? 0;
  const rows = users.data?.users ?? [];

  return (
    <>
      <PageTitle lead={t('web.admin.users.lead')}>{t('web.admin.users.title')}</PageTitle>
      <div className="grid gap-8">
        <section aria-labelledby="list-title" className="min-w-0">
          <SectionTitle id="list-title">{t('web.admin.users.listTitle')}</SectionTitle>
          <search>
            <form
              className="mb-4 flex flex-wrap items-end gap-2"
              onSubmit={(event) => {
                event.preventDefault();
                setOffset(0);
                setQ(search.trim());
              }}
            >
              <div className="min-w-0 flex-1 basis-56">
                <label htmlFor="user-search" className="block font-semibold">
                  {t('web.admin.users.search')}
                </label>
                <p id="user-search-hint" className="text-slate-700">
                  {t('web.admin.users.searchHint')}
                </p>
                <input
                  id="user-search"
                  type="search"
                  value={search}
                  onChange={(event) => setSearch(event.target.value)}
                  aria-describedby="user-search-hint"
                  className="mt-1.5 block min-h-12 w-full rounded-md border-2 border-slate-500 bg-white px-3 py-2"
                />
              </div>
              <Button type="submit" className="min-h-12">
                {t('web.admin.users.searchSubmit')}
              </Button>
            </form>
          </search>

          {revoked && <Alert tone="success" title={revoked} className="mb-4" />}
          {revoke.error && <QueryError error={revoke.error} />}
          {users.isPending && <Loading />}
          {users.error && <QueryError error={users.error} />}
          {users.data && (
            <>
              <p role="status" className="mb-3">
                {t('web.admin.users.found', { count: total })}
              </p>
              {/* Wide screens: a table. Narrow screens: one card per person (same data). */}
              <table className="hidden w-full border-collapse bg-white text-left md:table">
                <caption className="sr-only">{t('web.admin.users.listTitle')}</caption>
                <thead>
                  <tr className="border-b-2 border-slate-400">
                    <th scope="col" className="p-2">
                      {t('web.admin.users.name')}
                    </th>
                    <th scope="col" className="w-2/5 p-2">
                      {t('web.admin.users.roles')}
                    </th>
                    <th scope="col" className="p-2">
                      {t('web.admin.users.created')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((user) => (
                    <tr key={user.id} className="border-b border-slate-200 align-top">
                      <td className="p-2">
                        <span className="block font-semibold">{user.fullName}</span>
                        <span className="block break-all text-slate-700">{user.email}</span>
                        <span className="block text-slate-700">
                          {t(`web.common.kind.${user.kind}`)}
                          {user.court && ` · ${user.court.name}`}
                        </span>
                      </td>
                      <td className="p-2">
                        <RoleList user={user} onRevoke={(role) => setRevoking({ user, role })} />
                      </td>
                      <td className="p-2 whitespace-nowrap">{formatDate(user.createdAt, locale)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <ul className="grid gap-3 md:hidden">
                {rows.map((user) => (
                  <Card key={user.id} as="li">
                    <p className="font-semibold">{user.fullName}</p>
                    <p className="break-all text-slate-700">{user.email}</p>
                    <p className="text-slate-700">
                      {t(`web.common.kind.${user.kind}`)} · {formatDate(user.createdAt, locale)}
                    </p>
                    {user.court && <p className="text-slate-700">{user.court.name}</p>}
                    <div className="mt-2">
                      <RoleList user={user} onRevoke={(role) => setRevoking({ user, role })} />
                    </div>
                  </Card>
                ))}
              </ul>
              <Pager
                label="web.admin.users.pages"
                rangeLabel="web.admin.users.range"
                offset={offset}
                pageSize={PAGE}
                total={total}
                onChange={setOffset}
              />
            </>
          )}
        </section>
        <div className="max-w-2xl">
          <InviteForm />
        </div>
      </div>
      <ConfirmDialog
        open={revoking !== null}
        title={t('web.admin.users.confirmTitle')}
        confirmLabel={t('web.admin.users.confirm')}
        cancelLabel={t('web.common.cancel')}
        pending={revoke.isPending}
        onConfirm={() => {
          if (!revoking) return;
          setRevoked(null);
          revoke.mutate(revoking);
        }}
        onCancel={() => setRevoking(null)}
      >
        {revoking && (
          <p>
            {t('web.admin.users.confirmText', {
              role: t(`roles.${revoking.role}`),
              name: revoking.user.fullName,
              email: revoking.user.email,
            })}
          </p>
        )}
      </ConfirmDialog>
    </>
  );
};
