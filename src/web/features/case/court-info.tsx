import type { CaseView } from '../../cases-api.ts';
import { Fact } from '../registry/mediator-card.tsx';
import { RuleWhy } from './rule-why.tsx';
import { CaseSection } from './section.tsx';
import { useCaseText } from './text.ts';

/** The court case a referral came from; the court sees this, the status and the outcome only (R-MED-17). */
export const CourtInfo = ({ view }: { view: CaseView }) => {
  const { t } = useCaseText();
  const court = view.court;
  if (!court) return null;
  return (
    <CaseSection id="court" title={t('web.case.court.title')}>
      <dl className="space-y-1">
        <Fact label={t('web.case.court.name')}>{court.name}</Fact>
        <Fact label={t('web.case.court.caseNumber')}>{court.caseNumber}</Fact>
        <Fact label={t('web.case.court.proceeding')}>
          {t(`web.case.court.proceedings.${court.proceeding}`)}
        </Fact>
        <Fact label={t('web.case.court.stage')}>{t(`web.case.court.stages.${court.stage}`)}</Fact>
        <Fact label={t('web.case.court.judge')}>{court.judgeName}</Fact>
      </dl>
      {view.viewer.role === 'court' && (
        <>
          <p className="mt-3 text-slate-700">{t('web.case.court.confidential')}</p>
          <RuleWhy rule="R-MED-17" className="mt-1" />
        </>
      )}
    </CaseSection>
  );
};
