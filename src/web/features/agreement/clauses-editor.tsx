import type { AgreementLanguage, Clause } from '../../../core/agreements/types.ts';
import { Button } from '../../ui/button.tsx';
import { Checkbox } from '../../ui/choices.tsx';
import { FieldNotes, Group, useIssues } from './issues.tsx';
import { LocalizedFields } from './localized-fields.tsx';
import { newItemId } from './model.ts';
import { fieldId } from './paths.ts';
import { useAgreementText } from './text.ts';

type Props = {
  value: Clause[];
  onChange: (value: Clause[]) => void;
  languages: readonly AgreementLanguage[];
};

const Conditional = ({
  path,
  checked,
  onChange,
}: {
  path: string;
  checked: boolean;
  onChange: (v: boolean) => void;
}) => {
  const { t } = useAgreementText();
  const issues = useIssues(path);
  const error = issues
    .filter((issue) => issue.severity === 'error')
    .map((issue) => issue.message)
    .join(' ');
  return (
    <>
      <Checkbox
        id={fieldId(path)}
        label={t('web.agreement.clauses.conditional')}
        hint={t('web.agreement.clauses.conditionalHint')}
        checked={checked}
        onChange={onChange}
        error={error || undefined}
      />
      <FieldNotes path={path} />
    </>
  );
};

/** Free-text terms beside the obligations, in every language of the agreement. */
export const ClausesEditor = ({ value, onChange, languages }: Props) => {
  const { t } = useAgreementText();
  const set = (index: number, clause: Clause) => onChange(value.map((c, i) => (i === index ? clause : c)));
  return (
    <Group path="clauses" legend={<span className="text-lg">{t('web.agreement.clauses.legend')}</span>}>
      <p className="mb-3 text-slate-700">{t('web.agreement.clauses.hint')}</p>
      <ol className="grid gap-4">
        {value.map((clause, index) => {
          const path = `clauses[${index}]`;
          const n = index + 1;
          return (
            <li key={clause.id} className="rounded-lg border-2 border-slate-300 bg-white p-3 sm:p-4">
              <Group path={path} legend={t('web.agreement.clauses.clause', { n })}>
                <LocalizedFields
                  path={`${path}.text`}
                  legend={t('web.agreement.clauses.text')}
                  multiline
                  value={clause.text}
                  onChange={(text) => set(index, { ...clause, text })}
                  languages={languages}
                />
                <Conditional
                  path={`${path}.conditional`}
                  checked={clause.conditional === true}
                  onChange={(conditional) => set(index, { ...clause, conditional: conditional || undefined })}
                />
                <Button variant="quiet" onClick={() => onChange(value.filter((_, i) => i !== index))}>
                  {t('web.agreement.clauses.remove', { n })}
                </Button>
              </Group>
            </li>
          );
        })}
      </ol>
      <Button
        variant="secondary"
        className="mt-4"
        onClick={() => onChange([...value, { id: newItemId('c', value), text: {} }])}
      >
        {t('web.agreement.clauses.add')}
      </Button>
    </Group>
  );
};
