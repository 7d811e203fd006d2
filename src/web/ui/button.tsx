import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { Link, type LinkProps } from 'react-router';

export type Variant = 'primary' | 'secondary' | 'danger' | 'quiet';

const base =
  'inline-flex min-h-11 items-center justify-center gap-2 rounded-md px-5 py-2 text-base font-semibold no-underline transition-colors';
const variants: Record<Variant, string> = {
  primary: 'bg-brand-700 text-white hover:bg-brand-900 hover:text-white',
  secondary: 'border-2 border-brand-700 bg-white text-brand-800 hover:bg-brand-50 hover:text-brand-900',
  danger: 'bg-red-700 text-white hover:bg-red-800 hover:text-white',
  quiet: 'px-3 text-brand-800 underline underline-offset-2 hover:bg-brand-50 hover:text-brand-900',
};

export const buttonClass = (variant: Variant = 'primary', extra = '') =>
  `${base} ${variants[variant]} ${extra}`;

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: Variant;
  /** Shows the busy label and ignores clicks, without taking focus away (unlike `disabled`). */
  pending?: boolean;
  pendingLabel?: ReactNode;
};

export const Button = ({
  variant = 'primary',
  pending = false,
  pendingLabel,
  className = '',
  type = 'button',
  children,
  onClick,
  ...rest
}: ButtonProps) => (
  <button
    type={type}
    className={`${buttonClass(variant, className)} ${pending ? 'cursor-progress opacity-80' : ''}`}
    aria-disabled={pending || undefined}
    onClick={(event) => {
      if (pending) {
        event.preventDefault();
        return;
      }
      onClick?.(event);
    }}
    {...rest}
  >
    {pending && (
      <span
        aria-hidden="true"
        className="inline-block size-4 animate-spin rounded-full border-2 border-current border-t-transparent"
      />
    )}
    {pending && pendingLabel ? pendingLabel : children}
  </button>
);

export const ButtonLink = ({
  variant = 'primary',
  className = '',
  ...rest
}: LinkProps & { variant?: Variant }) => <Link className={buttonClass(variant, className)} {...rest} />;
