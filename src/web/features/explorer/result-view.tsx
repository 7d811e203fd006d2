import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Cost, Duration, Effect, ExplorerResult, Verdict } from '../../../core/cases/explorer.ts';
import type { Locale } from '../../../core/identity/roles.ts';
import type { Citation, RuleId } from '../../../core/law/index.ts';
import { formatMoney, formatNumber } from '../../i18n.ts';
import { ButtonLink } from '../../ui/button.tsx';
import { Card, SectionTitle } from '../../ui/card.tsx';

// The answer: the verdict first, then why (each finding with the rule that fired, in the reader's
// language), what happens next, how long, what it costs — or, when mediation is ruled out, what
// else to do. The administrators' "verify" flag is in the data but never shown here: this page is
// for the public.

const R = 'web.explorer.result';

const VERDICT_STYLE: Record<Verdict, string> = {
  yes: 'border-green-700 bg-green-50 text-green-900',
  yes_with_conditions: 'border-amber-600 bg-amber-50 text-amber-950',
  no: 'border-red-700 bg-red-50 text-red-900',
};

const EFFECT_STYLE: Record<Effect, string> = {
  excludes: 'bg-red-100 text-red-900',
  conditions: 'bg-amber-100 text-amber-950',
  allows: 'bg-green-100 text-green-900',
  informs: 'bg-slate-100 text-slate-800',
};

type ViewProps = { result: ExplorerResult; locale: Locale };

const RuleTag = ({ rule }: { rule: RuleId }) => {
  const { t } = useTranslation();
  return (
    <span className="ml-1 inline-block rounded bg-slate-100 px-1.5 text-sm whitespace-nowrap text-slate-800">
      {t(`${R}.rule`, { rule })}
    </span>
  );
};

const RuleText = ({ rule, locale }: { rule: Citation; locale: Locale }) => {
  const { t } = useTranslation();
  return (
    <>
      <span className="font-semibold">{rule.id}</span> — {rule.text[locale]}{' '}
      <span className="text-slate-700">{t(`${R}.source`, { source: rule.source })}</span>
    </>
  );
};

