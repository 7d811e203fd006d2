import { DURATION_MAX, DURATION_MIN } from '../../../core/schedule/sessions.ts';
import type { SessionZone } from '../../../core/schedule/zones.ts';
import { TextField } from '../../ui/field.tsx';
import type { FormErrorsApi } from '../../ui/form.tsx';
import { useScheduleText } from './text.ts';

export type TimeValues = { date: string; time: string; minutes: string };

type Props = {
  /** Prefix of the inputs' ids, unique on the page. */
  id: string;
  zone: SessionZone;
  offsetMinutes: number;
  /** Today in the session's zone: the earliest date a picker offers. */
  minDate: string;
  values: TimeValues;
  onChange: (values: TimeValues) => void;
  form: FormErrorsApi;
};

/**
 * Date, start time and length of a session. The time is typed in the session's zone, and the
 * label says which, so a party travelling with a phone set to another zone is not misled.
 */
export const TimeFields = ({ id, zone, offsetMinutes, minDate, values, onChange, form }: Props) => {
  const { t, zone: zoneName } = useScheduleText();
  return (
    <div className="grid gap-x-4 sm:grid-cols-2">
      <TextField
        id={`${id}-date`}
        type="date"
        label={t('web.schedule.form.date')}
        min={minDate}
        value={values.date}
        onChange={(date) => onChange({ ...values, date })}
        error={form.errors.startsAt}
      />
      <TextField
        id={`${id}-time`}
        type="time"
        label={t('web.schedule.form.time', { zone: zoneName(zone, offsetMinutes) })}
        value={values.time}
        onChange={(time) => onChange({ ...values, time })}
      />
      <TextField
        id={`${id}-minutes`}
        inputMode="numeric"
        autoComplete="off"
        label={t('web.schedule.form.minutes')}
        hint={t('web.schedule.form.minutesHint', { minimum: DURATION_MIN, maximum: DURATION_MAX })}
        className="max-w-32"
        value={values.minutes}
        onChange={(minutes) => onChange({ ...values, minutes })}
        error={form.errors.durationMinutes}
      />
    </div>
  );
};
