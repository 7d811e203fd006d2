import type { ReactNode, Ref } from 'react';

type Tone = 'error' | 'success' | 'info' | 'warning';

const tones: Record<Tone, string> = {
  error: 'border-red-700 bg-red-50 text-red-900',
  success: 'border-green-700 bg-green-50 text-green-900',
  info: 'border-brand-700 bg-brand-50 text-brand-900',
  warning: 'border-amber-600 bg-amber-50 text-amber-950',
};

type AlertProps = {
  tone?: Tone;
  title?: ReactNode;
  children?: ReactNode;
  className?: string;
  ref?: Ref<HTMLDivElement>;
};

/**
 * Errors are announced at once (role=alert); success and information politely (role=status).
 * Focusable from code (tabIndex -1) so a form can move focus here when no field is to blame.
 */
export const Alert = ({ tone = 'info', title, children, className = '', ref }: AlertProps) => (
  <div
    ref={ref}
    tabIndex={-1}
    role={tone === 'error' ? 'alert' : 'status'}
    className={`rounded-md border-l-4 p-4 ${tones[tone]} ${className}`}
  >
    {title && <p className="font-semibold">{title}</p>}
    {children && <div className={title ? 'mt-1' : ''}>{children}</div>}
  </div>
);
