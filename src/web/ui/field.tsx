import {
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';

const controlClass = (invalid: boolean) =>
  `block min-h-12 w-full rounded-md border-2 bg-white px-3 py-2 text-base text-ink ${
    invalid ? 'border-red-700' : 'border-slate-500'
  } read-only:border-slate-300 read-only:bg-slate-100`;

type FieldFrameProps = {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
  children: (describedBy: string | undefined) => ReactNode;
};

/** Label above, hint and error between label and control (read in that order by screen readers). */
const FieldFrame = ({ id, label, hint, error, optional, children }: FieldFrameProps) => {
  const { t } = useTranslation();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`mb-5 ${error ? 'border-l-4 border-red-700 pl-3' : ''}`}>
      <label htmlFor={id} className="block font-semibold">
        {label}
        {optional && <span className="font-normal text-slate-700"> {t('web.common.optional')}</span>}
      </label>
      {hint && (
        <p id={hintId} className="mt-0.5 text-slate-700">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="mt-1 font-semibold text-red-700">
          <span className="sr-only">{t('web.common.errorPrefix')} </span>
          {error}
        </p>
      )}
      <div className="mt-1.5">{children(describedBy)}</div>
    </div>
  );
};

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> & {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
};

export const TextField = ({
  id,
  label,
  hint,
  error,
  optional,
  value,
  onChange,
  className = '',
  ...input
}: TextFieldProps) => (
  <FieldFrame id={id} label={label} hint={hint} error={error} optional={optional}>
    {(describedBy) => (
      <input
        id={id}
        name={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`${controlClass(Boolean(error))} ${className}`}
        {...input}
      />
    )}
  </FieldFrame>
);

type TextAreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange' | 'value'> & {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
};

/** Several lines of text (reasons, biographies, complaints); grows with the text up to a limit. */
export const TextArea = ({
  id,
  label,
  hint,
  error,
  optional,
  value,
  onChange,
  rows = 4,
  className = '',
  ...textarea
}: TextAreaProps) => (
  <FieldFrame id={id} label={label} hint={hint} error={error} optional={optional}>
    {(describedBy) => (
      <textarea
        id={id}
        name={id}
        rows={rows}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        // Grows with the text (field-sizing), never smaller than the rows asked for.
        style={{ minHeight: `calc(${rows} * 1.55em + 1.25rem)` }}
        className={`${controlClass(Boolean(error))} field-sizing-content max-h-96 ${className}`}
        {...textarea}
      />
    )}
  </FieldFrame>
);

/** A password input with a Show/Hide toggle (typing on a small phone screen is error-prone). */
export const PasswordField = (props: Omit<TextFieldProps, 'type'>) => {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(false);
  const { id, label, hint, error, optional, value, onChange, ...input } = props;
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} optional={optional}>
      {(describedBy) => (
        <div className="flex gap-2">
          <input
            id={id}
            name={id}
            type={visible ? 'text' : 'password'}
            value={value}
            onChange={(event) => onChange(event.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            autoCapitalize="none"
            spellCheck={false}
            className={`${controlClass(Boolean(error))} min-w-0 flex-1`}
            {...input}
          />
          <button
            type="button"
            aria-controls={id}
            aria-pressed={visible}
            aria-label={t('web.common.showPassword')}
            onClick={() => setVisible((v) => !v)}
            className="min-h-12 shrink-0 rounded-md border-2 border-slate-500 bg-white px-3 font-semibold text-brand-800 hover:bg-brand-50"
          >
            {t('web.common.show')}
          </button>
        </div>
      )}
    </FieldFrame>
  );
};

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'value'> & {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string; lang?: string }[];
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
  /** A first, empty choice ("Choose…") when nothing is selected yet. */
  placeholder?: string;
};

export const Select = ({
  id,
  label,
  hint,
  error,
  optional,
  value,
  onChange,
  options,
  placeholder,
  ...select
}: SelectProps) => (
  <FieldFrame id={id} label={label} hint={hint} error={error} optional={optional}>
    {(describedBy) => (
      <select
        id={id}
        name={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`${controlClass(Boolean(error))} pr-8`}
        {...select}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value} lang={option.lang}>
            {option.label}
          </option>
        ))}
      </select>
    )}
  </FieldFrame>
);

type RadioGroupProps = {
  name: string;
  legend: ReactNode;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: ReactNode; hint?: ReactNode }[];
  error?: string;
};

/** Big, whole-card radio choices inside a fieldset with a legend. */
export const RadioGroup = ({ name, legend, value, onChange, options, error }: RadioGroupProps) => {
  const groupId = useId();
  const { t } = useTranslation();
  return (
    <fieldset className="mb-5" aria-describedby={error ? `${groupId}-error` : undefined}>
      <legend className="mb-2 font-semibold">{legend}</legend>
      {error && (
        <p id={`${groupId}-error`} className="mb-2 font-semibold text-red-700">
          <span className="sr-only">{t('web.common.errorPrefix')} </span>
          {error}
        </p>
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        {options.map((option) => {
          const id = `${name}-${option.value}`;
          const checked = value === option.value;
          return (
            <label
              key={option.value}
              htmlFor={id}
              className={`flex min-h-12 cursor-pointer items-start gap-3 rounded-md border-2 bg-white p-3 ${
                checked ? 'border-brand-700 bg-brand-50' : 'border-slate-400'
              }`}
            >
              <input
                id={id}
                type="radio"
                name={name}
                value={option.value}
                checked={checked}
                onChange={() => onChange(option.value)}
                aria-describedby={option.hint ? `${id}-hint` : undefined}
                className="mt-1 size-5 shrink-0 accent-brand-700"
              />
              <span>
                <span className="block font-semibold">{option.label}</span>
                {option.hint && (
                  <span id={`${id}-hint`} className="block text-slate-700">
                    {option.hint}
                  </span>
                )}
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
};
