import { useState } from 'react';
import {
  DURATION_MAX,
  DURATION_MIN,
  SESSION_MODES,
  type SessionMode,
} from '../../../core/schedule/sessions.ts';
import { wallTime } from '../../../core/schedule/zones.ts';
import type { CaseView } from '../../cases-api.ts';
import { type SessionList, type SessionProposalBody, scheduleApi } from '../../schedule-api.ts';
import { Button } from '../../ui/button.tsx';
import { RadioGroup, TextField } from '../../ui/field.tsx';
import { Form, useFormErrors } from '../../ui/form.tsx';
import { parseMinutes, startsAtOf } from './model.ts';
import { useScheduleText } from './text.ts';
import { TimeFields, type TimeValues } from './time-fields.tsx';
import { useSessionAction } from './use-session-action.ts';

const FIELDS = ['startsAt', 'durationMinutes', 'mode', 'address', 'caucusPartyId'] as const;
const JOINT = 'joint';

type Props = { view: CaseView; list: SessionList; onDone: (text: string) => void };

/** The mediator proposes a session: when, how long, how (video, audio, in person), and with whom. */
export const ProposeForm = ({ view, list, onDone }: Props) => {
  const { t } = useScheduleText();
  const form = useFormErrors(FIELDS);
  const parties = view.parties.filter((p) => p.consent === 'accepted');
  const [times, setTimes] = useState<TimeValues>({ date: '', time: '', minutes: '60' });
  const [mode, setMode] = useState<SessionMode>('video');
  const [address, setAddress] = useState('');
  const [who, setWho] = useState(list.jointAllowed ? JOINT : '');
  const propose = useSessionAction<SessionProposalBody>({
    caseId: view.id,
    run: (body) => scheduleApi.propose(view.id, body),
    form,
    onDone: () => {
      // The time fields empty for the next proposal; how and with whom usually stay the same.
      setTimes((previous) => ({ ...previous, date: '', time: '' }));
      onDone(t('web.schedule.done.proposed'));
    },
  });
  const whoOptions = [
    ...(list.jointAllowed ? [{ value: JOINT, label: t('web.schedule.form.joint') }] : []),
    ...parties.map((p) => ({
      value: p.id,
      label: t('web.schedule.form.caucus', { name: p.fullName }),
      hint: t('web.schedule.form.caucusHint'),
    })),
  ];
  return (
    <Form
      form={form}
      aria-labelledby="session-propose-title"
      className="mt-6 border-t border-slate-200 pt-4"
      onSubmit={() => {
        const startsAt = startsAtOf(list.timeZone, times.date, times.time);
        const minutes = parseMinutes(times.minutes);
        const errors: Record<string, string> = {};
        if (!startsAt) errors.startsAt = t('fields.invalid_date_time');
        if (minutes === null)
          errors.durationMinutes = t('fields.session_duration_range', {
            minimum: DURATION_MIN,
            maximum: DURATION_MAX,
          });
        if (!who) errors.caucusPartyId = t('fields.session_caucus_required');
        if (Object.keys(errors).length > 0) return form.failFields(errors);
        propose.mutate({
          mode,
          address: mode === 'in_person' ? address : null,
          startsAt: startsAt as string,
          durationMinutes: minutes as number,
          caucusPartyId: who === JOINT ? null : who,
        });
      }}
    >
      <h3 id="session-propose-title" className="mb-3 text-lg font-bold">
        {t('web.schedule.form.title')}
      </h3>
      <TimeFields
        id="session-new"
        zone={list.timeZone}
        offsetMinutes={list.utcOffsetMinutes}
        minDate={wallTime(list.timeZone, new Date()).date}
        values={times}
        onChange={setTimes}
        form={form}
      />
      <RadioGroup
        name="session-mode"
        legend={t('web.schedule.form.mode')}
        value={mode}
        onChange={(value) => setMode(value as SessionMode)}
        error={form.errors.mode}
        options={SESSION_MODES.map((value) => ({
          value,
          label: t(`web.schedule.modes.${value}`),
          hint: t(`web.schedule.modeHints.${value}`),
        }))}
      />
      {mode === 'in_person' && (
        <TextField
          id="session-address"
          label={t('web.schedule.form.address')}
          hint={t('web.schedule.form.addressHint')}
          autoComplete="street-address"
          maxLength={300}
          value={address}
          onChange={setAddress}
          error={form.errors.address}
        />
      )}
      {whoOptions.length > 1 && (
        <RadioGroup
          name="session-who"
          legend={t('web.schedule.form.who')}
          value={who}
          onChange={setWho}
          error={form.errors.caucusPartyId}
          options={whoOptions}
        />
      )}
      <Button type="submit" pending={propose.isPending} pendingLabel={t('web.common.sending')}>
        {t('web.schedule.form.submit')}
      </Button>
    </Form>
  );
};
