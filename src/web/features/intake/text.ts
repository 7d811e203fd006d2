import type { CaseStatus, CaseSummary } from '../../cases-api.ts';
import { formatDate } from '../../i18n.ts';
import { statusKey } from '../case/status.ts';
import { useRegistryText } from '../registry/text.ts';

// Words for the case codes the intake pages show. Categories, regions and languages are the
// registry's names (shared locales); status names are the case page's (web.case.status.*), so a
// case reads the same in the list and on its page; "what the case waits for" is this family's.

export const useIntakeText = () => {
  const text = useRegistryText();
  const { t, locale } = text;
  return {
    ...text,
    caseStatus: (status: CaseStatus) => t(statusKey(status)),
    waiting: (code: CaseSummary['waiting']) => t(`web.intake.waiting.${code}`),
    place: (remote: boolean) => t(remote ? 'web.intake.common.remote' : 'web.intake.common.inPerson'),
    yesNo: (value: boolean) => t(value ? 'web.intake.common.yes' : 'web.intake.common.no'),
    date: (iso: string) => formatDate(iso, locale),
    /** "3 days left to reply" / "…of mediation"; the last day says so instead of "0 days". */
    daysLeft: (status: CaseStatus, days: number) => {
      const kind = status === 'invited' ? 'reply' : 'term';
      if (days <= 0) return t(`web.intake.daysLeft.${kind}LastDay`);
      return t(`web.intake.daysLeft.${kind}`, { count: days });
    },
  };
};

export type IntakeText = ReturnType<typeof useIntakeText>;
