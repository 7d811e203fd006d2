import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RadioGroup, TextField } from '../../ui/field.tsx';
import { idField, type PartyDraft, type PartyKind } from './party-draft.ts';

type Props = {
  /** Prefix of the element ids and of the server's field paths: `respondent`, `parties.0`. */
  path: string;
  value: PartyDraft;
  onChange: (party: PartyDraft) => void;
  errors: Record<string, string>;
  intro?: ReactNode;
};

/** One party: individual (IIN) or organisation (BIN), name, and how to reach them. */
export const PartyFields = ({ path, value, onChange, errors, intro }: Props) => {
  const { t } = useTranslation();
  const id = path.replaceAll('.', '-');
  const organisation = value.kind === 'organisation';
  const e = (field: string) => errors[`${path}.${field}`];
  const set = (patch: Partial<PartyDraft>) => onChange({ ...value, ...patch });
  return (
    <>
      {intro}
      <RadioGroup
        name={`${id}-kind`}
        legend={t('web.intake.party.kind')}
        value={value.kind}
        onChange={(kind) => set({ kind: kind as PartyKind })}
        error={e('kind')}
        options={[
          {
            value: 'individual',
            label: t('web.intake.party.individual'),
            hint: t('web.intake.party.individualHint'),
          },
          {
            value: 'organisation',
            label: t('web.intake.party.organisation'),
            hint: t('web.intake.party.organisationHint'),
          },
        ]}
      />
      <TextField
        id={`${id}-fullName`}
        label={t(organisation ? 'web.intake.party.organisationName' : 'web.intake.party.fullName')}
        hint={t(organisation ? 'web.intake.party.organisationNameHint' : 'web.intake.party.fullNameHint')}
        autoComplete="off"
        maxLength={200}
        value={value.fullName}
        onChange={(fullName) => set({ fullName })}
        error={e('fullName')}
      />
      <TextField
        id={`${id}-idNumber`}
        label={t(organisation ? 'web.intake.party.bin' : 'web.intake.party.iin')}
        hint={t(organisation ? 'web.intake.party.binHint' : 'web.intake.party.iinHint')}
        inputMode="numeric"
        autoComplete="off"
        maxLength={14}
        value={value.idNumber}
        onChange={(idNumber) => set({ idNumber })}
        // Only the number matching the kind is sent, but an error may name either.
        error={e(idField(value)) ?? e('iin') ?? e('bin')}
      />
      <fieldset className="mb-1">
        <legend className="mb-1 font-semibold">{t('web.intake.party.contact')}</legend>
        <p className="mb-3 text-slate-700">{t('web.intake.party.contactHint')}</p>
        <TextField
          id={`${id}-email`}
          type="email"
          inputMode="email"
          autoComplete="off"
          optional
          label={t('web.intake.party.email')}
          value={value.email}
          onChange={(email) => set({ email })}
          error={e('email') ?? errors[path]}
        />
        <TextField
          id={`${id}-phone`}
          type="tel"
          autoComplete="off"
          optional
          label={t('web.intake.party.phone')}
          hint={t('web.intake.party.phoneHint')}
          value={value.phone}
          onChange={(phone) => set({ phone })}
          error={e('phone')}
        />
      </fieldset>
    </>
  );
};