const Why = ({ result, locale }: ViewProps) => {
  const { t } = useTranslation();
  const byId = new Map(result.rules.map((rule) => [rule.id, rule]));
  return (
    <Card className="mb-4">
      <SectionTitle id="explorer-why">{t(`${R}.why`)}</SectionTitle>
      <ul className="space-y-4" aria-labelledby="explorer-why">
        {result.findings.map((finding) => {
          const rule = byId.get(finding.rule);
          return (
            <li key={finding.code}>
              <span
                className={`mr-2 inline-block rounded px-2 text-sm font-semibold ${EFFECT_STYLE[finding.effect]}`}
              >
                {t(`${R}.effect.${finding.effect}`)}
              </span>
              <span className="font-semibold">
                {t(`web.explorer.findings.${finding.code}`, finding.params)}
              </span>
              {rule && (
                <p className="mt-1 text-sm">
                  <RuleText rule={rule} locale={locale} />
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </Card>
  );
};

const timeLines = (duration: Duration, t: TFunction) => [
  t('web.explorer.time.reply', { days: duration.replyDays }),
  duration.mediationDays !== null
    ? t('web.explorer.time.outOfCourt', {
        days: duration.mediationDays,
        extensionDays: duration.extensionDays ?? 0,
      })
    : t('web.explorer.time.procedural'),
  ...(duration.acceptanceWorkingDays !== null
    ? [t('web.explorer.time.acceptance', { workingDays: duration.acceptanceWorkingDays })]
    : []),
  ...(duration.trialMonths !== null ? [t('web.explorer.time.trial', { months: duration.trialMonths })] : []),
];

const feeLine = (cost: Cost, locale: Locale, t: TFunction) => {
  const fee = cost.stateFee;
  const money = (amount: number) => formatMoney(amount, locale);
  if (!fee) return null;
  switch (fee.kind) {
    case 'property':
      return t('web.explorer.money.feeProperty', {
        fee: money(fee.feeKzt),
        percent: fee.percent,
        amount: money(fee.amountKzt),
      });
    case 'non_property':
      return t('web.explorer.money.feeNonProperty', {
        fee: money(fee.feeKzt),
        mrp: formatNumber(fee.mrp, locale),
        year: String(fee.mrpYear),
        mrpKzt: money(fee.mrpKzt),
      });
    case 'exempt':
      return t(`web.explorer.money.feeExempt.${fee.reason}`);
    default:
      return t('web.explorer.money.feeRates', {
        individual: fee.individualPercent,
        legal: fee.legalEntityPercent,
      });
  }
};

const refundLine = (cost: Cost, locale: Locale, t: TFunction) => {
  const refund = cost.refund;
  if (!refund) return null;
  if (refund.refundKzt !== null)
    return t('web.explorer.money.refundAmount', {
      percent: refund.percent,
      refund: formatMoney(refund.refundKzt, locale),
    });
  const key = { first: 'refundFirst', appeal: 'refundAppeal', cassation: 'refundCassation' }[refund.instance];
  return t(`web.explorer.money.${key}`, { percent: refund.percent });
};

const Plan = ({ result, locale }: ViewProps) => {
  const { t } = useTranslation();
  const { duration, cost } = result;
  const fee = cost && feeLine(cost, locale, t);
  const refund = cost && refundLine(cost, locale, t);
  return (
    <>
      <Card className="mb-4">
        <SectionTitle id="explorer-next">{t(`${R}.next`)}</SectionTitle>
        <ol className="list-decimal space-y-2 pl-5" aria-labelledby="explorer-next">
          {result.steps.map((step) => (
            <li key={`${step.code}-${step.rule}`}>
              {t(`web.explorer.steps.${step.code}`, step.params)} <RuleTag rule={step.rule} />
            </li>
          ))}
        </ol>
      </Card>
      <div className="mb-4 grid gap-4 md:grid-cols-2">
        {duration && (
          <Card>
            <SectionTitle id="explorer-time">{t(`${R}.duration`)}</SectionTitle>
            <ul className="list-disc space-y-1 pl-5" aria-labelledby="explorer-time">
              {timeLines(duration, t).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
            <p className="mt-2 text-sm">
              {duration.rules.map((rule) => (
                <RuleTag key={rule} rule={rule} />
              ))}
            </p>
          </Card>
        )}
        {cost && (
          <Card>
            <SectionTitle id="explorer-cost">{t(`${R}.cost`)}</SectionTitle>
            <ul className="list-disc space-y-1 pl-5" aria-labelledby="explorer-cost">
              <li>{t('web.explorer.money.publicFree')}</li>
              <li>{t('web.explorer.money.professional')}</li>
              {fee && <li>{fee}</li>}
              {refund && <li>{refund}</li>}
            </ul>
            {fee && <p className="mt-2 text-slate-700">{t('web.explorer.money.feeNote')}</p>}
            <p className="mt-2 text-sm">
              {cost.rules.map((rule) => (
                <RuleTag key={rule} rule={rule} />
              ))}
            </p>
          </Card>
        )}
      </div>
    </>
  );
};

const Alternatives = ({ result }: ViewProps) => {
  const { t } = useTranslation();
  return (
    <Card className="mb-4">
      <SectionTitle id="explorer-alternatives">{t(`${R}.alternatives`)}</SectionTitle>
      <ul className="list-disc space-y-2 pl-5" aria-labelledby="explorer-alternatives">
        {result.alternatives.map((alternative) => (
          <li key={alternative.code}>
            {t(`web.explorer.alternatives.${alternative.code}`)}
            {alternative.rule && <RuleTag rule={alternative.rule} />}
          </li>
        ))}
      </ul>
    </Card>
  );
};

const AllRules = ({ result, locale }: ViewProps) => {
  const { t } = useTranslation();
  return (
    <details className="mb-6 rounded-lg border border-slate-300 bg-white p-4">
      <summary className="min-h-11 cursor-pointer py-2 font-semibold text-brand-800">
        {t(`${R}.allRules`, { count: String(result.rules.length) })}
      </summary>
      <ul className="mt-2 space-y-3">
        {result.rules.map((rule) => (
          <li key={rule.id}>
            <RuleText rule={rule} locale={locale} />
          </li>
        ))}
      </ul>
    </details>
  );
};

export const ResultView = ({ result, locale }: ViewProps) => {
  const { t } = useTranslation();
  const possible = result.verdict !== 'no';
  return (
    <>
      {/* Announced when a changed answer changes the verdict; focus stays where the visitor is. */}
      <div role="status" className={`mb-4 rounded-md border-l-4 p-4 ${VERDICT_STYLE[result.verdict]}`}>
        <p className="text-xl font-bold">{t(`${R}.verdict.${result.verdict}`)}</p>
        <p className="mt-1">
          {t(`${R}.frameworkLabel`)} {t(`${R}.framework.${result.framework}`)}
        </p>
      </div>
      <Why result={result} locale={locale} />
      {possible ? <Plan result={result} locale={locale} /> : <Alternatives result={result} locale={locale} />}
      <AllRules result={result} locale={locale} />
      <p className="mb-6 text-slate-700">{t(`${R}.disclaimer`)}</p>
      {result.requestCategory && (
        <div className="flex flex-wrap gap-3">
          <ButtonLink to={`/cases/new?category=${result.requestCategory}`}>{t(`${R}.cta`)}</ButtonLink>
          <ButtonLink to={`/registry?category=${result.requestCategory}`} variant="secondary">
            {t(`${R}.findMediator`)}
          </ButtonLink>
        </div>
      )}
    </>
  );
};
