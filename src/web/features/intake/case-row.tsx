import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Me } from '../../api.ts';
import type { CaseSummary } from '../../cases-api.ts';
import { useIntakeText } from './text.ts';

/** The names a party reads as "the other party": everyone but the viewer (by name on the account). */
export const otherParties = (summary: CaseSummary, me: Pick<Me, 'fullName' | 'organisationName'>) => {
  if (summary.myRole !== 'party') return summary.parties;
  const mine = [me.fullName, me.organisationName].map((name) => name?.trim().toLowerCase());
  const others = summary.parties.filter((name) => !mine.includes(name.trim().toLowerCase()));
  return others.length > 0 ? others : summary.parties;
};

const Line = ({ label, children }: { label: string; children: ReactNode }) => (
  <div className="flex flex-wrap gap-x-2">
    <dt className="text-slate-700">{label}:</dt>
    <dd className="font-semibold">{children}</dd>
  </div>
);

/** One case in a dashboard: what it is, who with, where it stands and whether it waits for the viewer. */
export const CaseRow = ({ summary, me }: { summary: CaseSummary; me: Me }) => {
  const text = useIntakeText();
  const { t } = text;
  const others = otherParties(summary, me);
  const isOther = others.length < summary.parties.length;
  // The court never sees the subject (R-MED-17): the category names the case instead.
  const category = summary.category && text.category(summary.category);
  const heading = summary.subject || category || t('web.intake.list.untitled');
  // A draft is finished in the request form; everything else has its case page.
  const to = summary.status === 'draft' ? `/cases/new?draft=${summary.id}` : `/cases/${summary.id}`;
  return (
    <li className="rounded-lg border border-slate-300 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 className="text-lg leading-snug font-bold">
          <Link to={to}>
            <span className="block text-base font-semibold text-slate-700">
              {t('web.intake.list.number', { number: summary.number })}
            </span>
            {heading}
          </Link>
        </h3>
        {summary.unreadMessages > 0 && (
          <span className="rounded-full bg-brand-700 px-3 py-1 text-sm font-bold text-white">
            {t('web.room.unreadInCase', { count: summary.unreadMessages })}
          </span>
        )}
        {summary.waitingOnMe && (
          <span className="rounded-full bg-amber-100 px-3 py-1 text-sm font-bold text-amber-950 ring-2 ring-amber-600">
            {t('web.intake.list.waitingForYou')}
          </span>
        )}
      </div>
      <dl className="mt-2 space-y-1">
        {summary.subject && category && <Line label={t('web.intake.list.category')}>{category}</Line>}
        {others.length > 0 && (
          <Line label={t(isOther ? 'web.intake.list.otherParty' : 'web.intake.list.parties')}>
            {others.join(', ')}
          </Line>
        )}
        <Line label={t('web.intake.list.status')}>{text.caseStatus(summary.status)}</Line>
        {summary.waiting !== 'nothing' && (
          <Line label={t('web.intake.list.next')}>{text.waiting(summary.waiting)}</Line>
        )}
        {summary.daysLeft !== null && (
          <Line label={t('web.intake.list.time')}>{text.daysLeft(summary.status, summary.daysLeft)}</Line>
        )}
        {summary.mediatorName && summary.myRole !== 'mediator' && (
          <Line label={t('web.intake.list.mediator')}>{summary.mediatorName}</Line>
        )}
        {summary.origin === 'court' && summary.myRole !== 'court' && (
          <Line label={t('web.intake.list.origin')}>{t('web.intake.list.fromCourt')}</Line>
        )}
      </dl>
    </li>
  );
};
