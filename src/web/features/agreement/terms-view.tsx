import type { ReactNode } from 'react';
import type { AgreementTerms } from '../../../core/agreements/compose.ts';
import { formatIban } from '../../../core/agreements/iban.ts';
import type {
  AgreementLanguage,
  Deadline,
  LocalizedText,
  Obligation,
  PerformanceMethod,
  Share,
} from '../../../core/agreements/types.ts';
import { orderedLanguages, textFor } from './model.ts';
import { type AgreementText, useAgreementText } from './text.ts';

type Names = ReadonlyMap<string, string>;

const Text = ({ value, languages }: { value: LocalizedText | undefined; languages: AgreementLanguage[] }) => {
  const { t, locale } = useAgreementText();
  const picked = textFor(value, locale, languages);
  if (!picked) return <span className="text-slate-700">{t('web.agreement.view.noText')}</span>;
  return <span lang={picked.lang}>{picked.text}</span>;
};

const deadlineText = (deadline: Deadline, text: AgreementText) => {
  const { t, day, money } = text;
  if (deadline.kind === 'date') return t('web.agreement.view.byDate', { date: day(deadline.date) });
  if (deadline.kind === 'recurring')
    return t(`web.agreement.view.recurring.${deadline.frequency}`, {
      day:
        deadline.frequency === 'weekly' ? t(`web.agreement.deadline.weekdays.${deadline.day}`) : deadline.day,
      from: day(deadline.from),
      until: day(deadline.until),
    });
  return deadline.instalments
    .map((item, i) =>
      t('web.agreement.view.instalment', { n: i + 1, date: day(item.date), amount: money(item.amountTiyn) }),
    )
    .join('; ');
};

const MethodText = ({ method, languages }: { method: PerformanceMethod; languages: AgreementLanguage[] }) => {
  const { t } = useAgreementText();
  const label = t(`web.agreement.method.kinds.${method.kind}`);
  if (method.kind === 'bank_transfer')
    return (
      <>
        {label}: <span translate="no">{formatIban(method.iban) || '—'}</span>
        {method.bank && `, ${method.bank}`}
      </>
    );
  if (method.kind === 'delivery')
    return (
      <>
        {label}: <Text value={method.address} languages={languages} />
      </>
    );
  if (method.kind === 'other')
    return (
      <>
        {label}: <Text value={method.description} languages={languages} />
      </>
    );
  if (method.kind === 'in_person' && method.place)
    return (
      <>
        {label}: <Text value={method.place} languages={languages} />
      </>
    );
  return <>{label}</>;
};

/** "Айгерім → Ерлан: 1 500 000 ₸" — one line naming an obligation (lists of changes use it). */
export const ObligationHeadline = ({
  obligation,
  names,
  languages,
}: {
  obligation: Obligation;
  names: Names;
  languages: AgreementLanguage[];
}) => {
  const text = useAgreementText();
  const who = `${names.get(obligation.debtor) ?? '—'} → ${names.get(obligation.creditor) ?? '—'}`;
  const subject = obligation.subject;
  return (
    <>
      {who}:{' '}
      {subject?.kind === 'money' ? (
        text.money(subject.amountTiyn)
      ) : subject?.kind === 'action' ? (
        <Text value={subject.description} languages={languages} />
      ) : (
        text.t('web.agreement.view.noSubject')
      )}
    </>
  );
};

const sharesText = (shares: Share[], names: Names) =>
  shares.map((s) => `${names.get(s.partyId) ?? '—'} ${s.percent}%`).join(', ');

/** The terms of a version as text to read (a version not being edited, or a frozen one). */
export const TermsView = ({ terms, names }: { terms: AgreementTerms; names: Names }) => {
  const text = useAgreementText();
  const { t } = text;
  const languages = orderedLanguages(terms.languages);
  const row = (label: string, body: ReactNode) => (
    <div className="mt-1">
      <span className="font-semibold">{label}:</span> {body}
    </div>
  );
  const costs = terms.legalCosts ?? { kind: 'set_off' as const };
  return (
    <div className="space-y-4">
      <p>
        <span className="font-semibold">{t('web.agreement.general.subject')}:</span>{' '}
        <Text value={terms.subject} languages={languages} />
      </p>
      <p>
        <span className="font-semibold">{t('web.agreement.general.place')}:</span>{' '}
        <Text value={terms.place} languages={languages} />
      </p>
      <div>
        <h5 className="font-semibold">{t('web.agreement.obligation.listLegend')}</h5>
        <ol className="mt-1 list-decimal space-y-2 pl-6">
          {terms.obligations.map((o) => (
            <li key={o.id}>
              <ObligationHeadline obligation={o} names={names} languages={languages} />
              {o.subject?.kind === 'money' &&
                o.subject.purpose &&
                row(
                  t('web.agreement.subject.purpose'),
                  <Text value={o.subject.purpose} languages={languages} />,
                )}
              {row(
                t('web.agreement.deadline.legend'),
                o.deadline ? deadlineText(o.deadline, text) : t('web.agreement.view.missing'),
              )}
              {row(
                t('web.agreement.method.legend'),
                o.method ? (
                  <MethodText method={o.method} languages={languages} />
                ) : (
                  t('web.agreement.view.missing')
                ),
              )}
              {o.condition &&
                row(
                  t(`web.agreement.condition.kinds.${o.condition.kind}`),
                  <Text value={o.condition.text} languages={languages} />,
                )}
            </li>
          ))}
        </ol>
      </div>
      {terms.clauses.length > 0 && (
        <div>
          <h5 className="font-semibold">{t('web.agreement.clauses.legend')}</h5>
          <ol className="mt-1 list-decimal space-y-1 pl-6">
            {terms.clauses.map((c) => (
              <li key={c.id}>
                <Text value={c.text} languages={languages} />
                {c.conditional && ` (${t('web.agreement.view.conditional')})`}
              </li>
            ))}
          </ol>
        </div>
      )}
      <div>
        {row(
          t('web.agreement.costs.legend'),
          costs.kind === 'borne_by'
            ? t('web.agreement.view.costsBorneBy', { name: names.get(costs.partyId) ?? '—' })
            : costs.kind === 'split'
              ? t('web.agreement.view.costsSplit', { shares: sharesText(costs.shares, names) })
              : t('web.agreement.costs.kinds.set_off'),
        )}
        {row(
          t('web.agreement.fee.legend'),
          terms.mediatorFee?.kind === 'split'
            ? t('web.agreement.view.feeSplit', {
                amount: text.money(terms.mediatorFee.amountTiyn),
                shares: sharesText(terms.mediatorFee.shares, names),
              })
            : t(`web.agreement.fee.kinds.${terms.mediatorFee?.kind ?? 'unstated'}`),
        )}
        {terms.singaporeConvention &&
          row(t('web.agreement.scope.legend'), t('web.agreement.scope.singapore'))}
        {terms.administrativeDiscretion &&
          row(
            t('web.agreement.scope.discretion'),
            t(`web.agreement.scope.discretionAnswers.${terms.administrativeDiscretion}`),
          )}
      </div>
    </div>
  );
};
