import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CLAIMANT_KINDS } from '../../../core/cases/explorer.ts';
import {
  ART_68_2_AGES,
  CRIMINAL_EXCLUSIONS,
  GRAVITIES,
  GRAVITY_TABLE,
  OFFENDER_STATUSES,
  type OffenderStatus,
} from '../../../core/law/criminal-law.ts';
import { DISCRETION_ANSWERS, FAMILY_TOPICS, LABOUR_EMPLOYERS } from '../../../core/law/sectoral.ts';
import { DISPUTE_CATEGORIES } from '../../../core/registry/reference.ts';
import { CheckboxGroup } from '../../ui/choices.tsx';
import { RadioGroup, TextField } from '../../ui/field.tsx';
import type { FieldName, FormState, YesNo } from './form-state.ts';
import { visibleQuestions } from './form-state.ts';

// The questionnaire: a fieldset with a legend per question, shown only when an earlier answer
// makes it matter. Option lists come from the law tables, so a new option there appears here.

const K = 'web.explorer.q';

type QuestionsProps = {
  state: FormState;
  set: <F extends FieldName>(field: F) => (value: FormState[F]) => void;
  /** Message per question, after a failed "show the answer". */
  errors: Partial<Record<FieldName, string>>;
};

/** A legend with a hint under it: both are read as the group's name, the hint in normal weight. */
const Legend = ({ text, hint }: { text: string; hint?: string }) => (
  <>
    {text}
    {hint && <span className="mt-0.5 block font-normal text-slate-700">{hint}</span>}
  </>
);

type YesNoProps = {
  name: FieldName;
  legend: ReactNode;
  value: YesNo;
  onChange: (value: YesNo) => void;
  error?: string;
};
const YesNoQuestion = ({ name, legend, value, onChange, error }: YesNoProps) => {
  const { t } = useTranslation();
  return (
    <RadioGroup
      name={name}
      legend={legend}
      value={value}
      onChange={(next) => onChange(next as YesNo)}
      error={error}
      options={[
        { value: 'yes', label: t('web.explorer.yes') },
        { value: 'no', label: t('web.explorer.no') },
      ]}
    />
  );
};

const AGE: Partial<Record<OffenderStatus, number>> = {
  minor: ART_68_2_AGES.minorUnder,
  woman_58: ART_68_2_AGES.woman,
  man_63: ART_68_2_AGES.man,
};

const CriminalQuestions = ({ state, set, errors }: QuestionsProps) => {
  const { t } = useTranslation();
  const grave = state.gravity === 'grave';
  return (
    <>
      <RadioGroup
        name="gravity"
        legend={<Legend text={t(`${K}.gravity.legend`)} hint={t(`${K}.gravity.hint`)} />}
        value={state.gravity}
        onChange={set('gravity')}
        error={errors.gravity}
        options={GRAVITIES.map((gravity) => {
          const maxYears = GRAVITY_TABLE[gravity].maxYears;
          return {
            value: gravity,
            label: t(`${K}.gravity.options.${gravity}.label`),
            hint:
              maxYears === null
                ? t(`${K}.gravity.options.${gravity}.hint`)
                : t(`${K}.gravity.upTo`, { maxYears }),
          };
        })}
      />
      <YesNoQuestion
        name="deathCaused"
        legend={t(`${K}.deathCaused.legend`)}
        value={state.deathCaused}
        onChange={set('deathCaused')}
        error={errors.deathCaused}
      />
      {grave && (
        <>
          <YesNoQuestion
            name="graveHarm"
            legend={t(`${K}.graveHarm.legend`)}
            value={state.graveHarm}
            onChange={set('graveHarm')}
            error={errors.graveHarm}
          />
          <YesNoQuestion
            name="firstOffence"
            legend={t(`${K}.firstOffence.legend`)}
            value={state.firstOffence}
            onChange={set('firstOffence')}
            error={errors.firstOffence}
          />
          <RadioGroup
            name="offenderStatus"
            legend={<Legend text={t(`${K}.offenderStatus.legend`)} hint={t(`${K}.offenderStatus.hint`)} />}
            value={state.offenderStatus}
            onChange={set('offenderStatus')}
            error={errors.offenderStatus}
            options={OFFENDER_STATUSES.map((status) => ({
              value: status,
              label: t(`${K}.offenderStatus.options.${status}`, { age: AGE[status] }),
            }))}
          />
        </>
      )}
      <CheckboxGroup
        name="exclusions"
        legend={t(`${K}.exclusions.legend`)}
        hint={t(`${K}.exclusions.hint`)}
        value={state.exclusions}
        onChange={set('exclusions')}
        error={errors.exclusions}
        columns={2}
        options={CRIMINAL_EXCLUSIONS.map((value) => ({
          value,
          label: t(`${K}.exclusions.options.${value}`),
        }))}
      />
    </>
  );
};

