import { useTranslation } from 'react-i18next';
import { LAW_RULES, type RuleId } from '../../../core/law/index.ts';
import { currentLocale } from '../../i18n.ts';

/** "What the law says": the rules behind a page's explanation, by id, text and source (DOMAIN.md §3). */
export const LawNote = ({ rules }: { rules: readonly RuleId[] }) => {
  const { t, i18n } = useTranslation();
  const locale = i18n.language ? currentLocale() : 'kk';
  return (
    <details className="mt-4 rounded-md border border-slate-300 bg-slate-50 p-3">
      <summary className="min-h-11 cursor-pointer py-2 font-semibold text-brand-800">
        {t('web.intake.common.lawTitle')}
      </summary>
      <ul className="mt-2 space-y-2">
        {rules.map((id) => (
          <li key={id}>
            <span className="font-semibold">{id}.</span> {LAW_RULES[id].text[locale]}{' '}
            <span className="text-slate-700">({LAW_RULES[id].source})</span>
          </li>
        ))}
      </ul>
    </details>
  );
};
