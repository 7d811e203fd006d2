import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../ui/button.tsx';
import { PageTitle } from '../../ui/page-title.tsx';

export const NotFoundPage = () => {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle lead={t('web.notFound.text')}>{t('web.notFound.title')}</PageTitle>
      <ButtonLink to="/">{t('web.common.toHome')}</ButtonLink>
    </>
  );
};
