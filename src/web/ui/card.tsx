import type { ReactNode } from 'react';

type CardProps = { children: ReactNode; className?: string; as?: 'section' | 'div' | 'li' | 'article' };

export const Card = ({ children, className = '', as: Tag = 'section' }: CardProps) => (
  <Tag className={`rounded-lg border border-slate-300 bg-white p-4 shadow-sm sm:p-6 ${className}`}>
    {children}
  </Tag>
);

export const SectionTitle = ({ children, id }: { children: ReactNode; id?: string }) => (
  <h2 id={id} className="mb-3 text-xl font-bold text-brand-900">
    {children}
  </h2>
);
