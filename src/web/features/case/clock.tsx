import type { CaseView } from '../../cases-api.ts';
import { RuleWhy } from './rule-why.tsx';
import { CaseSection } from './section.tsx';
import { useCaseText } from './text.ts';

/** Status active: how many days of the term are left (R-MED-11), in words and large. */
export const Clock = ({ view }: { view: CaseView }) => {
  const text = useCaseText();
  const { t } = text;
  const term = view.term;
  if (!term) return null;
  return (
    <CaseSection id="clock" title={t('web.case.clock.title')}>
      <p className="text-3xl font-bold text-brand-900">
        {t('web.case.clock.daysLeft', { count: term.daysLeft })}
      </p>
      <dl className="mt-2 space-y-1">
        <div>
          <dt className="inline font-semibold">{t('web.case.clock.started')}:</dt>{' '}
          <dd className="inline">{text.date(term.startedOn)}</dd>
        </div>
        <div>
          <dt className="inline font-semibold">{t('web.case.clock.endsOn')}:</dt>{' '}
          <dd className="inline">{text.date(term.endsOn)}</dd>
        </div>
        <div>
          <dt className="inline font-semibold">{t('web.case.clock.extension')}:</dt>{' '}
          <dd className="inline">
            {term.extensionDays > 0
              ? t('web.case.clock.extended', { count: term.extensionDays })
              : t('web.case.clock.notExtended')}
          </dd>
        </div>
      </dl>
      <RuleWhy rule="R-MED-11" className="mt-2" />
    </CaseSection>
  );
};
