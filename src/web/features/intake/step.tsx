import type { ReactNode } from 'react';

/** One numbered part of a long form, a landmark with its own heading (easy to find by screen reader). */
export const Step = ({
  n,
  id,
  title,
  lead,
  children,
}: {
  n?: number;
  id: string;
  title: string;
  lead?: ReactNode;
  children: ReactNode;
}) => (
  <section
    aria-labelledby={id}
    className="mb-6 rounded-lg border border-slate-300 bg-white p-4 shadow-sm sm:p-6"
  >
    <h2 id={id} className="mb-4 text-xl font-bold text-brand-900">
      {n !== undefined && (
        <span aria-hidden="true" className="mr-2 text-slate-600">
          {n}.
        </span>
      )}
      {title}
    </h2>
    {lead && <p className="-mt-2 mb-4 text-slate-700">{lead}</p>}
    {children}
  </section>
);
