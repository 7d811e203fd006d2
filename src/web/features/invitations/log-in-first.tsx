import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { ButtonLink } from '../../ui/button.tsx';
import { loginPath, registerPath } from '../auth/next.ts';

/**
 * An invitation opened logged out: what to do (`lead`), then "Log in" and "Register", each of
 * which comes back to this page (address and query) when done.
 */
export const LogInFirst = ({ lead }: { lead: ReactNode }) => {
  const { t } = useTranslation();
  const location = useLocation();
  const here = `${location.pathname}${location.search}`;
  return (
    <>
      <p className="mb-4">{lead}</p>
      <div className="flex flex-wrap gap-3">
        <ButtonLink to={loginPath(here)}>{t('web.invitation.login')}</ButtonLink>
        <ButtonLink to={registerPath(here)} variant="secondary">
          {t('web.invitation.register')}
        </ButtonLink>
      </div>
    </>
  );
};
