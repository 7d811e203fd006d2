// The life of a case as one state machine (issue 4). The server loads a case's facts, asks
// `decide` whether an actor may take an action, and stores the facts it returns; the web app asks
// `availableActions` what to offer. Every transition names the rule of law it follows.

export const CASE_STATUSES = [
  'draft',
  'invited',
  'declined',
  'choosing_mediator',
  'mediator_asked',
  'contract',
  'active',
  'settled',
  'approved_by_court',
  'not_settled',
  'withdrawn',
  'terminated',
  'term_expired',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/**
 * Statuses in which the mediation is over. A case never leaves them, with one exception: a court's
 * approval of the settlement (R-CPC-04) turns `settled` into `approved_by_court`.
 */
export const CLOSED_STATUSES: readonly CaseStatus[] = [
  'declined',
  'settled',
  'approved_by_court',
  'not_settled',
  'withdrawn',
  'terminated',
  'term_expired',
];
export const isClosed = (status: CaseStatus) => CLOSED_STATUSES.includes(status);

export type Consent = 'pending' | 'accepted' | 'declined';

export type PartyFacts = {
  id: string;
  side: 'initiator' | 'respondent';
  consent: Consent;
  /** R-FAM-02: answered the private safety screening (family cases). */
  screened: boolean;
  /** The mediator this party proposes or approves. */
  mediatorChoice: string | null;
  contractConfirmed: boolean;
};

export type CaseFacts = {
  status: CaseStatus;
  origin: 'party' | 'court';
  /** Family cases begin with a private safety screening of every party (R-FAM-02). */
  screeningRequired: boolean;
  parties: readonly PartyFacts[];
  /** The mediator asked (mediator_asked) or serving (contract and after). */
  mediatorId: string | null;
  mediatorConfirmedContract: boolean;
  /** Mediators who declined or declared a conflict of interest in this case (R-MED-06). */
  excludedMediators: readonly string[];
  extensionDays: number;
};

export type Actor =
  | { kind: 'party'; partyId: string }
  | { kind: 'mediator'; mediatorId: string }
  | { kind: 'system' };

export const END_OUTCOMES = ['settled', 'not_settled'] as const;
export const TERMINATION_REASONS = ['futile', 'written_consent'] as const;
/** R-MED-11: an extension agreed by all parties adds at most this many days in total. */
export const MAX_EXTENSION_DAYS = 30;
/** R-MED-11: out-of-court mediation ends within this many calendar days of the contract. */
export const TERM_DAYS = 30;
/** R-MED-10: the other party has this many calendar days to accept a proposal to mediate. */
export const REPLY_WINDOW_DAYS = 10;

export type CaseAction =
  | { type: 'submit' }
  | { type: 'record_screening' }
  | { type: 'accept_invitation' }
  | { type: 'decline_invitation' }
  | { type: 'expire_invitation' }
  | { type: 'choose_mediator'; mediatorId: string }
  | { type: 'mediator_accept' }
  | { type: 'mediator_decline' }
  | { type: 'confirm_contract' }
  | { type: 'extend'; days: number }
  | { type: 'end'; outcome: (typeof END_OUTCOMES)[number] }
  | { type: 'terminate'; reason: (typeof TERMINATION_REASONS)[number] }
  | { type: 'withdraw' }
  | { type: 'expire_term' }
  | { type: 'settle_by_agreement' }
  | { type: 'court_approve' };
export type CaseActionType = CaseAction['type'];

type ActorKind = Actor['kind'];

/** Who may take each action from which statuses, and the rule it follows: the machine as data. */
export const CASE_TRANSITIONS: Record<
  CaseActionType,
  { from: readonly CaseStatus[]; by: readonly ActorKind[]; rule: string }
> = {
  submit: { from: ['draft'], by: ['party'], rule: 'R-MED-09' },
  record_screening: { from: ['draft', 'invited', 'choosing_mediator'], by: ['party'], rule: 'R-FAM-02' },
  accept_invitation: { from: ['invited'], by: ['party'], rule: 'R-MED-07' },
  decline_invitation: { from: ['invited'], by: ['party'], rule: 'R-MED-09' },
  expire_invitation: { from: ['invited'], by: ['system'], rule: 'R-MED-10' },
  choose_mediator: { from: ['choosing_mediator'], by: ['party'], rule: 'R-MED-06' },
  mediator_accept: { from: ['mediator_asked'], by: ['mediator'], rule: 'R-MED-06' },
  mediator_decline: { from: ['mediator_asked'], by: ['mediator'], rule: 'R-MED-06' },
  confirm_contract: { from: ['contract'], by: ['party', 'mediator'], rule: 'R-MED-20' },
  extend: { from: ['active'], by: ['mediator'], rule: 'R-MED-11' },
  end: { from: ['active'], by: ['mediator'], rule: 'R-MED-21' },
  terminate: { from: ['active'], by: ['mediator'], rule: 'R-MED-15' },
  withdraw: {
    from: ['invited', 'choosing_mediator', 'mediator_asked', 'contract', 'active'],
    by: ['party'],
    rule: 'R-MED-06',
  },
  expire_term: { from: ['active'], by: ['system'], rule: 'R-MED-11' },
  // The settlement agreement signed by every party and the mediator ends the mediation (R-MED-21).
  settle_by_agreement: { from: ['active'], by: ['system'], rule: 'R-MED-21' },
  // A court approved the signed agreement: the court case ends with it (R-CPC-04).
  court_approve: { from: ['settled'], by: ['system'], rule: 'R-CPC-04' },
};

/** The one move out of a closed status (see CLOSED_STATUSES). */
export const AFTER_CLOSING: readonly CaseActionType[] = ['court_approve'];

export type Refusal = {
  ok: false;
  /** Stable error code; the server answers with it as problem+json. */
  code:
    | 'case_action_not_allowed'
    | 'case_actor_not_allowed'
    | 'screening_required'
    | 'already_answered'
    | 'mediator_excluded'
    | 'extension_too_long'
    | 'already_confirmed';
  status: CaseStatus;
  rule: string;
};
export type Decision =
  | { ok: true; facts: CaseFacts; from: CaseStatus; to: CaseStatus; rule: string }
  | Refusal;

const refuse = (facts: CaseFacts, code: Refusal['code'], rule: string): Refusal => ({
  ok: false,
  code,
  status: facts.status,
  rule,
});

const withParty = (facts: CaseFacts, partyId: string, change: Partial<PartyFacts>): CaseFacts => ({
  ...facts,
  parties: facts.parties.map((p) => (p.id === partyId ? { ...p, ...change } : p)),
});

/** Everyone chose the same mediator: the case asks them (R-MED-06 — a mediator of the parties' choice). */
const agreedMediator = (facts: CaseFacts): string | null => {
  const choices = new Set(facts.parties.map((p) => p.mediatorChoice));
  const [only] = [...choices];
  return choices.size === 1 && only ? only : null;
};

const allConfirmed = (facts: CaseFacts) =>
  facts.mediatorConfirmedContract && facts.parties.every((p) => p.contractConfirmed);

/** The facts after the action, before the status check: each action's own effect and guards. */
const apply = (facts: CaseFacts, actor: Actor, action: CaseAction, rule: string): CaseFacts | Refusal => {
  const party = actor.kind === 'party' ? facts.parties.find((p) => p.id === actor.partyId) : undefined;
  switch (action.type) {
    case 'submit': {
      if (party?.side !== 'initiator') return refuse(facts, 'case_actor_not_allowed', rule);
      if (facts.screeningRequired && !party.screened) return refuse(facts, 'screening_required', 'R-FAM-02');
      return { ...facts, status: 'invited' };
    }
    case 'record_screening':
      if (!party || party.consent === 'declined') return refuse(facts, 'case_actor_not_allowed', rule);
      return withParty(facts, party.id, { screened: true });
    case 'accept_invitation': {
      if (!party) return refuse(facts, 'case_actor_not_allowed', rule);
      if (party.consent !== 'pending') return refuse(facts, 'already_answered', rule);
      if (facts.screeningRequired && !party.screened) return refuse(facts, 'screening_required', 'R-FAM-02');
      const next = withParty(facts, party.id, { consent: 'accepted' });
      const everyone = next.parties.every((p) => p.consent === 'accepted');
      return everyone ? { ...next, status: 'choosing_mediator' } : next;
    }
    case 'decline_invitation':
      if (!party) return refuse(facts, 'case_actor_not_allowed', rule);
      if (party.consent !== 'pending') return refuse(facts, 'already_answered', rule);
      return { ...withParty(facts, party.id, { consent: 'declined' }), status: 'declined' };
    case 'expire_invitation':
      return { ...facts, status: 'declined' };
    case 'choose_mediator': {
      if (!party) return refuse(facts, 'case_actor_not_allowed', rule);
      if (facts.excludedMediators.includes(action.mediatorId))
        return refuse(facts, 'mediator_excluded', rule);
      const next = withParty(facts, party.id, { mediatorChoice: action.mediatorId });
      const agreed = agreedMediator(next);
      return agreed ? { ...next, status: 'mediator_asked', mediatorId: agreed } : next;
    }
    case 'mediator_accept':
    case 'mediator_decline': {
      if (actor.kind !== 'mediator' || actor.mediatorId !== facts.mediatorId)
        return refuse(facts, 'case_actor_not_allowed', rule);
      if (action.type === 'mediator_accept') return { ...facts, status: 'contract' };
      // Declined (or a declared conflict): the parties choose again, without this mediator.
      return {
        ...facts,
        status: 'choosing_mediator',
        mediatorId: null,
        excludedMediators: [...facts.excludedMediators, actor.mediatorId],
        parties: facts.parties.map((p) => ({ ...p, mediatorChoice: null })),
      };
    }
    case 'confirm_contract': {
      let next: CaseFacts;
      if (actor.kind === 'mediator') {
        if (actor.mediatorId !== facts.mediatorId) return refuse(facts, 'case_actor_not_allowed', rule);
        if (facts.mediatorConfirmedContract) return refuse(facts, 'already_confirmed', rule);
        next = { ...facts, mediatorConfirmedContract: true };
      } else {
        if (!party) return refuse(facts, 'case_actor_not_allowed', rule);
        if (party.contractConfirmed) return refuse(facts, 'already_confirmed', rule);
        next = withParty(facts, party.id, { contractConfirmed: true });
      }
      // R-MED-07: mediation starts on the day the contract is concluded by everyone.
      return allConfirmed(next) ? { ...next, status: 'active' } : next;
    }
    case 'extend':
      if (actor.kind !== 'mediator' || actor.mediatorId !== facts.mediatorId)
        return refuse(facts, 'case_actor_not_allowed', rule);
      if (
        !Number.isInteger(action.days) ||
        action.days < 1 ||
        facts.extensionDays + action.days > MAX_EXTENSION_DAYS
      )
        return refuse(facts, 'extension_too_long', rule);
      return { ...facts, extensionDays: facts.extensionDays + action.days };
    case 'end':
    case 'terminate':
      if (actor.kind !== 'mediator' || actor.mediatorId !== facts.mediatorId)
        return refuse(facts, 'case_actor_not_allowed', rule);
      return { ...facts, status: action.type === 'end' ? action.outcome : 'terminated' };
    case 'withdraw':
      // Voluntariness (R-MED-06): any party who has not declined may leave at any time.
      if (!party || party.consent === 'declined') return refuse(facts, 'case_actor_not_allowed', rule);
      return { ...facts, status: 'withdrawn' };
    case 'expire_term':
      return { ...facts, status: 'term_expired' };
    case 'settle_by_agreement':
      return { ...facts, status: 'settled' };
    case 'court_approve':
      return { ...facts, status: 'approved_by_court' };
  }
};

/** May this actor take this action now? If so, the facts afterwards. */
export const decide = (facts: CaseFacts, actor: Actor, action: CaseAction): Decision => {
  const transition = CASE_TRANSITIONS[action.type];
  if (!transition.from.includes(facts.status))
    return refuse(facts, 'case_action_not_allowed', transition.rule);
  if (!transition.by.includes(actor.kind)) return refuse(facts, 'case_actor_not_allowed', transition.rule);
  const result = apply(facts, actor, action, transition.rule);
  if ('ok' in result) return result;
  return { ok: true, facts: result, from: facts.status, to: result.status, rule: transition.rule };
};

// Sample arguments for actions that take one, so `availableActions` can ask `decide` about them.
const PROBES: Record<CaseActionType, CaseAction> = {
  submit: { type: 'submit' },
  record_screening: { type: 'record_screening' },
  accept_invitation: { type: 'accept_invitation' },
  decline_invitation: { type: 'decline_invitation' },
  expire_invitation: { type: 'expire_invitation' },
  choose_mediator: { type: 'choose_mediator', mediatorId: '' },
  mediator_accept: { type: 'mediator_accept' },
  mediator_decline: { type: 'mediator_decline' },
  confirm_contract: { type: 'confirm_contract' },
  extend: { type: 'extend', days: 1 },
  end: { type: 'end', outcome: 'settled' },
  terminate: { type: 'terminate', reason: 'futile' },
  withdraw: { type: 'withdraw' },
  expire_term: { type: 'expire_term' },
  settle_by_agreement: { type: 'settle_by_agreement' },
  court_approve: { type: 'court_approve' },
};

/**
 * What this actor can do now (for the web app's buttons). Screening-gated actions are offered
 * when screening is the only thing missing, so the page can lead the party through it.
 */
export const availableActions = (facts: CaseFacts, actor: Actor): CaseActionType[] =>
  (Object.keys(PROBES) as CaseActionType[]).filter((type) => {
    const decision = decide(facts, actor, PROBES[type]);
    return decision.ok || decision.code === 'screening_required';
  });

/** What the case waits for now, and from whom (a party's id, 'mediator', or nobody). */
export type WaitingCode =
  | 'initiator_submit'
  | 'reply'
  | 'mediator_choice'
  | 'mediator_answer'
  | 'contract_confirmation'
  | 'mediator_contract'
  | 'mediation'
  | 'nothing';
export type Waiting = { code: WaitingCode; partyIds: string[] };

export const waitingFor = (facts: CaseFacts): Waiting => {
  const parties = (test: (p: PartyFacts) => boolean) => facts.parties.filter(test).map((p) => p.id);
  switch (facts.status) {
    case 'draft':
      return { code: 'initiator_submit', partyIds: parties((p) => p.side === 'initiator') };
    case 'invited':
      return { code: 'reply', partyIds: parties((p) => p.consent === 'pending') };
    case 'choosing_mediator': {
      // Nobody has chosen yet, or the choices differ: every party still has to agree on one.
      const undecided = parties((p) => p.mediatorChoice === null);
      const differ = new Set(facts.parties.map((p) => p.mediatorChoice).filter(Boolean)).size > 1;
      return {
        code: 'mediator_choice',
        partyIds: undecided.length && !differ ? undecided : parties(() => true),
      };
    }
    case 'mediator_asked':
      return { code: 'mediator_answer', partyIds: [] };
    case 'contract': {
      const unconfirmed = parties((p) => !p.contractConfirmed);
      return unconfirmed.length
        ? { code: 'contract_confirmation', partyIds: unconfirmed }
        : { code: 'mediator_contract', partyIds: [] };
    }
    case 'active':
      return { code: 'mediation', partyIds: [] };
    default:
      return { code: 'nothing', partyIds: [] };
  }
};
