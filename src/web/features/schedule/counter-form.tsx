import { useState } from 'react';
import { DURATION_MAX, DURATION_MIN } from '../../../core/schedule/sessions.ts';
import { wallTime } from '../../../core/schedule/zones.ts';
import { type SessionCounterBody, type SessionView, scheduleApi } from '../../schedule-api.ts';
import { Button } from '../../ui/button.tsx';
import { Form, useFormErrors } from '../../ui/form.tsx';
import { parseMinutes, startsAtOf } from './model.ts';
import { useScheduleText } from './text.ts';
import { TimeFields, type TimeValues } from './time-fields.tsx';
import { useSessionAction } from './use-session-action.ts';

const FIELDS = ['startsAt', 'durationMinutes'] as const;

type Props = { caseId: string; session: SessionView; onDone: (text: string) => void; onClose: () => void };

/** A party proposes another time for a proposal; the way of meeting and who takes part stay. */
export const CounterForm = ({ caseId, session, onDone, onClose }: Props) => {
  const { t } = useScheduleText();
  const form = useFormErrors(FIELDS);
  const [times, setTimes] = useState<TimeValues>({
    date: session.localDate,
    time: session.localTime,
    minutes: String(session.durationMinutes),
  });
  const counter = useSessionAction<SessionCounterBody>({
    caseId,
    run: (body) => scheduleApi.counter(caseId, session.id, body),
    form,
    onDone: () => onDone(t('web.schedule.done.countered')),
  });
  const titleId = `session-${session.id}-counter-title`;
  return (
    <Form
      form={form}
      aria-labelledby={titleId}
      className="mt-3 rounded-md bg-slate-50 p-3"
      onSubmit={() => {
        const startsAt = startsAtOf(session.timeZone, times.date, times.time);
        const minutes = parseMinutes(times.minutes);
        const errors: Record<string, string> = {};
        if (!startsAt) errors.startsAt = t('fields.invalid_date_time');
        if (minutes === null)
          errors.durationMinutes = t('fields.session_duration_range', {
            minimum: DURATION_MIN,
            maximum: DURATION_MAX,
          });
        if (Object.keys(errors).length > 0) return form.failFields(errors);
        counter.mutate({ startsAt: startsAt as string, durationMinutes: minutes as number });
      }}
    >
      <h4 id={titleId} className="mb-3 font-bold">
        {t('web.schedule.counter.title')}
      </h4>
      <TimeFields
        id={`session-${session.id}-counter`}
        zone={session.timeZone}
        offsetMinutes={session.utcOffsetMinutes}
        minDate={wallTime(session.timeZone, new Date()).date}
        values={times}
        onChange={setTimes}
        form={form}
      />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" pending={counter.isPending} pendingLabel={t('web.common.sending')}>
          {t('web.schedule.counter.submit')}
        </Button>
        <Button variant="quiet" onClick={onClose}>
          {t('web.common.cancel')}
        </Button>
      </div>
    </Form>
  );
};
