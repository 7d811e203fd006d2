import type { CaseView } from '../../cases-api.ts';
import { CaseSection } from './section.tsx';
import { useCaseText } from './text.ts';

/** What happened, newest last, each step with who did it and the rule it followed. */
export const Timeline = ({ view }: { view: CaseView }) => {
  const text = useCaseText();
  const { t } = text;
  return (
    <CaseSection id="timeline" title={t('web.case.timeline.title')}>
      {view.timeline.length === 0 ? (
        <p className="text-slate-700">{t('web.case.timeline.empty')}</p>
      ) : (
        <ol className="space-y-3 border-l-2 border-slate-300 pl-4">
          {view.timeline.map((entry) => (
            <li key={`${entry.at}-${entry.action}-${entry.actor}`} className="min-w-0">
              <p className="font-semibold">{text.action(entry.action)}</p>
              <p className="text-slate-700">
                <time dateTime={entry.at}>{text.dateTime(entry.at)}</time>
                {' · '}
                {t(`web.case.timeline.actor.${entry.actor}`)}
                {entry.to && entry.to !== entry.from && (
                  <>
                    {' · '}
                    {t('web.case.timeline.to', { status: text.status(entry.to) })}
                  </>
                )}
              </p>
              {entry.rule && (
                <p className="text-sm text-slate-700">{t('web.case.ruleOnly', { rule: entry.rule })}</p>
              )}
            </li>
          ))}
        </ol>
      )}
    </CaseSection>
  );
};
