import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../core/identity/roles.ts';
import { currentLocale, formatDate, formatDateTime } from '../../i18n.ts';
import { useRegistryText } from '../registry/text.ts';
import { ruleText } from './model.ts';
import { statusKey } from './status.ts';

/**
 * Words and dates of the case page in the reader's language. Categories, regions, languages and
 * fees come from the registry's names (shared locales), so a case and the registry never disagree.
 */
export const useCaseText = () => {
  const registry = useRegistryText();
  const { t, i18n } = useTranslation();
  const locale: Locale = i18n.language ? currentLocale() : 'kk';
  return {
    ...registry,
    t,
    locale,
    status: (status: string) => t(statusKey(status)),
    date: (iso: string) => formatDate(iso, locale),
    dateTime: (iso: string) => formatDateTime(iso, locale),
    /** The law's words for a rule, or null when core/law does not carry it yet. */
    law: (rule: string) => ruleText(rule, locale),
    /** A timeline action in words; an action the page does not know yet reads as its code. */
    action: (action: string) =>
      i18n.exists(`web.case.timeline.actions.${action}`)
        ? t(`web.case.timeline.actions.${action}`)
        : action.replaceAll('_', ' '),
  };
};

export type CaseText = ReturnType<typeof useCaseText>;
