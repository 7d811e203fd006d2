import type { ReactNode } from 'react';
import { SectionTitle } from '../../ui/card.tsx';

type CaseSectionProps = { id: string; title: ReactNode; children: ReactNode; className?: string };

/** One part of the case page: a card that is a named region (its h2 names it for screen readers). */
export const CaseSection = ({ id, title, children, className = '' }: CaseSectionProps) => (
  <section
    aria-labelledby={`${id}-title`}
    className={`min-w-0 rounded-lg border border-slate-300 bg-white p-4 shadow-sm sm:p-6 ${className}`}
  >
    <SectionTitle id={`${id}-title`}>{title}</SectionTitle>
    {children}
  </section>
);
