import { useTranslation } from 'react-i18next';

export const Loading = ({ label }: { label?: string }) => {
  const { t } = useTranslation();
  return (
    <p role="status" className="flex items-center gap-3 py-6 text-slate-700">
      <span
        aria-hidden="true"
        className="inline-block size-5 animate-spin rounded-full border-2 border-brand-700 border-t-transparent"
      />
      {label ?? t('web.common.loading')}
    </p>
  );
};
