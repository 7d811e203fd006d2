import { normalizeIban } from '../../../core/agreements/iban.ts';
import { methodStub } from '../../../core/agreements/templates.ts';
import type {
  AgreementLanguage,
  MethodKind,
  ObligationCondition,
  PerformanceMethod,
} from '../../../core/agreements/types.ts';
import { Checkbox } from '../../ui/choices.tsx';
import { Select, TextField } from '../../ui/field.tsx';
import { FieldNotes, Group, useFieldProps } from './issues.tsx';
import { LocalizedFields } from './localized-fields.tsx';
import { RadioRow } from './radio-row.tsx';
import { useAgreementText } from './text.ts';

const METHOD_KINDS: readonly MethodKind[] = [
  'bank_transfer',
  'cash_receipt',
  'delivery',
  'in_person',
  'other',
];

type MethodProps = {
  /** `obligations[i].method` */
  path: string;
  value: PerformanceMethod | undefined;
  onChange: (value: PerformanceMethod | undefined) => void;
  languages: readonly AgreementLanguage[];
};

const Iban = ({ path, value, onChange }: { path: string; value: string; onChange: (v: string) => void }) => {
  const { t } = useAgreementText();
  const props = useFieldProps(`${path}.iban`, { hint: true });
  return (
    <>
      <TextField
        {...props}
        label={t('web.agreement.method.iban')}
        hint={t('web.agreement.method.ibanHint')}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        translate="no"
        maxLength={40}
        value={value}
        onChange={onChange}
        // Stored as banks print it without spaces, upper case (the hash keeps what is stored).
        onBlur={() => onChange(normalizeIban(value))}
      />
      <FieldNotes path={`${path}.iban`} />
    </>
  );
};

/** R-CPC-03: how the obligation is performed — the second thing every obligation must state. */
export const MethodEditor = ({ path, value, onChange, languages }: MethodProps) => {
  const { t } = useAgreementText();
  const kindProps = useFieldProps(`${path}.kind`);
  return (
    <Group path={path} legend={t('web.agreement.method.legend')}>
      <Select
        {...kindProps}
        label={t('web.agreement.method.kind')}
        placeholder={t('web.common.choose')}
        value={value?.kind ?? ''}
        onChange={(kind) => onChange(kind ? methodStub(kind as MethodKind) : undefined)}
        options={METHOD_KINDS.map((kind) => ({
          value: kind,
          label: t(`web.agreement.method.kinds.${kind}`),
        }))}
      />
      <FieldNotes path={`${path}.kind`} />
      {value?.kind === 'bank_transfer' && (
        <>
          <Iban path={path} value={value.iban} onChange={(iban) => onChange({ ...value, iban })} />
          <TextField
            id={`${kindProps.id}-bank`}
            label={t('web.agreement.method.bank')}
            optional
            maxLength={200}
            value={value.bank ?? ''}
            onChange={(bank) => onChange({ ...value, bank: bank || undefined })}
          />
        </>
      )}
      {value?.kind === 'delivery' && (
        <LocalizedFields
          path={`${path}.address`}
          legend={t('web.agreement.method.address')}
          value={value.address}
          onChange={(address) => onChange({ ...value, address })}
          languages={languages}
        />
      )}
      {value?.kind === 'in_person' && (
        <LocalizedFields
          path={`${path}.place`}
          legend={t('web.agreement.method.place')}
          optional
          value={value.place}
          onChange={(place) => onChange({ ...value, place })}
          languages={languages}
        />
      )}
      {value?.kind === 'other' && (
        <LocalizedFields
          path={`${path}.description`}
          legend={t('web.agreement.method.description')}
          multiline
          value={value.description}
          onChange={(description) => onChange({ ...value, description })}
          languages={languages}
        />
      )}
    </Group>
  );
};

type ConditionProps = {
  /** `obligations[i].condition` */
  path: string;
  n: number;
  value: ObligationCondition | undefined;
  onChange: (value: ObligationCondition | undefined) => void;
  languages: readonly AgreementLanguage[];
};

/**
 * A condition on the obligation. Only a resolutory one can stand; a suspensive one is offered so
 * that it is named and refused with the rule (R-CPC-03) instead of hiding in free text.
 */
export const ConditionEditor = ({ path, n, value, onChange, languages }: ConditionProps) => {
  const { t } = useAgreementText();
  return (
    <div>
      <Checkbox
        id={`agr-o${n}-has-condition`}
        label={t('web.agreement.condition.add')}
        hint={t('web.agreement.condition.addHint')}
        checked={value !== undefined}
        onChange={(checked) => onChange(checked ? { kind: 'resolutory', text: {} } : undefined)}
      />
      {value && (
        <Group path={path} legend={t('web.agreement.condition.legend')}>
          <RadioRow
            name={`agr-o${n}-condition-kind`}
            value={value.kind}
            onChange={(kind) =>
              onChange({ ...value, kind: kind === 'suspensive' ? 'suspensive' : 'resolutory' })
            }
            options={(['resolutory', 'suspensive'] as const).map((kind) => ({
              value: kind,
              label: t(`web.agreement.condition.kinds.${kind}`),
              hint: t(`web.agreement.condition.hints.${kind}`),
            }))}
          />
          <LocalizedFields
            path={`${path}.text`}
            legend={t('web.agreement.condition.text')}
            multiline
            value={value.text}
            onChange={(text) => onChange({ ...value, text })}
            languages={languages}
          />
        </Group>
      )}
    </div>
  );
};
