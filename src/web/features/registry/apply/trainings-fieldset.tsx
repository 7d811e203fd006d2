import { useTranslation } from 'react-i18next';
import { GENERAL_COURSE_MIN_HOURS } from '../../../../core/registry/eligibility.ts';
import { Button } from '../../../ui/button.tsx';
import { Select, TextField } from '../../../ui/field.tsx';
import type { FieldErrors } from '../../../ui/form.tsx';
import { type Draft, generalHours, newTraining, type TrainingDraft, type TrainingKind } from './draft.ts';
import { UploadField } from './upload-field.tsx';

const KINDS: TrainingKind[] = ['general', 'specialised', 'trainer'];
const MAX_TRAININGS = 30;

type Props = {
  draft: Draft;
  setTrainings: (update: (trainings: TrainingDraft[]) => TrainingDraft[]) => void;
  errors: FieldErrors;
  today: string;
};

/** Courses and their certificates (R-MED-13), with the general-course total kept in view. */
export const TrainingsFieldset = ({ draft, setTrainings, errors, today }: Props) => {
  const { t } = useTranslation();
  const total = generalHours(draft);
  const professional = draft.kind === 'professional';
  const enough = total >= GENERAL_COURSE_MIN_HOURS;
  const update = (key: string, patch: Partial<TrainingDraft>) =>
    setTrainings((rows) => rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));

  return (
    <div>
      <p
        aria-live="polite"
        className={`mb-4 rounded-md border-l-4 p-3 font-semibold ${
          !professional
            ? 'border-brand-700 bg-brand-50'
            : enough
              ? 'border-green-700 bg-green-50 text-green-900'
              : 'border-amber-600 bg-amber-50 text-amber-950'
        }`}
      >
        {professional
          ? t(enough ? 'web.registry.apply.hoursEnough' : 'web.registry.apply.hoursShort', {
              hours: total,
              minimum: GENERAL_COURSE_MIN_HOURS,
              missing: GENERAL_COURSE_MIN_HOURS - total,
            })
          : t('web.registry.apply.hoursPublic', { hours: total })}
      </p>
      {errors.trainings && (
        <p id="trainings-error" tabIndex={-1} data-error-focus className="mb-3 font-semibold text-red-700">
          <span className="sr-only">{t('web.common.errorPrefix')} </span>
          {errors.trainings}
        </p>
      )}
      <ol className="space-y-4">
        {draft.trainings.map((row, index) => {
          const field = (name: string) => errors[`trainings.${index}.${name}`];
          const id = (name: string) => `trainings-${index}-${name}`;
          const n = index + 1;
          return (
            <li key={row.key}>
              <fieldset className="rounded-md border-2 border-slate-300 bg-slate-50 p-3 sm:p-4">
                <legend className="px-1 font-bold text-brand-900">
                  {t('web.registry.apply.training', { n })}
                </legend>
                <div className="grid gap-x-4 sm:grid-cols-2">
                  <Select
                    id={id('kind')}
                    label={t('web.registry.apply.trainingKind')}
                    value={row.kind}
                    onChange={(kind) => update(row.key, { kind: kind as TrainingKind })}
                    error={field('kind')}
                    options={KINDS.map((kind) => ({
                      value: kind,
                      label: t(`registry.trainingKinds.${kind}`),
                    }))}
                  />
                  <TextField
                    id={id('hours')}
                    label={t('web.registry.apply.trainingHours')}
                    inputMode="numeric"
                    autoComplete="off"
                    value={row.hours}
                    onChange={(hours) => update(row.key, { hours })}
                    error={field('hours')}
                  />
                  <TextField
                    id={id('title')}
                    label={t('web.registry.apply.trainingName')}
                    value={row.title}
                    onChange={(title) => update(row.key, { title })}
                    error={field('title')}
                  />
                  <TextField
                    id={id('provider')}
                    label={t('web.registry.apply.trainingProvider')}
                    value={row.provider}
                    onChange={(provider) => update(row.key, { provider })}
                    error={field('provider')}
                  />
                  <TextField
                    id={id('completedOn')}
                    type="date"
                    max={today}
                    label={t('web.registry.apply.trainingCompletedOn')}
                    value={row.completedOn}
                    onChange={(completedOn) => update(row.key, { completedOn })}
                    error={field('completedOn')}
                  />
                </div>
                <UploadField
                  id={id('document')}
                  kind="certificate"
                  label={t('web.registry.apply.certificate')}
                  value={row.document}
                  onChange={(document) => update(row.key, { document })}
                  error={field('documentId')}
                />
                <Button
                  variant="quiet"
                  onClick={() => {
                    setTrainings((rows) => rows.filter((r) => r.key !== row.key));
                    document.getElementById('add-training')?.focus();
                  }}
                >
                  {t('web.registry.apply.removeTraining', { n })}
                </Button>
              </fieldset>
            </li>
          );
        })}
      </ol>
      {draft.trainings.length < MAX_TRAININGS && (
        <Button
          id="add-training"
          variant="secondary"
          className="mt-4"
          onClick={() => {
            setTrainings((rows) => [...rows, newTraining(rows.length === 0 ? 'general' : 'specialised')]);
            // The new row's first field, once it is rendered.
            const next = draft.trainings.length;
            requestAnimationFrame(() => document.getElementById(`trainings-${next}-kind`)?.focus());
          }}
        >
          {t('web.registry.apply.addTraining')}
        </Button>
      )}
    </div>
  );
};
