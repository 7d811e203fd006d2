import type { ReactNode } from 'react';

type Props = {
  /** Unique on the page; also the prefix of each radio's id. */
  name: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: ReactNode; hint?: ReactNode; disabled?: boolean }[];
};

/**
 * Radio choices for use inside a group whose legend asks the question (the builder's groups carry
 * the problems, so the choice itself needs no fieldset of its own). Large targets; wraps on a phone.
 */
export const RadioRow = ({ name, value, onChange, options }: Props) => (
  <div className="mb-4 grid gap-2 sm:grid-cols-2">
    {options.map((option) => {
      const id = `${name}-${option.value}`;
      const checked = value === option.value;
      return (
        <label
          key={option.value}
          htmlFor={id}
          className={`flex min-h-11 cursor-pointer items-start gap-3 rounded-md border-2 bg-white px-3 py-2 ${
            checked ? 'border-brand-700 bg-brand-50' : 'border-slate-400'
          } ${option.disabled ? 'cursor-not-allowed opacity-70' : ''}`}
        >
          <input
            id={id}
            type="radio"
            name={name}
            value={option.value}
            checked={checked}
            disabled={option.disabled}
            onChange={() => onChange(option.value)}
            aria-describedby={option.hint ? `${id}-hint` : undefined}
            className="mt-1 size-5 shrink-0 accent-brand-700"
          />
          <span>
            <span className="block font-semibold">{option.label}</span>
            {option.hint && (
              <span id={`${id}-hint`} className="block text-sm text-slate-700">
                {option.hint}
              </span>
            )}
          </span>
        </label>
      );
    })}
  </div>
);
