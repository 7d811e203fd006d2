import {
  CASE_TRANSITIONS,
  CLOSED_STATUSES,
  isClosed,
  MAX_EXTENSION_DAYS,
} from '../../../core/cases/lifecycle.ts';
import type { Locale } from '../../../core/identity/roles.ts';
import { MEDIATION_LAW } from '../../../core/law/mediation-law.ts';
import type { LawRule } from '../../../core/law/types.ts';
import type { MatchParams, MatchSuggestion } from '../../api.ts';
import type { CasePartyView, CaseStatus, CaseView, EndingBody } from '../../cases-api.ts';

// Pure decisions of the case page (no React): what the case waits for, which step it is at and
// why (the rule behind each step), who chose whom, what a form sends. Tested in model.test.ts.

/** How often an open case page asks for news (a weak connection copes with this). */
export const POLL_MS = 20_000;

export type WaitingCode = CaseView['waiting']['code'];

const rule = CASE_TRANSITIONS;

/** The rule of law behind what the case waits for now (the core state machine's own citations). */
export const WAITING_RULES: Record<WaitingCode, string | null> = {
  initiator_submit: rule.submit.rule,
  reply: rule.expire_invitation.rule,
  mediator_choice: rule.choose_mediator.rule,
  mediator_answer: rule.mediator_accept.rule,
  contract_confirmation: rule.confirm_contract.rule,
  mediator_contract: rule.confirm_contract.rule,
  mediation: rule.expire_term.rule,
  nothing: null,
};

/** The law's own words for a rule id in the reader's language, when core/law has the rule. */
export const ruleText = (id: string, locale: Locale): string | null =>
  (MEDIATION_LAW as Record<string, LawRule | undefined>)[id]?.text[locale] ?? null;

export const isEnded = isClosed;

/** Does the case wait for the person looking at it? */
export const waitsForViewer = (view: CaseView): boolean => {
  const { waiting, viewer } = view;
  if (viewer.partyId && waiting.partyIds.includes(viewer.partyId)) return true;
  if (viewer.role !== 'mediator') return false;
  if (waiting.code === 'mediator_answer' || waiting.code === 'mediator_contract') return true;
  return waiting.code === 'contract_confirmation' && viewer.actions.includes('confirm_contract');
};

/** The names of the parties the case waits for, other than the viewer. */
export const waitingNames = (view: CaseView): string[] =>
  view.parties
    .filter((p) => view.waiting.partyIds.includes(p.id) && p.id !== view.viewer.partyId)
    .map((p) => p.fullName);

/** The path of every case, each step with the rule it follows. */
export const STEPS = [
  { key: 'request', rule: rule.submit.rule, statuses: ['draft'] },
  { key: 'reply', rule: rule.expire_invitation.rule, statuses: ['invited'] },
  { key: 'mediator', rule: rule.choose_mediator.rule, statuses: ['choosing_mediator', 'mediator_asked'] },
  { key: 'contract', rule: rule.confirm_contract.rule, statuses: ['contract'] },
  { key: 'mediation', rule: rule.expire_term.rule, statuses: ['active'] },
  { key: 'end', rule: rule.end.rule, statuses: CLOSED_STATUSES },
] as const satisfies readonly { key: string; rule: string; statuses: readonly CaseStatus[] }[];
export type StepKey = (typeof STEPS)[number]['key'];
export type StepState = 'done' | 'current' | 'todo';

/** Each step of the path as done, current or still to come for a case in this status. */
export const stepStates = (status: CaseStatus): { key: StepKey; rule: string; state: StepState }[] => {
  const current = STEPS.findIndex((step) => (step.statuses as readonly CaseStatus[]).includes(status));
  return STEPS.map((step, index) => ({
    key: step.key,
    rule: step.rule,
    state: index < current ? 'done' : index === current ? 'current' : 'todo',
  }));
};

/**
 * The proof of notice of an invitation (R-MED-10) is for whoever made the proposal: the server
 * sends it to the initiator (and the mediator, the court) only. A party never sees its own.
 */
