import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import type { Role } from '../../../core/identity/roles.ts';
import { hasRole, useMe } from '../../session.ts';
import { Alert } from '../../ui/alert.tsx';
import { ButtonLink } from '../../ui/button.tsx';
import { QueryError } from '../../ui/form.tsx';
import { Loading } from '../../ui/loading.tsx';
import { PageTitle } from '../../ui/page-title.tsx';
import { loginPath } from './next.ts';

/** Pages for logged-in people: anyone else goes to the login page and comes back afterwards. */
export const RequireLogin = ({ children, requiredRole }: { children: ReactNode; requiredRole?: Role }) => {
  const { t } = useTranslation();
  const location = useLocation();
  const { data: me, isPending, error } = useMe();
  if (isPending) return <Loading />;
  if (error && me === undefined) return <QueryError error={error} />;
  if (!me) return <Navigate replace to={loginPath(`${location.pathname}${location.search}`)} />;
  if (requiredRole && !hasRole(me, requiredRole)) {
    return (
      <>
        <PageTitle>{t('web.errors.noAccessTitle')}</PageTitle>
        <Alert tone="warning" title={t('errors.forbidden')}>
          <p>{t('web.errors.noAccessText')}</p>
        </Alert>
        <ButtonLink to="/" variant="secondary" className="mt-6">
          {t('web.common.toHome')}
        </ButtonLink>
      </>
    );
  }
  return children;
};
