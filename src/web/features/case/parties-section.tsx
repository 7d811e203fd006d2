import type { CasePartyView, CaseView } from '../../cases-api.ts';
import { Alert } from '../../ui/alert.tsx';
import { Fact, KindBadge } from '../registry/mediator-card.tsx';
import { showsNotice } from './model.ts';
import { RuleWhy } from './rule-why.tsx';
import { CaseSection } from './section.tsx';
import { useCaseText } from './text.ts';

/** R-MED-10: when the invitation was sent, delivered and opened, and the last day to answer. */
const ProofOfNotice = ({ invitation }: { invitation: NonNullable<CasePartyView['invitation']> }) => {
  const text = useCaseText();
  const { t } = text;
  const when = (iso: string | null) =>
    iso ? text.dateTime(iso) : <span className="text-slate-700">{t('web.case.parties.notYet')}</span>;
  return (
    <div className="mt-3 border-t border-slate-200 pt-3">
      <h4 className="font-semibold">{t('web.case.parties.notice.title')}</h4>
      <dl className="mt-1 space-y-1">
        <Fact label={t('web.case.parties.notice.sent')}>{when(invitation.sentAt)}</Fact>
        <Fact label={t('web.case.parties.notice.delivered')}>{when(invitation.deliveredAt)}</Fact>
        <Fact label={t('web.case.parties.notice.read')}>{when(invitation.readAt)}</Fact>
        {invitation.replyBy && (
          <Fact label={t('web.case.parties.notice.replyBy')}>{text.date(invitation.replyBy)}</Fact>
        )}
      </dl>
      <RuleWhy rule="R-MED-10" className="mt-2" />
    </div>
  );
};

const consentTone = {
  accepted: 'border-green-700 bg-green-50 text-green-900',
  declined: 'border-red-700 bg-red-50 text-red-900',
  pending: 'border-amber-600 bg-amber-50 text-amber-950',
} as const;

const Party = ({ view, party }: { view: CaseView; party: CasePartyView }) => {
  const { t } = useCaseText();
  const headingId = `party-${party.id}`;
  const you = party.id === view.viewer.partyId;
  return (
    <li className="min-w-0 rounded-md border border-slate-300 p-3">
      <article aria-labelledby={headingId}>
        <h3 id={headingId} className="text-lg font-bold break-words">
          {party.fullName}
          {you && <span className="font-normal text-slate-700"> {t('web.case.parties.you')}</span>}
        </h3>
        <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1">
          <span className="font-semibold">{t(`web.case.parties.side.${party.side}`)}</span>
          <span className="text-slate-700">{t(`web.common.kind.${party.kind}`)}</span>
          <span
            className={`inline-block rounded-md border px-2 py-0.5 text-sm font-semibold ${consentTone[party.consent]}`}
          >
            {t(`web.case.parties.consent.${party.consent}`)}
          </span>
        </p>
        <dl className="mt-2 space-y-1">
          {party.idNumber && (
            <Fact label={t(`web.case.parties.idNumber.${party.kind}`)}>
              <span className="tabular-nums">{party.idNumber}</span>
            </Fact>
          )}
          {party.email && <Fact label={t('web.case.parties.email')}>{party.email}</Fact>}
          {party.phone && <Fact label={t('web.case.parties.phone')}>{party.phone}</Fact>}
          {party.representative && (
            <Fact label={t('web.case.parties.representative')}>
              {t('web.case.parties.representativeValue', {
                name: party.representative.fullName,
                power: party.representative.powerOfAttorney,
              })}
            </Fact>
          )}
        </dl>
        {showsNotice(view, party) && party.invitation && <ProofOfNotice invitation={party.invitation} />}
      </article>
    </li>
  );
};

/** R-FAM-02: separate sessions, without saying who answered what or why. */
export const SeparateSessions = () => {
  const { t } = useCaseText();
  return (
    <Alert tone="info" title={t('web.case.separate.title')} className="mb-4">
      <p>{t('web.case.separate.text')}</p>
    </Alert>
  );
};

export const PartiesSection = ({ view }: { view: CaseView }) => {
  const { t } = useCaseText();
  const mediator = view.mediator;
  return (
    <CaseSection id="parties" title={t('web.case.parties.title')}>
      {view.separateSessions && <SeparateSessions />}
      <ul className="grid gap-3 md:grid-cols-2">
        {view.parties.map((party) => (
          <Party key={party.id} view={view} party={party} />
        ))}
      </ul>
      {mediator && (
        <div className="mt-4 border-t border-slate-200 pt-3">
          <h3 className="text-lg font-bold">{t('web.case.mediator.title')}</h3>
          <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1">
            <span className="font-semibold">{mediator.fullName}</span>
            <KindBadge kind={mediator.kind} />
          </p>
          <dl className="mt-1 space-y-1">
            {mediator.registryNumber && (
              <Fact label={t('web.registry.card.registryNumber')}>{mediator.registryNumber}</Fact>
            )}
            {mediator.organisation && (
              <Fact label={t('web.registry.card.organisation')}>{mediator.organisation}</Fact>
            )}
          </dl>
        </div>
      )}
    </CaseSection>
  );
};