export const showsNotice = (view: CaseView, party: CasePartyView) =>
  party.invitation !== null && party.id !== view.viewer.partyId;

/** What the case asks of a mediator, in the registry's terms (its suggestions answer this). */
export const needsOf = (request: CaseView['request']): MatchParams => ({
  category: request?.category ?? '',
  language: request?.language ?? '',
  region: request?.region ?? '',
  remote: request?.remote ?? true,
  wantsPublic: request?.wantsPublicMediator ?? false,
});

/** The court's rotation pick first (R-MED-09: the parties still choose), then the ranking as it came. */
export const orderSuggestions = (suggestions: readonly MatchSuggestion[], suggestedId: string | null) => {
  const picked = suggestions.filter((s) => s.id === suggestedId);
  return [...picked, ...suggestions.filter((s) => s.id !== suggestedId)];
};

/** The parties who chose this mediator. */
export const choosers = (parties: readonly CasePartyView[], mediatorId: string) =>
  parties.filter((p) => p.mediatorChoiceId === mediatorId);

/** Choices of mediators that are not among the suggestions (the list may have changed since). */
export const choicesOutside = (parties: readonly CasePartyView[], suggestions: readonly MatchSuggestion[]) =>
  parties.filter((p) => p.mediatorChoiceId !== null && !suggestions.some((s) => s.id === p.mediatorChoiceId));

/** The mediator may accept only after declaring no conflict with every party (R-MED-06). */
export const undeclared = (parties: readonly CasePartyView[], declared: ReadonlySet<string>) =>
  parties.filter((p) => !declared.has(p.id)).map((p) => p.id);

export const declarations = (parties: readonly CasePartyView[]) =>
  parties.map((p) => ({ partyId: p.id, conflict: false as const }));

/** Days still available for an extension (R-MED-11: at most 30 in total). */
export const extensionLeft = (term: CaseView['term']) =>
  term ? Math.max(0, MAX_EXTENSION_DAYS - term.extensionDays) : 0;

/** The ways a mediator can end a mediation, as one choice on the form. */
export const ENDINGS = ['settled', 'not_settled', 'futile', 'written_consent'] as const;
export type EndingChoice = (typeof ENDINGS)[number];
/** The rule behind each ending: a settlement agreement (R-MED-21) or the mediator's termination (R-MED-15). */
export const ENDING_RULES: Record<EndingChoice, string> = {
  settled: rule.end.rule,
  not_settled: rule.end.rule,
  futile: rule.terminate.rule,
  written_consent: rule.terminate.rule,
};

export const endingBody = (choice: EndingChoice, note: string): EndingBody => {
  const trimmed = note.trim() || undefined;
  if (choice === 'settled' || choice === 'not_settled') return { outcome: choice, note: trimmed };
  return { outcome: 'terminated', reason: choice, note: trimmed };
};

/** A whole number of days typed by a person ("7", " 7 "), or null when it is not one. */
export const parseDays = (text: string): number | null => {
  const trimmed = text.trim();
  if (!/^\d{1,3}$/.test(trimmed)) return null;
  return Number(trimmed);
};

/** The people who confirm the contract, and when they did (null: not yet). */
export const confirmations = (view: CaseView) => [
  ...view.parties.map((p) => ({
    key: p.id,
    name: p.fullName,
    who: 'party' as const,
    at: p.contractConfirmedAt,
  })),
  ...(view.mediator
    ? [
        {
          key: view.mediator.id,
          name: view.mediator.fullName,
          who: 'mediator' as const,
          at: view.contract?.mediatorConfirmedAt ?? null,
        },
      ]
    : []),
];

/** Has the viewer confirmed the contract already? */
export const viewerConfirmed = (view: CaseView) => {
  if (view.viewer.role === 'mediator') return Boolean(view.contract?.mediatorConfirmedAt);
  return Boolean(view.parties.find((p) => p.id === view.viewer.partyId)?.contractConfirmedAt);
};
