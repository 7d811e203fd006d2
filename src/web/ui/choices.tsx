import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';

type CheckboxProps = {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  error?: string;
  disabled?: boolean;
};

/** One yes/no choice as a large, whole-row target (easy to hit with a thumb). */
export const Checkbox = ({ id, label, hint, checked, onChange, error, disabled }: CheckboxProps) => {
  const { t } = useTranslation();
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`mb-5 ${error ? 'border-l-4 border-red-700 pl-3' : ''}`}>
      {error && (
        <p id={`${id}-error`} className="mb-1 font-semibold text-red-700">
          <span className="sr-only">{t('web.common.errorPrefix')} </span>
          {error}
        </p>
      )}
      <label
        htmlFor={id}
        className={`flex min-h-12 cursor-pointer items-start gap-3 rounded-md border-2 bg-white p-3 ${
          checked ? 'border-brand-700 bg-brand-50' : 'border-slate-400'
        }`}
      >
        <input
          id={id}
          name={id}
          type="checkbox"
          checked={checked}
          disabled={disabled}
          onChange={(event) => onChange(event.target.checked)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className="mt-1 size-5 shrink-0 accent-brand-700"
        />
        <span>
          <span className="block font-semibold">{label}</span>
          {hint && (
            <span id={`${id}-hint`} className="block text-slate-700">
              {hint}
            </span>
          )}
        </span>
      </label>
    </div>
  );
};

type CheckboxGroupProps = {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  options: { value: string; label: string; lang?: string }[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  error?: string;
  /** Grid columns from the small breakpoint up; 'short' labels go two to a row even on phones. */
  columns?: 2 | 3 | 'short';
};

/**
 * Several choices in a fieldset. The error is tied to every box, and the boxes are marked invalid,
 * so the form's "focus the first invalid field" lands on the first box of the group.
 */
export const CheckboxGroup = ({
  name,
  legend,
  hint,
  options,
  value,
  onChange,
  error,
  columns = 2,
}: CheckboxGroupProps) => {
  const { t } = useTranslation();
  const groupId = useId();
  const hintId = hint ? `${groupId}-hint` : undefined;
  const errorId = error ? `${groupId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const toggle = (option: string, checked: boolean) =>
    onChange(checked ? [...value.filter((v) => v !== option), option] : value.filter((v) => v !== option));
  return (
    <fieldset
      className={`mb-5 min-w-0 ${error ? 'border-l-4 border-red-700 pl-3' : ''}`}
      aria-describedby={describedBy}
    >
      <legend className="mb-1 font-semibold">{legend}</legend>
      {hint && (
        <p id={hintId} className="mb-2 text-slate-700">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="mb-2 font-semibold text-red-700">
          <span className="sr-only">{t('web.common.errorPrefix')} </span>
          {error}
        </p>
      )}
      <div
        className={`grid gap-2 ${
          columns === 'short'
            ? 'grid-cols-2 sm:grid-cols-3 lg:grid-cols-4'
            : columns === 3
              ? 'sm:grid-cols-2 lg:grid-cols-3'
              : 'sm:grid-cols-2'
        }`}
      >
        {options.map((option) => {
          const id = `${name}-${option.value}`;
          const checked = value.includes(option.value);
          return (
            <label
              key={option.value}
              htmlFor={id}
              className={`flex min-h-11 cursor-pointer items-center gap-3 rounded-md border-2 bg-white px-3 py-2 ${
                checked ? 'border-brand-700 bg-brand-50' : 'border-slate-300'
              }`}
            >
              <input
                id={id}
                type="checkbox"
                name={name}
                value={option.value}
                checked={checked}
                onChange={(event) => toggle(option.value, event.target.checked)}
                aria-invalid={error ? true : undefined}
                aria-describedby={errorId}
                className="size-5 shrink-0 accent-brand-700"
              />
              <span lang={option.lang}>{option.label}</span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
};
