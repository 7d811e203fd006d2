import { agreementUrls, type FilingView } from '../../agreements-api.ts';
import { buttonClass } from '../../ui/button.tsx';
import { Fact } from '../registry/mediator-card.tsx';
import { useSigningText } from './text.ts';

type Decision = NonNullable<FilingView['decision']>;

/** What a court decided, and on approval the state fee refund the plaintiff is due (R-CPC-06). */
export const DecisionView = ({ decision }: { decision: Decision }) => {
  const text = useSigningText();
  const { t } = text;
  const ruling =
    decision.rulingNumber && decision.rulingDate
      ? t('web.signing.filing.decision.ruling', {
          number: decision.rulingNumber,
          date: text.date(decision.rulingDate),
        })
      : decision.rulingDate
        ? t('web.signing.filing.decision.rulingDate', { date: text.date(decision.rulingDate) })
        : null;
  return (
    <div
      className={`mt-4 rounded-md border-l-4 p-4 ${
        decision.approved ? 'border-green-700 bg-green-50' : 'border-red-700 bg-red-50'
      }`}
    >
      <p className="text-lg font-bold">
        <span aria-hidden="true">{decision.approved ? '✓ ' : '✗ '}</span>
        {t(
          decision.approved ? 'web.signing.filing.decision.approved' : 'web.signing.filing.decision.refused',
        )}
      </p>
      {ruling && <p>{ruling}</p>}
      {decision.reason && (
        <>
          <p className="mt-2 font-semibold">{t('web.signing.filing.decision.reason')}:</p>
          <p className="whitespace-pre-line">{decision.reason}</p>
        </>
      )}
      <p className="mt-1 text-sm text-slate-700">
        {t('web.signing.filing.decision.recordedAt', { time: text.dateTime(decision.at) })}
      </p>
      {decision.approved && <RefundView refund={decision.refund} />}
    </div>
  );
};

export const RefundView = ({ refund }: { refund: Decision['refund'] }) => {
  const text = useSigningText();
  const { t } = text;
  return (
    <div className="mt-3 border-t border-green-700/30 pt-3">
      <p className="font-semibold">{t('web.signing.refund.title')}</p>
      {refund ? <p className="text-lg">{text.refund(refund)}</p> : <p>{t('web.signing.refund.none')}</p>}
      <p className="mt-1 text-sm text-slate-700">{t('web.signing.refund.rule')}</p>
    </div>
  );
};

const Deliveries = ({ deliveries }: { deliveries: FilingView['deliveries'] }) => {
  const text = useSigningText();
  const { t } = text;
  return (
    <div className="mt-4">
      <h4 className="mb-2 font-bold">{t('web.signing.filing.deliveries.title')}</h4>
      {deliveries.length === 0 ? (
        <p>{t('web.signing.filing.deliveries.none')}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left">
            <thead>
              <tr className="border-b-2 border-slate-400">
                <th scope="col" className="py-1 pr-3">
                  {t('web.signing.filing.deliveries.attempt')}
                </th>
                <th scope="col" className="py-1 pr-3">
                  {t('web.signing.filing.deliveries.status')}
                </th>
                <th scope="col" className="py-1 pr-3">
                  {t('web.signing.filing.deliveries.http')}
                </th>
                <th scope="col" className="py-1">
                  {t('web.signing.filing.deliveries.at')}
                </th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((delivery) => (
                <tr key={delivery.attempt} className="border-b border-slate-200 align-top">
                  <td className="py-1 pr-3">{delivery.attempt}</td>
                  <td className="py-1 pr-3">
                    <span aria-hidden="true">
                      {delivery.status === 'delivered' ? '✓ ' : delivery.status === 'failed' ? '✗ ' : '… '}
                    </span>
                    {t(`web.signing.filing.deliveries.statuses.${delivery.status}`)}
                  </td>
                  <td className="py-1 pr-3">{delivery.httpStatus ?? '—'}</td>
                  <td className="py-1">{delivery.at ? text.dateTime(delivery.at) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
};

/** A filing once asked for: its state, who consented, deliveries, the package and the court's decision. */
export const FilingStatus = ({ caseId, filing }: { caseId: string; filing: FilingView }) => {
  const text = useSigningText();
  const { t } = text;
  const filed = filing.status !== 'awaiting_consent';
  return (
    <div>
      <h4 className="mb-2 font-bold">{t('web.signing.filing.status.title')}</h4>
      <dl className="space-y-1">
        <Fact label={t('web.signing.court.status')}>
          <span className="font-semibold">{t(`web.signing.filing.status.${filing.status}`)}</span>
        </Fact>
        <Fact label={t('web.signing.filing.channel')}>
          {t(`web.signing.filing.channelNames.${filing.channel}`)}
        </Fact>
        {filing.courtName && <Fact label={t('web.signing.filing.court')}>{filing.courtName}</Fact>}
        {filing.courtCaseNumber && (
          <Fact label={t('web.signing.filing.courtCaseNumber')}>{filing.courtCaseNumber}</Fact>
        )}
        {filing.filedAt && (
          <Fact label={t('web.signing.filing.filedAt')}>{text.dateTime(filing.filedAt)}</Fact>
        )}
      </dl>
      <h4 className="mt-4 mb-1 font-bold">{t('web.signing.filing.consents')}</h4>
      <ul className="space-y-1">
        {filing.consents.map((consent) => (
          <li key={consent.partyId}>
            <span aria-hidden="true" className={consent.at ? 'text-green-800' : 'text-slate-500'}>
              {consent.at ? '✓ ' : '○ '}
            </span>
            <span className="font-semibold">{consent.name}</span>:{' '}
            {consent.at
              ? t('web.signing.filing.consented', { time: text.dateTime(consent.at) })
              : t('web.signing.filing.waiting')}
          </li>
        ))}
      </ul>
      {filing.channel === 'webhook' && filed && <Deliveries deliveries={filing.deliveries} />}
      {filed && (
        <div className="mt-4">
          <a
            href={agreementUrls.filingPackage(caseId)}
            download
            className={buttonClass('secondary', 'max-w-full text-left')}
          >
            {t('web.signing.filing.package')}
          </a>
          <p className="mt-1 max-w-prose text-sm text-slate-700">{t('web.signing.filing.packageHint')}</p>
        </div>
      )}
      {filing.decision && <DecisionView decision={filing.decision} />}
    </div>
  );
};
