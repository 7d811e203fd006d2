import {
  type AgreementLanguage,
  OBLIGATION_TOPICS,
  type Obligation,
  type ObligationSubject,
} from '../../../core/agreements/types.ts';
import { Button } from '../../ui/button.tsx';
import { Select } from '../../ui/field.tsx';
import { DeadlineEditor } from './deadline-editor.tsx';
import { FieldNotes, Group, useFieldProps } from './issues.tsx';
import { LocalizedFields } from './localized-fields.tsx';
import { ConditionEditor, MethodEditor } from './method-editor.tsx';
import { MoneyField } from './number-fields.tsx';
import { RadioRow } from './radio-row.tsx';
import { useAgreementText } from './text.ts';

export type PartyOption = { id: string; name: string };

type Props = {
  index: number;
  value: Obligation;
  onChange: (value: Obligation) => void;
  onRemove: () => void;
  parties: readonly PartyOption[];
  languages: readonly AgreementLanguage[];
};

const PartySelect = ({
  path,
  label,
  value,
  onChange,
  parties,
}: {
  path: string;
  label: string;
  value: string;
  onChange: (id: string) => void;
  parties: readonly PartyOption[];
}) => {
  const { t } = useAgreementText();
  const props = useFieldProps(path);
  return (
    <div>
      <Select
        {...props}
        label={label}
        placeholder={t('web.common.choose')}
        value={value}
        onChange={onChange}
        options={parties.map((p) => ({ value: p.id, label: p.name }))}
      />
      <FieldNotes path={path} />
    </div>
  );
};

const SubjectEditor = ({
  path,
  n,
  value,
  onChange,
  languages,
}: {
  path: string;
  n: number;
  value: ObligationSubject | undefined;
  onChange: (value: ObligationSubject) => void;
  languages: readonly AgreementLanguage[];
}) => {
  const { t } = useAgreementText();
  return (
    <Group path={path} legend={t('web.agreement.subject.legend')}>
      <RadioRow
        name={`agr-o${n}-subject-kind`}
        value={value?.kind ?? ''}
        onChange={(kind) =>
          onChange(kind === 'money' ? { kind, amountTiyn: 0 } : { kind: 'action', description: {} })
        }
        options={(['money', 'action'] as const).map((kind) => ({
          value: kind,
          label: t(`web.agreement.subject.kinds.${kind}`),
        }))}
      />
      {value?.kind === 'money' && (
        <>
          <MoneyField
            path={`${path}.amountTiyn`}
            label={t('web.agreement.subject.amount')}
            value={value.amountTiyn}
            onChange={(amountTiyn) => onChange({ ...value, amountTiyn })}
            className="max-w-md"
          />
          <LocalizedFields
            path={`${path}.purpose`}
            legend={t('web.agreement.subject.purpose')}
            optional
            value={value.purpose}
            onChange={(purpose) => onChange({ ...value, purpose })}
            languages={languages}
          />
        </>
      )}
      {value?.kind === 'action' && (
        <LocalizedFields
          path={`${path}.description`}
          legend={t('web.agreement.subject.description')}
          multiline
          value={value.description}
          onChange={(description) => onChange({ ...value, description })}
          languages={languages}
        />
      )}
    </Group>
  );
};

/** One structured obligation: who owes what to whom, by when and how (R-CPC-03). */
export const ObligationEditor = ({ index, value, onChange, onRemove, parties, languages }: Props) => {
  const { t } = useAgreementText();
  const path = `obligations[${index}]`;
  const n = index + 1;
  const topic = useFieldProps(`${path}.topic`);
  const set = (change: Partial<Obligation>) => onChange({ ...value, ...change });
  return (
    <li className="rounded-lg border-2 border-slate-300 bg-white p-3 sm:p-4">
      <Group
        path={path}
        legend={<span className="text-lg">{t('web.agreement.obligation.legend', { n })}</span>}
      >
        <Select
          {...topic}
          label={t('web.agreement.obligation.topic')}
          optional
          placeholder={t('web.agreement.obligation.noTopic')}
          value={value.topic ?? ''}
          onChange={(next) => set({ topic: (next || undefined) as Obligation['topic'] })}
          options={OBLIGATION_TOPICS.map((code) => ({
            value: code,
            label: t(`web.agreement.topics.${code}`),
          }))}
        />
        <FieldNotes path={`${path}.topic`} />
        <div className="grid gap-x-4 sm:grid-cols-2">
          <PartySelect
            path={`${path}.debtor`}
            label={t('web.agreement.obligation.debtor')}
            value={value.debtor}
            onChange={(debtor) => set({ debtor })}
            parties={parties}
          />
          <PartySelect
            path={`${path}.creditor`}
            label={t('web.agreement.obligation.creditor')}
            value={value.creditor}
            onChange={(creditor) => set({ creditor })}
            parties={parties}
          />
        </div>
        <SubjectEditor
          path={`${path}.subject`}
          n={n}
          value={value.subject}
          onChange={(subject) => set({ subject })}
          languages={languages}
        />
        <DeadlineEditor
          path={`${path}.deadline`}
          n={n}
          value={value.deadline}
          onChange={(deadline) => set({ deadline })}
          amountTiyn={value.subject?.kind === 'money' ? value.subject.amountTiyn : null}
        />
        <MethodEditor
          path={`${path}.method`}
          value={value.method}
          onChange={(method) => set({ method })}
          languages={languages}
        />
        <ConditionEditor
          path={`${path}.condition`}
          n={n}
          value={value.condition}
          onChange={(condition) => set({ condition })}
          languages={languages}
        />
        <Button variant="quiet" onClick={onRemove}>
          {t('web.agreement.obligation.remove', { n })}
        </Button>
      </Group>
    </li>
  );
};
