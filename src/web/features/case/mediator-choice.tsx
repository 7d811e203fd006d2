import { useQuery } from '@tanstack/react-query';
import type { MatchParams, MatchSuggestion } from '../../api.ts';
import { type CaseView, caseKeys, casesApi } from '../../cases-api.ts';
import { Button } from '../../ui/button.tsx';
import { FormAlert, QueryError, useFormErrors } from '../../ui/form.tsx';
import { Loading } from '../../ui/loading.tsx';
import { SuggestionCard, SuggestionList } from '../registry/suggestion-card.tsx';
import { choicesOutside, choosers, needsOf, orderSuggestions } from './model.ts';
import { RuleWhy } from './rule-why.tsx';
import { CaseSection } from './section.tsx';
import { useCaseText } from './text.ts';
import { useCaseAction } from './use-case-action.ts';

const FIELDS = ['mediatorId'] as const;

type SuggestionProps = {
  view: CaseView;
  suggestion: MatchSuggestion;
  needs: MatchParams;
  onChoose: (id: string) => void;
  pendingId: string | null;
};

const Suggestion = ({ view, suggestion, needs, onChoose, pendingId }: SuggestionProps) => {
  const { t } = useCaseText();
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
      <SuggestionCard
        suggestion={suggestion}
        needs={needs}
        heading="h3"
        foldReasons
        note={
          suggested && (
            <p className="mb-2 font-semibold text-amber-950">{t('web.case.choice.suggestedByCourt')}</p>
          )
        }
      >
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
      </SuggestionCard>
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
        <SuggestionList
          suggestions={list}
          renderItem={(suggestion) => (
            <Suggestion
              key={suggestion.id}
              view={view}
              suggestion={suggestion}
              needs={needs}
              onChoose={(id) => choose.mutate(id)}
              pendingId={choose.isPending ? (choose.variables ?? null) : null}
            />
          )}
        />
      )}
    </CaseSection>
  );
};
