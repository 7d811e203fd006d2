import { useState } from 'react';
import type { CaseView } from '../../cases-api.ts';
import { type SessionView, scheduleApi, sessionCalendarUrl } from '../../schedule-api.ts';
import { Button, buttonClass } from '../../ui/button.tsx';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { FormAlert, useFormErrors } from '../../ui/form.tsx';
import { CounterForm } from './counter-form.tsx';
import { statusOf } from './model.ts';
import { useScheduleText } from './text.ts';
import { useSessionAction } from './use-session-action.ts';

const STATUS_TONE: Record<string, string> = {
  confirmed: 'bg-green-100 text-green-900',
  proposed: 'bg-amber-100 text-amber-950',
  waitingMediator: 'bg-amber-100 text-amber-950',
};

type Props = { view: CaseView; session: SessionView; onDone: (text: string) => void };

/** Who a session is for, and who proposed this time when it was a party. */
const Facts = ({ view, session }: Omit<Props, 'onDone'>) => {
  const { t, zone } = useScheduleText();
  const name = (partyId: string | null) => view.parties.find((p) => p.id === partyId)?.fullName ?? '';
  const mine = session.caucusPartyId !== null && session.caucusPartyId === view.viewer.partyId;
  return (
    <>
      <p className="text-slate-700">{zone(session.timeZone, session.utcOffsetMinutes)}</p>
      <p className="mt-1">
        {t(`web.schedule.modes.${session.mode}`)} ·{' '}
        {t('web.schedule.minutes', { count: session.durationMinutes })} ·{' '}
        {session.caucusPartyId === null
          ? t('web.schedule.joint')
          : mine
            ? t('web.schedule.caucusMine')
            : t('web.schedule.caucusWith', { name: name(session.caucusPartyId) })}
      </p>
      {session.address && (
        <p className="mt-1 break-words">{t('web.schedule.address', { address: session.address })}</p>
      )}
      {session.proposedBy.role === 'party' && (
        <p className="mt-1">{t('web.schedule.otherTimeBy', { name: name(session.proposedBy.partyId) })}</p>
      )}
      <ul className="mt-2 text-sm" aria-label={t('web.schedule.answersLabel')}>
        <li>
          {t('web.schedule.mediator')}:{' '}
          {t(`web.schedule.answers.${session.mediatorAccepted ? 'accepted' : 'pending'}`)}
        </li>
        {session.answers.map((a) => (
          <li key={a.partyId}>
            {name(a.partyId)}: {t(`web.schedule.answers.${a.answer}`)}
          </li>
        ))}
      </ul>
    </>
  );
};

/** One session: when, how, who has answered, and the caller's own choices now. */
export const SessionCard = ({ view, session, onDone }: Props) => {
  const { t, when } = useScheduleText();
  const form = useFormErrors([]);
  const [countering, setCountering] = useState(false);
  const [confirming, setConfirming] = useState<'decline' | 'cancel' | null>(null);
  const done = (text: string) => {
    setConfirming(null);
    setCountering(false);
    onDone(text);
  };
  const answer = useSessionAction<'accept' | 'decline'>({
    caseId: view.id,
    run: (value) => scheduleApi.answer(view.id, session.id, value),
    form,
    onDone: (list, value) => {
      const confirmed = list.sessions.find((s) => s.id === session.id)?.status === 'confirmed';
      done(t(`web.schedule.done.${confirmed ? 'confirmed' : value === 'decline' ? 'declined' : 'accepted'}`));
    },
    onFail: () => setConfirming(null),
  });
  const cancel = useSessionAction<void>({
    caseId: view.id,
    run: () => scheduleApi.cancel(view.id, session.id),
    form,
    onDone: () => done(t('web.schedule.done.cancelled')),
    onFail: () => setConfirming(null),
  });
  const headingId = `session-${session.id}-when`;
  const status = statusOf(session);
  const can = (action: SessionView['actions'][number]) => session.actions.includes(action);
  return (
    <li>
      <article aria-labelledby={headingId} className="rounded-md border-2 border-slate-300 p-3 sm:p-4">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <h3 id={headingId} className="min-w-0 text-lg font-bold break-words">
            {when(session)}
          </h3>
          <span
            className={`rounded px-2 py-0.5 text-sm font-semibold ${STATUS_TONE[status] ?? 'bg-slate-200 text-slate-900'}`}
          >
            {t(`web.schedule.status.${status}`)}
          </span>
        </div>
        <Facts view={view} session={session} />
        <FormAlert form={form} />
        {(session.actions.length > 0 || session.status === 'confirmed') && (
          <div className="mt-3 flex flex-wrap gap-2">
            {can('accept') && (
              <Button
                aria-describedby={headingId}
                pending={answer.isPending && answer.variables === 'accept'}
                pendingLabel={t('web.common.sending')}
                onClick={() => answer.mutate('accept')}
              >
                {t('web.schedule.actions.accept')}
              </Button>
            )}
            {can('counter') && (
              <Button
                variant="secondary"
                aria-describedby={headingId}
                aria-expanded={countering}
                onClick={() => setCountering((v) => !v)}
              >
                {t('web.schedule.actions.counter')}
              </Button>
            )}
            {can('decline') && (
              <Button variant="quiet" aria-describedby={headingId} onClick={() => setConfirming('decline')}>
                {t('web.schedule.actions.decline')}
              </Button>
            )}
            {session.status === 'confirmed' && (
              <a
                className={buttonClass('secondary')}
                href={sessionCalendarUrl(view.id, session.id)}
                download
                aria-describedby={headingId}
              >
                {t('web.schedule.actions.calendar')}
              </a>
            )}
            {can('cancel') && (
              <Button variant="quiet" aria-describedby={headingId} onClick={() => setConfirming('cancel')}>
                {t('web.schedule.actions.cancel')}
              </Button>
            )}
          </div>
        )}
        {countering && (
          <CounterForm
            caseId={view.id}
            session={session}
            onDone={done}
            onClose={() => setCountering(false)}
          />
        )}
      </article>
      <ConfirmDialog
        open={confirming !== null}
        title={confirming ? t(`web.schedule.confirm.${confirming}.title`) : ''}
        confirmLabel={confirming ? t(`web.schedule.confirm.${confirming}.yes`) : ''}
        cancelLabel={t('web.schedule.confirm.no')}
        pending={answer.isPending || cancel.isPending}
        onConfirm={() => (confirming === 'cancel' ? cancel.mutate() : answer.mutate('decline'))}
        onCancel={() => setConfirming(null)}
      >
        <p>{when(session)}</p>
        {confirming && <p className="mt-2">{t(`web.schedule.confirm.${confirming}.text`)}</p>}
      </ConfirmDialog>
    </li>
  );
};
