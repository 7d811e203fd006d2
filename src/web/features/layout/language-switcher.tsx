import { useTranslation } from 'react-i18next';
import { LOCALES } from '../../../core/identity/roles.ts';
import { currentLocale, LANGUAGE_NAMES } from '../../i18n.ts';
import { useChooseLanguage } from '../../session.ts';

/** Three buttons, each named in its own language, so anyone can find theirs. */
export const LanguageSwitcher = () => {
  const { t, i18n } = useTranslation();
  const choose = useChooseLanguage();
  const current = i18n.language ? currentLocale() : 'kk';
  return (
    <ul aria-label={t('web.header.language')} className="flex flex-wrap gap-1">
      {LOCALES.map((locale) => (
        <li key={locale}>
          <button
            type="button"
            lang={locale}
            aria-pressed={current === locale}
            onClick={() => void choose(locale)}
            className={`min-h-11 rounded-md px-3 text-sm font-semibold sm:text-base ${
              current === locale
                ? 'bg-white text-brand-900'
                : 'text-white underline underline-offset-2 hover:bg-brand-800'
            }`}
          >
            {LANGUAGE_NAMES[locale]}
          </button>
        </li>
      ))}
    </ul>
  );
};
