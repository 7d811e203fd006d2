import type { AgreementTerms } from '../../../core/agreements/compose.ts';
import type { AgreementDraft } from '../../../core/agreements/types.ts';
import { Button } from '../../ui/button.tsx';
import { ClausesEditor } from './clauses-editor.tsx';
import { CostsEditor } from './costs-editor.tsx';
import { GeneralEditor } from './general-editor.tsx';
import { Group } from './issues.tsx';
import { newObligation, orderedLanguages } from './model.ts';
import { ObligationEditor, type PartyOption } from './obligation-editor.tsx';
import { ScopeEditor } from './scope-editor.tsx';
import { useAgreementText } from './text.ts';

type Props = {
  terms: AgreementTerms;
  onChange: (terms: AgreementTerms) => void;
  /** The server's draft of the version being edited: the case facts and the parties. */
  draft: AgreementDraft;
};

/**
 * Every part of the agreement people write, top to bottom as the document reads: languages and
 * subject, the parties' details, the obligations, free clauses, costs, and what depends on the
 * kind of case. Each input is named by its path in the draft, so problems land beside it.
 */
export const TermsEditor = ({ terms, onChange, draft }: Props) => {
  const { t } = useAgreementText();
  const languages = orderedLanguages(terms.languages);
  const parties: PartyOption[] = draft.parties.map((p) => ({ id: p.id, name: p.name }));
  // The order startingTerms uses: the party who asked first (creditor), the other second (debtor).
  const partyIds = draft.parties.map((p) => p.id);
  const set = (change: Partial<AgreementTerms>) => onChange({ ...terms, ...change });
  const setObligation = (index: number, obligation: AgreementTerms['obligations'][number]) =>
    set({ obligations: terms.obligations.map((o, i) => (i === index ? obligation : o)) });
  return (
    <div className="min-w-0">
      <GeneralEditor terms={terms} onChange={set} draft={draft} />
      <Group
        path="obligations"
        legend={<span className="text-lg">{t('web.agreement.obligation.listLegend')}</span>}
        hint={t('web.agreement.obligation.listHint')}
      >
        <ol className="grid gap-4">
          {terms.obligations.map((obligation, index) => (
            <ObligationEditor
              key={obligation.id}
              index={index}
              value={obligation}
              onChange={(next) => setObligation(index, next)}
              onRemove={() => set({ obligations: terms.obligations.filter((_, i) => i !== index) })}
              parties={parties}
              languages={languages}
            />
          ))}
        </ol>
        <div className="mt-4 flex flex-wrap gap-3">
          {(['money', 'action'] as const).map((kind) => (
            <Button
              key={kind}
              variant="secondary"
              onClick={() =>
                set({ obligations: [...terms.obligations, newObligation(kind, partyIds, terms.obligations)] })
              }
            >
              {t(`web.agreement.obligation.add.${kind}`)}
            </Button>
          ))}
        </div>
      </Group>
      <ClausesEditor value={terms.clauses} onChange={(clauses) => set({ clauses })} languages={languages} />
      <CostsEditor
        legalCosts={terms.legalCosts}
        mediatorFee={terms.mediatorFee}
        onLegalCosts={(legalCosts) => set({ legalCosts })}
        onMediatorFee={(mediatorFee) => set({ mediatorFee })}
        parties={parties}
      />
      <ScopeEditor
        category={draft.case.category}
        terms={terms}
        onChange={set}
        hasStateBody={draft.parties.some((p) => p.kind === 'state_body')}
      />
    </div>
  );
};
