import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { WEIGHTS } from '../../../core/registry/matching.ts';
import type { MatchParams, MatchSuggestion } from '../../api.ts';
import { type CaseView, caseKeys, casesApi } from '../../cases-api.ts';
import { formatNumber } from '../../i18n.ts';
import { Button } from '../../ui/button.tsx';
import { FormAlert, QueryError, useFormErrors } from '../../ui/form.tsx';
import { Loading } from '../../ui/loading.tsx';
import { KindBadge } from '../registry/mediator-card.tsx';
import { choicesOutside, choosers, orderSuggestions } from './model.ts';
import { RuleWhy } from './rule-why.tsx';
import { CaseSection } from './section.tsx';
import { useCaseText } from './text.ts';
import { useCaseAction } from './use-case-action.ts';
import { needsOf, points, useWhy } from './why.ts';

const FIELDS = ['mediatorId'] as const;

type SuggestionProps = {
  view: CaseView;
  suggestion: MatchSuggestion;
  needs: MatchParams;
  onChoose: (id: string) => void;
  pendingId: string | null;
};

const Suggestion = ({ view, suggestion, needs, onChoose, pendingId }: SuggestionProps) => {
  const text = useCaseText();
  const { t, locale } = text;
  const why = useWhy();
  const headingId = `suggestion-${suggestion.id}`;
  const excluded = view.excludedMediatorIds.includes(suggestion.id);
  const suggested = view.suggestedMediatorId === suggestion.id;
  const chosenBy = choosers(view.parties, suggestion.id);
  const mine = chosenBy.some((p) => p.id === view.viewer.partyId);
  const canChoose = view.viewer.actions.includes('choose_mediator') && !excluded && !mine;
  return (
    <li
      className={`min-w-0 rounded-lg border-2 bg-white p-4 ${
        mine ? 'border-brand-700' : suggested ? 'border-amber-600' : 'border-slate-300'
      } ${excluded ? 'bg-slate-100' : ''}`}
    >
      <article aria-labelledby={headingId}>
        {suggested && (
          <p className="mb-2 font-semibold text-amber-950">{t('web.case.choice.suggestedByCourt')}</p>
        )}
        <h3 id={headingId} className="text-lg font-bold break-words">
          <Link to={`/registry/mediators/${suggestion.id}`}>{suggestion.fullName}</Link>
        </h3>
        <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1">
          <KindBadge kind={suggestion.kind} />
          <span className="text-slate-700">{text.fee(suggestion.fee)}</span>
        </p>
        {suggestion.organisation && <p className="mt-1 text-slate-700">{suggestion.organisation.name}</p>}
        <p className="mt-2 font-semibold">
          {t('web.registry.matching.total', { points: formatNumber(points(suggestion.score), locale) })}
        </p>
        <details className="mt-1">
          <summary className="min-h-11 cursor-pointer py-2 font-semibold text-brand-800 underline">
            {t('web.registry.matching.whyTitle')}
          </summary>
          <ul className="mt-1 space-y-1">
            <li>
              {t('web.registry.matching.why.language', { language: text.language(needs.language) })}
              {needs.wantsPublic && ` ${t('web.registry.matching.why.public')}`}
            </li>
            {suggestion.factors.map((f) => (
              <li
                key={f.factor}
                className="flex flex-wrap justify-between gap-x-3 border-t border-slate-100 pt-1"
              >
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
        </details>
        {chosenBy.length > 0 && (
          <p className="mt-2 font-semibold">
            {t('web.case.choice.chosenBy', { names: chosenBy.map((p) => p.fullName).join(', ') })}
          </p>
        )}
        {excluded && <p className="mt-2 font-semibold text-red-800">{t('web.case.choice.excluded')}</p>}
        {mine && <p className="mt-2 font-semibold text-brand-900">{t('web.case.choice.yourChoice')}</p>}
        {canChoose && (
          <Button
            className="mt-3 w-full sm:w-auto"
            variant={suggested ? 'primary' : 'secondary'}
            pending={pendingId === suggestion.id}
            pendingLabel={t('web.common.sending')}
            onClick={() => onChoose(suggestion.id)}
          >
            {t('web.case.choice.choose')}
            <span className="sr-only">: {suggestion.fullName}</span>
          </Button>
        )}
      </article>
    </li>
  );
};

/** Status choosing_mediator, for the parties: the suggestions, who chose whom, and the choice. */
export const MediatorChoice = ({ view }: { view: CaseView }) => {
  const text = useCaseText();
  const { t, locale } = text;
  const form = useFormErrors(FIELDS);
  const suggestions = useQuery({
    queryKey: caseKeys.suggestions(locale, view.id),
    queryFn: () => casesApi.suggestions(view.id),
  });
  const choose = useCaseAction<string>({
    caseId: view.id,
    run: (mediatorId) => casesApi.chooseMediator(view.id, mediatorId),
    form,
    done: t('web.case.choice.done'),
  });
  const needs = needsOf(view.request);
  const list = orderSuggestions(suggestions.data?.suggestions ?? [], view.suggestedMediatorId);
  const outside = choicesOutside(view.parties, suggestions.data?.suggestions ?? []);
  return (
    <CaseSection id="choice" title={t('web.case.choice.title')}>
      <p className="mb-2">{t('web.case.choice.lead')}</p>
      <RuleWhy rule="R-MED-06" className="mb-4" />
      <FormAlert form={form} />
      {view.excludedMediatorIds.length > 0 && (
        <p className="mb-2">
          {t('web.case.choice.excludedCount', { count: view.excludedMediatorIds.length })}
        </p>
      )}
      {outside.map((party) => (
        <p key={party.id} className="mb-2">
          {t('web.case.choice.outside', { name: party.fullName })}
        </p>
      ))}
      {suggestions.isPending && <Loading />}
      {suggestions.error && <QueryError error={suggestions.error} />}
      {suggestions.data && (
        <>
          <p role="status" className="mb-3">
            {list.length > 0
              ? t('web.registry.matching.found', { count: list.length })
              : t('web.registry.matching.none')}
          </p>
          <ol className="grid gap-4 md:grid-cols-2">
            {list.map((suggestion) => (
              <Suggestion
                key={suggestion.id}
                view={view}
                suggestion={suggestion}
                needs={needs}
                onChoose={(id) => choose.mutate(id)}
                pendingId={choose.isPending ? (choose.variables ?? null) : null}
              />
            ))}
          </ol>
        </>
      )}
    </CaseSection>
  );
};
