import type { Deadline, Instalment } from '../../../core/agreements/types.ts';
import { Button } from '../../ui/button.tsx';
import { Select, TextField } from '../../ui/field.tsx';
import { FieldNotes, Group, useFieldProps } from './issues.tsx';
import { instalmentsTotal } from './model.ts';
import { MoneyField } from './number-fields.tsx';
import { RadioRow } from './radio-row.tsx';
import { useAgreementText } from './text.ts';

type Props = {
  /** `obligations[i].deadline` */
  path: string;
  /** Position of the obligation as people read it (1, 2, …), for the labels. */
  n: number;
  value: Deadline | undefined;
  onChange: (value: Deadline | undefined) => void;
  /** The obligation's sum in tiyn when it is a payment (the schedule's total is compared with it). */
  amountTiyn: number | null;
};

const KINDS = ['date', 'instalments', 'recurring'] as const;

const startOf = (kind: Deadline['kind']): Deadline => {
  if (kind === 'date') return { kind, date: '' };
  if (kind === 'instalments') return { kind, instalments: [{ date: '', amountTiyn: 0 }] };
  return { kind, frequency: 'monthly', day: 1, from: '', until: '' };
};

type DateProps = { path: string; label: string; value: string; onChange: (value: string) => void };

/** A calendar date with its problems (invalid, before the agreement, out of order). */
const DateField = ({ path, label, value, onChange }: DateProps) => {
  const props = useFieldProps(path);
  return (
    <div>
      <TextField {...props} type="date" label={label} value={value} onChange={onChange} />
      <FieldNotes path={path} />
    </div>
  );
};

type ScheduleProps = {
  path: string;
  items: Instalment[];
  onChange: (items: Instalment[]) => void;
  amountTiyn: number | null;
};

/** The payment schedule: one row per payment (date, sum), its total against the obligation's sum. */
const Schedule = ({ path, items, onChange, amountTiyn }: ScheduleProps) => {
  const { t, money } = useAgreementText();
  const total = instalmentsTotal(items);
  const set = (index: number, change: Partial<Instalment>) =>
    onChange(items.map((item, i) => (i === index ? { ...item, ...change } : item)));
  return (
    <Group path={`${path}.instalments`} legend={t('web.agreement.deadline.schedule')}>
      <ol className="grid gap-3">
        {items.map((item, index) => {
          const row = `${path}.instalments[${index}]`;
          const n = index + 1;
          return (
            <li
              // Rows have no id of their own; position is what the checks name as well.
              // biome-ignore lint/suspicious/noArrayIndexKey: the row's position is its identity here
              key={index}
              aria-label={t('web.agreement.deadline.payment', { n })}
              className="grid items-end gap-x-3 rounded-md border border-slate-300 p-3 sm:grid-cols-[1fr_1fr_auto]"
            >
              <DateField
                path={`${row}.date`}
                label={t('web.agreement.deadline.paymentDate', { n })}
                value={item.date}
                onChange={(date) => set(index, { date })}
              />
              <MoneyField
                path={`${row}.amountTiyn`}
                label={t('web.agreement.deadline.paymentAmount', { n })}
                hint=""
                value={item.amountTiyn}
                onChange={(amountTiyn) => set(index, { amountTiyn })}
              />
              <Button
                variant="quiet"
                className="mb-5"
                onClick={() => onChange(items.filter((_, i) => i !== index))}
              >
                {t('web.agreement.deadline.removePayment', { n })}
              </Button>
            </li>
          );
        })}
      </ol>
      <p className="mt-3 font-semibold" aria-live="polite">
        {amountTiyn === null
          ? t('web.agreement.deadline.total', { total: money(total) })
          : total === amountTiyn
            ? t('web.agreement.deadline.totalMatches', { total: money(total) })
            : t('web.agreement.deadline.totalDiffers', {
                total: money(total),
                amount: money(amountTiyn),
                difference: money(Math.abs(amountTiyn - total)),
              })}
      </p>
      <Button
        variant="secondary"
        className="mt-3"
        onClick={() => onChange([...items, { date: items.at(-1)?.date ?? '', amountTiyn: 0 }])}
      >
        {t('web.agreement.deadline.addPayment')}
      </Button>
    </Group>
  );
};

type RecurringProps = {
  path: string;
  value: Extract<Deadline, { kind: 'recurring' }>;
  onChange: (value: Deadline) => void;
};

const Recurring = ({ path, value, onChange }: RecurringProps) => {
  const { t } = useAgreementText();
  const dayProps = useFieldProps(`${path}.day`);
  const days =
    value.frequency === 'weekly'
      ? [1, 2, 3, 4, 5, 6, 7].map((d) => ({
          value: String(d),
          label: t(`web.agreement.deadline.weekdays.${d}`),
        }))
      : Array.from({ length: 28 }, (_, i) => ({ value: String(i + 1), label: String(i + 1) }));
  return (
    <div className="grid gap-x-4 sm:grid-cols-2">
      <Select
        id={`${dayProps.id}-frequency`}
        label={t('web.agreement.deadline.frequency')}
        value={value.frequency}
        onChange={(frequency) =>
          onChange({ ...value, frequency: frequency === 'weekly' ? 'weekly' : 'monthly', day: 1 })
        }
        options={(['monthly', 'weekly'] as const).map((f) => ({
          value: f,
          label: t(`web.agreement.deadline.frequencies.${f}`),
        }))}
      />
      <div>
        <Select
          {...dayProps}
          label={t(
            value.frequency === 'weekly'
              ? 'web.agreement.deadline.weekday'
              : 'web.agreement.deadline.dayOfMonth',
          )}
          value={String(value.day)}
          onChange={(day) => onChange({ ...value, day: Number(day) })}
          options={days}
        />
        <FieldNotes path={`${path}.day`} />
      </div>
      <DateField
        path={`${path}.from`}
        label={t('web.agreement.deadline.from')}
        value={value.from}
        onChange={(from) => onChange({ ...value, from })}
      />
      <DateField
        path={`${path}.until`}
        label={t('web.agreement.deadline.until')}
        value={value.until}
        onChange={(until) => onChange({ ...value, until })}
      />
    </div>
  );
};

/** R-CPC-03: by when — one date, a schedule of payments, or a recurring term. */
export const DeadlineEditor = ({ path, n, value, onChange, amountTiyn }: Props) => {
  const { t } = useAgreementText();
  return (
    <Group path={path} legend={t('web.agreement.deadline.legend')} hint={t('web.agreement.deadline.hint')}>
      <RadioRow
        name={`agr-o${n}-deadline-kind`}
        value={value?.kind ?? ''}
        onChange={(kind) => onChange(startOf(kind as Deadline['kind']))}
        options={KINDS.map((kind) => ({
          value: kind,
          label: t(`web.agreement.deadline.kinds.${kind}`),
          hint:
            kind === 'instalments' && amountTiyn === null ? t('web.agreement.deadline.moneyOnly') : undefined,
        }))}
      />
      {value?.kind === 'date' && (
        <DateField
          path={`${path}.date`}
          label={t('web.agreement.deadline.date')}
          value={value.date}
          onChange={(date) => onChange({ ...value, date })}
        />
      )}
      {value?.kind === 'instalments' && (
        <Schedule
          path={path}
          items={value.instalments}
          onChange={(instalments) => onChange({ ...value, instalments })}
          amountTiyn={amountTiyn}
        />
      )}
      {value?.kind === 'recurring' && <Recurring path={path} value={value} onChange={onChange} />}
    </Group>
  );
};
