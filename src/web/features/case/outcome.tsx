import type { CaseView } from '../../cases-api.ts';
import { RatingForm, Stars } from './rating.tsx';
import { RuleWhy } from './rule-why.tsx';
import { CaseSection } from './section.tsx';
import { useCaseText } from './text.ts';

/** The rule behind each way a case ends. */
const OUTCOME_RULES: Record<string, string> = {
  declined: 'R-MED-10',
  settled: 'R-MED-21',
  approved_by_court: 'R-CPC-04',
  not_settled: 'R-MED-21',
  withdrawn: 'R-MED-06',
  terminated: 'R-MED-15',
  term_expired: 'R-MED-11',
};
const KNOWN_REASONS = ['futile', 'written_consent'];

/** An ended case: how it ended, why, the mediator's note; the parties may rate the mediator. */
export const Outcome = ({ view }: { view: CaseView }) => {
  const text = useCaseText();
  const { t } = text;
  const ending = view.ending;
  // A court's approval comes after the ending (R-CPC-04) and is what the case came to.
  const outcome = view.status === 'approved_by_court' ? view.status : (ending?.outcome ?? view.status);
  const rule = OUTCOME_RULES[outcome];
  // Only the mediator's termination reasons are codes to show; others (e.g. 'withdrawn') repeat the outcome.
  const reason = ending?.reason && KNOWN_REASONS.includes(ending.reason) ? ending.reason : null;
  return (
    <CaseSection id="outcome" title={t('web.case.outcome.title')}>
      <p className="text-xl font-bold text-brand-900">{t(`web.case.outcome.text.${outcome}`)}</p>
      <dl className="mt-2 space-y-1">
        {ending && (
          <div>
            <dt className="inline font-semibold">{t('web.case.outcome.at')}:</dt>{' '}
            <dd className="inline">{text.dateTime(ending.at)}</dd>
          </div>
        )}
        {reason && (
          <div>
            <dt className="inline font-semibold">{t('web.case.outcome.reason')}:</dt>{' '}
            <dd className="inline">{t(`web.case.outcome.reasons.${reason}`)}</dd>
          </div>
        )}
        {ending?.note && (
          <div>
            <dt className="font-semibold">{t('web.case.outcome.note')}:</dt>
            <dd className="whitespace-pre-line">{ending.note}</dd>
          </div>
        )}
      </dl>
      {rule && <RuleWhy rule={rule} className="mt-2" />}
      {view.viewer.role === 'party' && view.rating && (
        <div className="mt-6 border-t border-slate-200 pt-4">
          {view.rating.stars !== null ? (
            <p>
              <span className="font-semibold">{t('web.case.rating.given')}</span>{' '}
              <Stars stars={view.rating.stars} />
            </p>
          ) : (
            view.rating.canRate && <RatingForm view={view} />
          )}
        </div>
      )}
    </CaseSection>
  );
};
