import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { WEIGHTS } from '../../../core/registry/matching.ts';
import type { MatchParams, MatchSuggestion } from '../../api.ts';
import { formatNumber } from '../../i18n.ts';
import { KindBadge } from './mediator-card.tsx';
import { useRegistryText } from './text.ts';
import { points, useWhy } from './why.ts';

type SuggestionCardProps = {
  suggestion: MatchSuggestion;
  /** What was asked for: the reasons are told against it. */
  needs: MatchParams;
  /** The name's heading level under the page's own headings. */
  heading: 'h3' | 'h4';
  /** The reasons behind a "why this mediator" disclosure instead of always shown. */
  foldReasons?: boolean;
  /** Said above the name. */
  note?: ReactNode;
  /** Said after the reasons (e.g. who chose this mediator, a button to choose). */
  children?: ReactNode;
};

/**
 * One suggested mediator: name, kind, fee, total score and why, factor by factor, with the
 * points each one gave. The registry's "How we suggest" page and a case's choice of mediator
 * show the same card; the caller gives the list item around it its frame.
 */
export const SuggestionCard = ({
  suggestion,
  needs,
  heading: Heading,
  foldReasons = false,
  note,
  children,
}: SuggestionCardProps) => {
  const text = useRegistryText();
  const { t, locale } = text;
  const why = useWhy();
  const headingId = `suggestion-${suggestion.id}`;
  const reasons = (
    <ul className="mt-1 space-y-1">
      <li className="flex gap-2">
        <span aria-hidden="true" className="font-bold text-green-800">
          ✓
        </span>
        <span>
          {t('web.registry.matching.why.language', { language: text.language(needs.language) })}
          {needs.wantsPublic && ` ${t('web.registry.matching.why.public')}`}
        </span>
      </li>
      {suggestion.factors.map((f) => (
        <li key={f.factor} className="flex flex-wrap justify-between gap-x-3 border-t border-slate-100 pt-1">
          <span className="min-w-0 flex-1 basis-48">{why(f.factor, f.value, suggestion, needs)}</span>
          <span className="font-semibold whitespace-nowrap">
            {f.factor === 'complaints'
              ? t('web.registry.matching.penalty', { points: -points(f.contribution) })
              : t('web.registry.matching.contribution', {
                  points: formatNumber(points(f.contribution), locale),
                  max: points(WEIGHTS[f.factor as keyof typeof WEIGHTS]),
                })}
          </span>
        </li>
      ))}
    </ul>
  );
  return (
    <article aria-labelledby={headingId}>
      {note}
      <Heading id={headingId} className="text-lg font-bold break-words">
        <Link to={`/registry/mediators/${suggestion.id}`}>{suggestion.fullName}</Link>
      </Heading>
      <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1">
        <KindBadge kind={suggestion.kind} />
        <span className="text-slate-700">{text.fee(suggestion.fee)}</span>
      </p>
      {suggestion.organisation && <p className="mt-1 text-slate-700">{suggestion.organisation.name}</p>}
      <p className="mt-2 text-lg font-semibold">
        {t('web.registry.matching.total', { points: formatNumber(points(suggestion.score), locale) })}
      </p>
      {foldReasons ? (
        <details className="mt-1">
          <summary className="min-h-11 cursor-pointer py-2 font-semibold text-brand-800 underline">
            {t('web.registry.matching.whyTitle')}
          </summary>
          {reasons}
        </details>
      ) : (
        <>
          <p className="mt-3 font-semibold">{t('web.registry.matching.whyTitle')}</p>
          {reasons}
        </>
      )}
      {children}
    </article>
  );
};

type SuggestionListProps = {
  suggestions: readonly MatchSuggestion[];
  /** One list item (with its key) around a SuggestionCard. */
  renderItem: (suggestion: MatchSuggestion) => ReactNode;
};

/** How many mediators were found (announced to screen readers), then their cards in order. */
export const SuggestionList = ({ suggestions, renderItem }: SuggestionListProps) => {
  const { t } = useRegistryText();
  return (
    <>
      <p role="status" className="mb-3">
        {suggestions.length > 0
          ? t('web.registry.matching.found', { count: suggestions.length })
          : t('web.registry.matching.none')}
      </p>
      <ol className="grid gap-4 md:grid-cols-2">{suggestions.map(renderItem)}</ol>
    </>
  );
};
