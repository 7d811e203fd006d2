import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';

type PageTitleProps = {
  children: ReactNode /** The tab title when the heading is not plain text. */;
  title?: string;
  lead?: ReactNode;
};

/** The page's one h1, mirrored into document.title ("Profile — Келісім"). */
export const PageTitle = ({ children, title, lead }: PageTitleProps) => {
  const { t } = useTranslation();
  const text = title ?? (typeof children === 'string' ? children : '');
  useEffect(() => {
    document.title = text ? `${text} — ${t('web.app.name')}` : t('web.app.name');
  }, [text, t]);
  return (
    <div className="mb-6">
      <h1 tabIndex={-1} className="text-2xl leading-tight font-bold text-brand-900 sm:text-3xl">
        {children}
      </h1>
      {lead && <p className="mt-3 max-w-prose text-lg text-slate-700">{lead}</p>}
    </div>
  );
};
