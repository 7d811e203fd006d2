import type { ReactNode } from 'react';
import type { CaseInvitationView } from '../../cases-api.ts';
import { Card, SectionTitle } from '../../ui/card.tsx';
import { LawNote } from './law-note.tsx';
import { useIntakeText } from './text.ts';

const Row = ({ label, children }: { label: string; children: ReactNode }) => (
  <div className="border-t border-slate-200 py-2 first:border-t-0 sm:grid sm:grid-cols-[12rem_1fr] sm:gap-4">
    <dt className="text-slate-700">{label}</dt>
    <dd className="font-semibold">{children}</dd>
  </div>
);

/** What the invited party is asked to mediate, as the initiator (or the court) wrote it. */
export const ProposalCard = ({ view }: { view: CaseInvitationView }) => {
  const text = useIntakeText();
  const { t } = text;
  return (
    <Card className="mb-6">
      <SectionTitle id="proposal-title">{t('web.intake.invitation.proposalTitle')}</SectionTitle>
      <p className="mb-3 text-lg">
        {t(view.origin === 'court' ? 'web.intake.invitation.fromCourt' : 'web.intake.invitation.fromParty', {
          name: view.invitedBy,
          invitee: view.invitee.fullName,
        })}
      </p>
      <dl aria-labelledby="proposal-title">
        <Row label={t('web.intake.invitation.number')}>{view.number}</Row>
        {view.court && (
          <Row label={t('web.intake.invitation.court')}>
            {view.court.name}, {t('web.intake.invitation.courtCase', { number: view.court.caseNumber })}
          </Row>
        )}
        <Row label={t('web.intake.dispute.category')}>{text.category(view.category)}</Row>
        <Row label={t('web.intake.dispute.subject')}>{view.subject}</Row>
        {view.description && (
          <Row label={t('web.intake.dispute.description')}>
            <span className="font-normal whitespace-pre-line">{view.description}</span>
          </Row>
        )}
        <Row label={t('web.intake.dispute.amount')}>
          {view.claimAmountKzt === null
            ? t('web.intake.invitation.noAmount')
            : text.money(view.claimAmountKzt)}
        </Row>
        <Row label={t('web.intake.dispute.region')}>{text.region(view.region)}</Row>
        <Row label={t('web.intake.dispute.language')}>{text.languages([view.language])}</Row>
        <Row label={t('web.intake.dispute.how')}>{text.place(view.remote)}</Row>
        <Row label={t('web.intake.invitation.publicMediator')}>{text.yesNo(view.wantsPublicMediator)}</Row>
        <Row label={t('web.intake.invitation.replyBy')}>{text.date(view.replyBy)}</Row>
      </dl>
    </Card>
  );
};

/** Plain words about mediation for someone who has never heard of it (R-MED-09, R-MED-10, R-MED-17). */
export const AboutMediation = ({ view }: { view: CaseInvitationView }) => {
  const text = useIntakeText();
  const { t } = text;
  return (
    <section aria-labelledby="about-title" className="mb-6 max-w-prose">
      <SectionTitle id="about-title">{t('web.intake.invitation.aboutTitle')}</SectionTitle>
      <p>{t('web.intake.invitation.aboutText')}</p>
      <ul className="mt-3 list-disc space-y-2 pl-5">
        <li>{t(view.court ? 'web.intake.invitation.voluntaryCourt' : 'web.intake.invitation.voluntary')}</li>
        <li>{t('web.intake.invitation.confidential')}</li>
        <li>{t('web.intake.invitation.replyWindow', { date: text.date(view.replyBy) })}</li>
        <li>
          {t(view.wantsPublicMediator ? 'web.intake.invitation.costFree' : 'web.intake.invitation.cost')}
        </li>
      </ul>
      <LawNote rules={['R-MED-09', 'R-MED-10', 'R-MED-17', 'R-MED-18']} />
    </section>
  );
};
