import { type ReactNode, useEffect, useState } from 'react';
import { TextField } from '../../ui/field.tsx';
import { FieldNotes, useFieldProps } from './issues.tsx';
import { parsePercent, parseTenge, percentToInput, tiynToInput } from './money.ts';
import { useAgreementText } from './text.ts';

type MoneyProps = {
  path: string;
  label: ReactNode;
  /** Under the label; the default explains how to type a sum, '' for none (a table row). */
  hint?: ReactNode;
  /** Tiyn (integer); 0 while nothing valid is typed. */
  value: number;
  onChange: (tiyn: number) => void;
  className?: string;
};

/**
 * A sum typed in tenge. The text is kept as typed (so "150 000," is not rewritten under the
 * cursor); the terms get whole tiyn, or 0 while the text is not a sum — which the core check
 * reports as amount_invalid, next to this field.
 */
export const MoneyField = ({ path, label, hint, value, onChange, className = '' }: MoneyProps) => {
  const { t, locale } = useAgreementText();
  const [text, setText] = useState(() => tiynToInput(value, locale));
  // A new value from outside (another version loaded) replaces the text unless it already says so.
  useEffect(() => {
    setText((current) =>
      (parseTenge(current, locale) ?? 0) === value ? current : tiynToInput(value, locale),
    );
  }, [value, locale]);
  const typedWrong = text.trim() !== '' && parseTenge(text, locale) === null;
  const hintText = hint === undefined ? t('web.agreement.money.hint') : hint;
  const props = useFieldProps(path, {
    hint: Boolean(hintText),
    error: typedWrong ? t('web.agreement.money.invalid') : undefined,
  });
  return (
    <div className={className}>
      <TextField
        {...props}
        label={label}
        hint={hintText || undefined}
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        value={text}
        onChange={(next) => {
          setText(next);
          onChange(parseTenge(next, locale) ?? 0);
        }}
      />
      <FieldNotes path={path} />
    </div>
  );
};

type PercentProps = {
  id: string;
  label: ReactNode;
  value: number;
  onChange: (percent: number) => void;
};

/** A share in percent (0–100); 0 while the text is not a number, which the sum check then reports. */
export const PercentField = ({ id, label, value, onChange }: PercentProps) => {
  const { t, locale } = useAgreementText();
  const [text, setText] = useState(() => (value ? percentToInput(value, locale) : ''));
  useEffect(() => {
    setText((current) =>
      (parsePercent(current) ?? 0) === value ? current : value ? percentToInput(value, locale) : '',
    );
  }, [value, locale]);
  const typedWrong = text.trim() !== '' && parsePercent(text) === null;
  return (
    <TextField
      id={id}
      label={label}
      inputMode="decimal"
      autoComplete="off"
      className="max-w-32"
      error={typedWrong ? t('web.agreement.costs.percentInvalid') : undefined}
      value={text}
      onChange={(next) => {
        setText(next);
        onChange(parsePercent(next) ?? 0);
      }}
    />
  );
};
