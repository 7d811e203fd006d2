import type { ReactNode } from 'react';
import type { AgreementLanguage, LocalizedText } from '../../../core/agreements/types.ts';
import { TextArea, TextField } from '../../ui/field.tsx';
import { FieldNotes, Group, useFieldProps } from './issues.tsx';
import { useAgreementText } from './text.ts';

type Props = {
  /** The text's path in the draft (`clauses[0].text`); each language's input is `<path>.<lang>`. */
  path: string;
  legend: ReactNode;
  hint?: ReactNode;
  value: LocalizedText | undefined;
  onChange: (value: LocalizedText) => void;
  languages: readonly AgreementLanguage[];
  multiline?: boolean;
  optional?: boolean;
  maxLength?: number;
};

const One = ({
  path,
  lang,
  value,
  onChange,
  multiline,
  optional,
  maxLength,
}: {
  path: string;
  lang: AgreementLanguage;
  value: string;
  onChange: (value: string) => void;
  multiline: boolean;
  optional: boolean;
  maxLength: number;
}) => {
  const text = useAgreementText();
  const props = useFieldProps(`${path}.${lang}`);
  const common = {
    ...props,
    label: text.languageName(lang),
    value,
    onChange,
    optional,
    lang,
    maxLength,
  };
  return (
    <>
      {multiline ? <TextArea {...common} rows={3} /> : <TextField {...common} />}
      <FieldNotes path={`${path}.${lang}`} />
    </>
  );
};

/**
 * One text of the agreement in each of its languages: a group named by the legend, one input per
 * language (marked with `lang`, so a screen reader reads Kazakh as Kazakh).
 */
export const LocalizedFields = ({
  path,
  legend,
  hint,
  value,
  onChange,
  languages,
  multiline = false,
  optional = false,
  maxLength = 4000,
}: Props) => (
  <Group path={path} legend={legend} hint={hint}>
    {languages.map((lang) => (
      <One
        key={lang}
        path={path}
        lang={lang}
        value={value?.[lang] ?? ''}
        onChange={(next) => onChange({ ...value, [lang]: next })}
        multiline={multiline}
        optional={optional}
        maxLength={maxLength}
      />
    ))}
  </Group>
);
