import { useTranslation } from 'react-i18next';

export const Footer = () => {
  const { t } = useTranslation();
  return (
    <footer className="mt-12 border-t border-slate-300 bg-white">
      <div className="mx-auto max-w-5xl px-4 py-6 text-slate-700">
        <p>{t('web.footer.about')}</p>
        <p className="mt-2">{t('web.footer.law')}</p>
      </div>
    </footer>
  );
};
