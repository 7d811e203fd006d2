import { useTranslation } from 'react-i18next';
import { Checkbox } from '../../ui/choices.tsx';
import { TextField } from '../../ui/field.tsx';
import type { RepresentativeDraft } from './request-draft.ts';

type Props = {
  enabled: boolean;
  onEnabled: (enabled: boolean) => void;
  value: RepresentativeDraft;
  onChange: (value: RepresentativeDraft) => void;
  errors: Record<string, string>;
};

/** Optional: a lawyer, advocate or legal consultant who acts for the party under a power of attorney. */
export const RepresentativeFields = ({ enabled, onEnabled, value, onChange, errors: e }: Props) => {
  const { t } = useTranslation();
  const set = (patch: Partial<RepresentativeDraft>) => onChange({ ...value, ...patch });
  return (
    <>
      <Checkbox
        id="hasRepresentative"
        label={t('web.intake.representative.toggle')}
        hint={t('web.intake.representative.toggleHint')}
        checked={enabled}
        onChange={onEnabled}
        error={e.representative}
      />
      {enabled && (
        <div className="border-l-4 border-brand-100 pl-3 sm:pl-4">
          <TextField
            id="representative-fullName"
            label={t('web.intake.representative.fullName')}
            autoComplete="off"
            maxLength={200}
            value={value.fullName}
            onChange={(fullName) => set({ fullName })}
            error={e['representative.fullName']}
          />
          <TextField
            id="representative-iin"
            label={t('web.intake.party.iin')}
            hint={t('web.intake.representative.iinHint')}
            inputMode="numeric"
            autoComplete="off"
            maxLength={14}
            value={value.iin}
            onChange={(iin) => set({ iin })}
            error={e['representative.iin']}
          />
          <TextField
            id="representative-powerOfAttorney"
            label={t('web.intake.representative.powerOfAttorney')}
            hint={t('web.intake.representative.powerOfAttorneyHint')}
            autoComplete="off"
            maxLength={200}
            value={value.powerOfAttorney}
            onChange={(powerOfAttorney) => set({ powerOfAttorney })}
            error={e['representative.powerOfAttorney']}
          />
        </div>
      )}
    </>
  );
};