const CategoryQuestions = (props: QuestionsProps) => {
  const { t } = useTranslation();
  const { state, set, errors } = props;
  const shown = visibleQuestions(state);
  if (shown.family)
    return (
      <CheckboxGroup
        name="familyTopics"
        legend={t(`${K}.familyTopics.legend`)}
        hint={t(`${K}.familyTopics.hint`)}
        value={state.familyTopics}
        onChange={set('familyTopics')}
        error={errors.familyTopics}
        options={FAMILY_TOPICS.map((value) => ({ value, label: t(`${K}.familyTopics.options.${value}`) }))}
      />
    );
  if (shown.labour)
    return (
      <RadioGroup
        name="labourEmployer"
        legend={<Legend text={t(`${K}.labourEmployer.legend`)} hint={t(`${K}.labourEmployer.hint`)} />}
        value={state.labourEmployer}
        onChange={set('labourEmployer')}
        error={errors.labourEmployer}
        options={LABOUR_EMPLOYERS.map((value) => ({
          value,
          label: t(`${K}.labourEmployer.options.${value}`),
        }))}
      />
    );
  if (shown.administrative)
    return (
      <RadioGroup
        name="discretion"
        legend={<Legend text={t(`${K}.discretion.legend`)} hint={t(`${K}.discretion.hint`)} />}
        value={state.discretion}
        onChange={set('discretion')}
        error={errors.discretion}
        options={DISCRETION_ANSWERS.map((value) => ({
          value,
          label: value === 'unknown' ? t(`${K}.discretion.unknown`) : t(`web.explorer.${value}`),
        }))}
      />
    );
  return shown.criminal ? <CriminalQuestions {...props} /> : null;
};

const CourtQuestions = ({ state, set, errors }: QuestionsProps) => {
  const { t } = useTranslation();
  const shown = visibleQuestions(state);
  if (!shown.category) return null;
  return (
    <>
      {shown.criminal ? (
        <RadioGroup
          name="inCourt"
          legend={t(`${K}.inCourt.legendCriminal`)}
          value={state.inCourt}
          onChange={(value) => set('inCourt')(value as YesNo)}
          error={errors.inCourt}
          options={[
            { value: 'yes', label: t('web.explorer.yes') },
            { value: 'no', label: t('web.explorer.no'), hint: t(`${K}.inCourt.notYetCriminal`) },
          ]}
        />
      ) : (
        <YesNoQuestion
          name="inCourt"
          legend={t(`${K}.inCourt.legend`)}
          value={state.inCourt}
          onChange={set('inCourt')}
          error={errors.inCourt}
        />
      )}
      {shown.proceeding && (
        <RadioGroup
          name="proceeding"
          legend={t(`${K}.proceeding.legend`)}
          value={state.proceeding}
          onChange={set('proceeding')}
          error={errors.proceeding}
          options={shown.proceedings.map((value) => ({
            value,
            label: t(`${K}.proceeding.options.${value}.label`),
            hint: t(`${K}.proceeding.options.${value}.hint`),
          }))}
        />
      )}
      {shown.stages.length > 0 && (
        <RadioGroup
          name="stage"
          legend={t(`${K}.stage.legend`)}
          value={state.stage}
          onChange={set('stage')}
          error={errors.stage}
          options={shown.stages.map((value) => ({ value, label: t(`${K}.stage.options.${value}`) }))}
        />
      )}
    </>
  );
};

const ClaimQuestions = ({ state, set, errors }: QuestionsProps) => {
  const { t } = useTranslation();
  const shown = visibleQuestions(state);
  if (!shown.claim) return null;
  return (
    <>
      <TextField
        id="amount"
        label={t(`${K}.amount.label`)}
        hint={t(`${K}.amount.hint`)}
        optional
        inputMode="numeric"
        autoComplete="off"
        value={state.amount}
        onChange={set('amount')}
        error={errors.amount}
        className="sm:max-w-xs"
      />
      {shown.claimant && (
        <RadioGroup
          name="claimant"
          legend={t(`${K}.claimant.legend`)}
          value={state.claimant}
          onChange={set('claimant')}
          error={errors.claimant}
          options={CLAIMANT_KINDS.map((value) => ({ value, label: t(`${K}.claimant.options.${value}`) }))}
        />
      )}
    </>
  );
};

export const Questions = (props: QuestionsProps) => {
  const { t } = useTranslation();
  const { state, set, errors } = props;
  return (
    <>
      <RadioGroup
        name="category"
        legend={t(`${K}.category.legend`)}
        value={state.category}
        onChange={set('category')}
        error={errors.category}
        options={DISPUTE_CATEGORIES.map((value) => ({
          value,
          label: t(`${K}.category.options.${value}.label`),
          hint: t(`${K}.category.options.${value}.hint`),
        }))}
      />
      <CategoryQuestions {...props} />
      <CourtQuestions {...props} />
      <YesNoQuestion
        name="thirdParties"
        legend={<Legend text={t(`${K}.thirdParties.legend`)} hint={t(`${K}.thirdParties.hint`)} />}
        value={state.thirdParties}
        onChange={set('thirdParties')}
        error={errors.thirdParties}
      />
      <YesNoQuestion
        name="capacity"
        legend={t(`${K}.capacity.legend`)}
        value={state.capacity}
        onChange={set('capacity')}
        error={errors.capacity}
      />
      <ClaimQuestions {...props} />
    </>
  );
};

/** The question a form field belongs to, by its legend: listed in the error summary. */
export const questionLabel = (t: (key: string) => string, field: FieldName, state: FormState) => {
  const keys: Record<FieldName, string> = {
    category: 'category.legend',
    familyTopics: 'familyTopics.legend',
    labourEmployer: 'labourEmployer.legend',
    discretion: 'discretion.legend',
    gravity: 'gravity.legend',
    deathCaused: 'deathCaused.legend',
    graveHarm: 'graveHarm.legend',
    firstOffence: 'firstOffence.legend',
    offenderStatus: 'offenderStatus.legend',
    exclusions: 'exclusions.legend',
    inCourt: state.category === 'criminal' ? 'inCourt.legendCriminal' : 'inCourt.legend',
    proceeding: 'proceeding.legend',
    stage: 'stage.legend',
    thirdParties: 'thirdParties.legend',
    capacity: 'capacity.legend',
    amount: 'amount.label',
    claimant: 'claimant.legend',
  };
  return t(`${K}.${keys[field]}`);
};
