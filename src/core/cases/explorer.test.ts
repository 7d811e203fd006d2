import { describe, expect, it } from 'vitest';
import { LAW_RULES, type RuleId } from '../law/index.ts';
import { DISPUTE_CATEGORIES, type DisputeCategory } from '../registry/reference.ts';
import type { CourtStage, ProceedingType } from './court.ts';
import {
  answerProblems,
  type CriminalAnswers,
  type ExplorerAnswers,
  type ExplorerResult,
  exploreDispute,
  kazakhstanYear,
  PROCEEDINGS_BY_CATEGORY,
  STAGES_BY_PROCEEDING,
} from './explorer.ts';

// The explorer as a visitor meets it: for each rule, answers that make it fire (it is cited in the
// result and changes what the visitor reads) and, where meaningful, answers that do not.

const YEAR = { year: 2026 };
const plain: ExplorerAnswers = {
  category: 'civil',
  court: { inCourt: false },
  thirdPartiesAffected: false,
  partyLacksCapacity: false,
};
const with_ = (overrides: Partial<ExplorerAnswers>): ExplorerAnswers => ({ ...plain, ...overrides });
const crime = (criminal: Partial<CriminalAnswers>, overrides: Partial<ExplorerAnswers> = {}) =>
  with_({
    category: 'criminal',
    criminal: { gravity: 'minor', deathCaused: false, exclusions: [], ...criminal },
    ...overrides,
  });
const court = (
  proceeding: ProceedingType,
  stage: CourtStage = 'first_instance',
  category: DisputeCategory = 'civil',
) => with_({ category, court: { inCourt: true, proceeding, stage } });
const grave = (criminal: Partial<CriminalAnswers> = {}) =>
  crime({
    gravity: 'grave',
    firstOffence: true,
    graveHarm: false,
    offenderStatus: 'minor',
    ...criminal,
  });

const explore = (answers: ExplorerAnswers) => exploreDispute(answers, YEAR);
const ruleIds = (result: ExplorerResult) => result.rules.map((rule) => rule.id);
const codes = (result: ExplorerResult) => result.findings.map((finding) => finding.code);
const stepCodes = (result: ExplorerResult) => result.steps.map((step) => step.code);
const alternativeCodes = (result: ExplorerResult) => result.alternatives.map((a) => a.code);

type Row = {
  rule: RuleId;
  case: string;
  answers: ExplorerAnswers;
  fires: boolean;
  /** What else the visitor sees because of it. */
  check?: (result: ExplorerResult) => void;
};

const ROWS: Row[] = [
  // --- Law on Mediation -----------------------------------------------------------------------
  { rule: 'R-MED-01', case: 'a civil dispute is in scope', answers: plain, fires: true },
  {
    rule: 'R-MED-01',
    case: 'a criminal case is judged under R-MED-02 instead',
    answers: crime({}),
    fires: false,
  },
  {
    rule: 'R-MED-02',
    case: 'a minor crime',
    answers: crime({ gravity: 'minor' }),
    fires: true,
    check: (r) => expect(r.framework).toBe('criminal_law'),
  },
  {
    rule: 'R-MED-02',
    case: 'enforcement proceedings',
    answers: court('enforcement', 'first_instance', 'family'),
    fires: true,
    check: (r) => {
      expect(r.framework).toBe('enforcement');
      expect(stepCodes(r)).toContain('tell_enforcement_officer');
    },
  },
  {
    rule: 'R-MED-02',
    case: 'an especially grave crime is outside its list',
    answers: crime({ gravity: 'especially_grave' }),
    fires: true,
    check: (r) => {
      expect(r.verdict).toBe('no');
      expect(codes(r)).toContain('criminal_especially_grave');
    },
  },
  { rule: 'R-MED-02', case: 'a civil dispute out of court', answers: plain, fires: false },
  {
    rule: 'R-MED-03',
    case: 'people affected who will not take part',
    answers: with_({ thirdPartiesAffected: true }),
    fires: true,
    check: (r) => {
      expect(r.verdict).toBe('no');
      expect(alternativeCodes(r)).toEqual(['involve_everyone', 'court']);
    },
  },
  {
    rule: 'R-MED-03',
    case: 'a party declared incapable',
    answers: with_({ partyLacksCapacity: true }),
    fires: true,
    check: (r) => {
      expect(r.verdict).toBe('no');
      expect(codes(r)).toEqual(['incapacity']);
      expect(alternativeCodes(r)).toEqual(['representative_in_court']);
    },
  },
  { rule: 'R-MED-03', case: 'only the parties are concerned', answers: plain, fires: false },
  {
    rule: 'R-MED-04',
    case: 'a corruption crime',
    answers: crime({ gravity: 'minor', exclusions: ['corruption'] }),
    fires: true,
    check: (r) => {
      expect(r.verdict).toBe('no');
      expect(alternativeCodes(r)).toEqual(['criminal_trial', 'voluntary_redress', 'lawyer']);
    },
  },
  {
    rule: 'R-MED-04',
    case: 'a crime against public service',
    answers: crime({ exclusions: ['public_service'] }),
    fires: true,
    check: (r) => expect(r.verdict).toBe('no'),
  },
  { rule: 'R-MED-04', case: 'an ordinary minor crime', answers: crime({}), fires: false },
  {
    rule: 'R-MED-05',
    case: 'a dispute with a state body',
    answers: with_({ category: 'administrative', discretion: 'yes' }),
    fires: true,
    check: (r) => {
      expect(r.framework).toBe('administrative_procedure');
      expect(stepCodes(r)).toContain('ask_body');
    },
  },
  { rule: 'R-MED-05', case: 'a dispute between private persons', answers: plain, fires: false },
  {
    rule: 'R-MED-07',
    case: 'a possible mediation needs consent and a contract',
    answers: plain,
    fires: true,
    check: (r) => expect(stepCodes(r)).toContain('sign_contract'),
  },
  {
    rule: 'R-MED-07',
    case: 'no next steps when ruled out',
    answers: with_({ thirdPartiesAffected: true }),
    fires: false,
  },
  { rule: 'R-MED-08', case: 'a civil dispute before court', answers: plain, fires: true },
  { rule: 'R-MED-08', case: 'a criminal case', answers: crime({}), fires: false },
  {
    rule: 'R-MED-09',
    case: 'mediation is voluntary; the court may propose it',
    answers: court('claim'),
    fires: true,
    check: (r) => expect(stepCodes(r)).toContain('tell_court'),
  },
  {
    rule: 'R-MED-09',
    case: 'the prosecution body may propose reconciliation',
    answers: crime({}),
    fires: true,
    check: (r) => expect(stepCodes(r)).toContain('tell_prosecutor'),
  },
  { rule: 'R-MED-09', case: 'ruled out', answers: with_({ partyLacksCapacity: true }), fires: false },
  {
    rule: 'R-MED-10',
    case: 'the 10-day reply window',
    answers: plain,
    fires: true,
    check: (r) => {
      expect(r.duration?.replyDays).toBe(10);
      expect(r.steps.find((s) => s.code === 'propose')?.params).toEqual({ days: 10 });
    },
  },
  { rule: 'R-MED-10', case: 'ruled out', answers: crime({ gravity: 'especially_grave' }), fires: false },
  {
    rule: 'R-MED-11',
    case: 'out of court: 30 days, extendable by 30',
    answers: plain,
    fires: true,
    check: (r) => {
      expect(r.duration).toMatchObject({ mediationDays: 30, extensionDays: 30, procedural: false });
      expect(stepCodes(r)).toContain('sessions');
    },
  },
  {
    rule: 'R-MED-11',
    case: 'in court: within the procedural terms',
    answers: court('claim'),
    fires: true,
    check: (r) => {
      expect(r.duration).toMatchObject({ mediationDays: null, extensionDays: null, procedural: true });
      expect(stepCodes(r)).toContain('sessions_procedural');
    },
  },
  { rule: 'R-MED-11', case: 'ruled out', answers: with_({ thirdPartiesAffected: true }), fires: false },
  {
    rule: 'R-MED-14',
    case: 'a public mediator is free',
    answers: plain,
    fires: true,
    check: (r) => expect(r.cost?.publicMediatorKzt).toBe(0),
  },
  { rule: 'R-MED-14', case: 'ruled out', answers: with_({ thirdPartiesAffected: true }), fires: false },
  {
    rule: 'R-MED-18',
    case: 'a professional mediator’s fee is agreed',
    answers: plain,
    fires: true,
    check: (r) => expect(r.cost?.professionalFee).toBe('by_agreement'),
  },
  { rule: 'R-MED-18', case: 'ruled out', answers: with_({ thirdPartiesAffected: true }), fires: false },
  {
    rule: 'R-MED-21',
    case: 'the settlement agreement; a court can approve it for enforcement',
    answers: plain,
    fires: true,
    check: (r) =>
      expect(stepCodes(r)).toEqual(expect.arrayContaining(['settlement', 'court_approval_optional'])),
  },
  { rule: 'R-MED-21', case: 'ruled out', answers: with_({ thirdPartiesAffected: true }), fires: false },

  // --- Civil Procedure Code -------------------------------------------------------------------
  {
    rule: 'R-CPC-01',
    case: 'claim proceedings in cassation',
    answers: court('claim', 'cassation'),
    fires: true,
    check: (r) => {
      expect(r.verdict).toBe('yes');
      expect(r.framework).toBe('civil_procedure');
    },
  },
  { rule: 'R-CPC-01', case: 'not in court', answers: plain, fires: false },
  {
    rule: 'R-CPC-02',
    case: 'court-order proceedings',
    answers: court('court_order'),
    fires: true,
    check: (r) => {
      expect(r.verdict).toBe('no');
      expect(alternativeCodes(r)).toEqual(['court_order_objection']);
    },
  },
  {
    rule: 'R-CPC-02',
    case: 'special proceedings',
    answers: court('special'),
    fires: true,
    check: (r) => expect(r.verdict).toBe('no'),
  },
  {
    rule: 'R-CPC-02',
    case: 'special-claim proceedings',
    answers: court('special_claim'),
    fires: true,
    check: (r) => expect(r.verdict).toBe('no'),
  },
  {
    rule: 'R-CPC-02',
    case: 'conciliation while the claim is being accepted: 10 working days',
    answers: court('claim', 'claim_acceptance'),
    fires: true,
    check: (r) => {
      expect(r.verdict).toBe('yes');
      expect(r.duration?.acceptanceWorkingDays).toBe(10);
      expect(r.findings.find((f) => f.code === 'claim_acceptance')?.params).toEqual({ workingDays: 10 });
    },
  },
  { rule: 'R-CPC-02', case: 'claim proceedings at first instance', answers: court('claim'), fires: false },
  {
    rule: 'R-CPC-04',
    case: 'court approval ends the case',
    answers: court('claim', 'appeal'),
    fires: true,
    check: (r) => expect(stepCodes(r)).toContain('court_approval'),
  },
  { rule: 'R-CPC-04', case: 'not in court', answers: plain, fires: false },
  {
    rule: 'R-CPC-06',
    case: 'first instance: the whole fee comes back',
    answers: { ...court('claim'), claim: { amountKzt: 2_000_000, claimant: 'individual' } },
    fires: true,
    check: (r) => expect(r.cost?.refund).toEqual({ percent: 100, instance: 'first', refundKzt: 20_000 }),
  },
  {
    rule: 'R-CPC-06',
    case: 'cassation: half of the cassation fee',
    answers: { ...court('claim', 'cassation'), claim: { amountKzt: 2_000_000, claimant: 'individual' } },
    fires: true,
    check: (r) => expect(r.cost?.refund).toEqual({ percent: 50, instance: 'cassation', refundKzt: null }),
  },
  {
    rule: 'R-CPC-06',
    case: 'not in court yet: nothing to refund',
    answers: with_({ claim: { amountKzt: 2_000_000, claimant: 'individual' } }),
    fires: false,
  },
  {
    rule: 'R-CPC-07',
    case: 'an individual pays 1% of the claim',
    answers: with_({ claim: { amountKzt: 1_234_567, claimant: 'individual' } }),
    fires: true,
    check: (r) =>
      expect(r.cost?.stateFee).toEqual({
        kind: 'property',
        claimant: 'individual',
        percent: 1,
        amountKzt: 1_234_567,
        feeKzt: 12_346,
      }),
  },
  {
    rule: 'R-CPC-07',
    case: 'a legal entity pays 3% of the claim',
    answers: with_({ category: 'commercial', claim: { amountKzt: 10_000_000, claimant: 'legal_entity' } }),
    fires: true,
    check: (r) => expect(r.cost?.stateFee).toMatchObject({ percent: 3, feeKzt: 300_000 }),
  },
  {
    rule: 'R-CPC-07',
    case: 'a divorce is a non-property claim priced in MRP of the year',
    answers: with_({ category: 'family', familyTopics: ['divorce', 'contact'] }),
    fires: true,
    check: (r) =>
      expect(r.cost?.stateFee).toEqual({
        kind: 'non_property',
        claimant: 'individual',
        mrp: 0.5,
        mrpYear: 2026,
        mrpKzt: 4325,
        feeKzt: 2163,
      }),
  },
  {
    rule: 'R-CPC-07',
    case: 'a worker’s labour claim is exempt',
    answers: with_({ category: 'labour', labourEmployer: 'micro_enterprise' }),
    fires: true,
    check: (r) => expect(r.cost?.stateFee).toEqual({ kind: 'exempt', reason: 'labour_by_worker' }),
  },
  {
    rule: 'R-CPC-07',
    case: 'an alimony claim is exempt',
    answers: with_({ category: 'family', familyTopics: ['alimony'] }),
    fires: true,
    check: (r) => expect(r.cost?.stateFee).toEqual({ kind: 'exempt', reason: 'alimony' }),
  },
  {
    rule: 'R-CPC-07',
    case: 'no amount given: the rates',
    answers: plain,
    fires: true,
    check: (r) =>
      expect(r.cost?.stateFee).toEqual({ kind: 'rates', individualPercent: 1, legalEntityPercent: 3 }),
  },
  { rule: 'R-CPC-07', case: 'a criminal case has no claim fee', answers: crime({}), fires: false },
  {
    rule: 'R-CPC-08',
    case: 'a civil trial takes up to 2 months',
    answers: court('claim', 'preparation'),
    fires: true,
    check: (r) => expect(r.duration?.trialMonths).toBe(2),
  },
  {
    rule: 'R-CPC-08',
    case: 'an alimony trial takes up to 1 month',
    answers: { ...court('claim', 'first_instance', 'family'), familyTopics: ['alimony', 'contact'] },
    fires: true,
    check: (r) => expect(r.duration?.trialMonths).toBe(1),
  },
  { rule: 'R-CPC-08', case: 'on appeal the trial is over', answers: court('claim', 'appeal'), fires: false },

  // --- Criminal Code --------------------------------------------------------------------------
  {
    rule: 'R-CRIM-01',
    case: 'medium gravity, no death: release on reconciliation',
    answers: crime({ gravity: 'medium' }),
    fires: true,
    check: (r) => {
      expect(r.verdict).toBe('yes');
      expect(stepCodes(r)).toEqual(expect.arrayContaining(['make_good_harm', 'release_mandatory']));
    },
  },
  {
    rule: 'R-CRIM-01',
    case: 'medium gravity with a death: not under Art. 68(1)',
    answers: crime({ gravity: 'medium', deathCaused: true }),
    fires: true,
    check: (r) => {
      expect(r.verdict).toBe('no');
      expect(codes(r)).toEqual(['art_68_1_death']);
    },
  },
  { rule: 'R-CRIM-01', case: 'a grave crime is Art. 68(2)', answers: grave(), fires: false },
  {
    rule: 'R-CRIM-02',
    case: 'grave, first offence, by a minor, no death or grave harm: possible',
    answers: grave(),
    fires: true,
    check: (r) => {
      expect(r.verdict).toBe('yes_with_conditions');
      expect(codes(r)[0]).toBe('art_68_2_possible');
      expect(stepCodes(r)).toContain('release_discretionary');
    },
  },
  {
    rule: 'R-CRIM-02',
    case: 'grave, second offence',
    answers: grave({ firstOffence: false }),
    fires: true,
    check: (r) => {
      expect(r.verdict).toBe('no');
      expect(codes(r)).toEqual(['art_68_2_repeat']);
    },
  },
  {
    rule: 'R-CRIM-02',
    case: 'grave, with grave harm to health',
    answers: grave({ graveHarm: true }),
    fires: true,
    check: (r) => expect(codes(r)).toEqual(['art_68_2_harm']),
  },
  {
    rule: 'R-CRIM-02',
    case: 'grave, by a man of 40 (none of the listed persons)',
    answers: grave({ offenderStatus: 'none' }),
    fires: true,
    check: (r) => expect(codes(r)).toEqual(['art_68_2_status']),
  },
  { rule: 'R-CRIM-02', case: 'a minor crime is Art. 68(1)', answers: crime({}), fires: false },
  {
    rule: 'R-CRIM-03',
    case: 'an Art. 68(4) crime',
    answers: crime({ exclusions: ['art_68_4'] }),
    fires: true,
    check: (r) => {
      expect(r.verdict).toBe('no');
      expect(r.rules.find((rule) => rule.id === 'R-CRIM-03')?.verify).toBe(true);
    },
  },
  { rule: 'R-CRIM-03', case: 'an ordinary minor crime', answers: crime({}), fires: false },
  {
    rule: 'R-CRIM-04',
    case: 'the gravity category is explained with its limit',
    answers: crime({ gravity: 'medium' }),
    fires: true,
    check: (r) =>
      expect(r.findings.find((f) => f.code === 'gravity_medium')?.params).toEqual({ maxYears: 5 }),
  },
  { rule: 'R-CRIM-04', case: 'a civil dispute', answers: plain, fires: false },

  // --- Labour, family, administrative ---------------------------------------------------------
  {
    rule: 'R-LAB-01',
    case: 'an ordinary employer: the conciliation commission first, mediation alongside',
    answers: with_({ category: 'labour', labourEmployer: 'ordinary' }),
    fires: true,
    check: (r) => {
      expect(r.verdict).toBe('yes');
      expect(stepCodes(r)[0]).toBe('conciliation_commission');
    },
  },
  {
    rule: 'R-LAB-01',
    case: 'a domestic worker goes without the commission',
    answers: with_({ category: 'labour', labourEmployer: 'domestic_worker' }),
    fires: true,
    check: (r) => {
      expect(codes(r)).toContain('labour_commission_exempt');
      expect(stepCodes(r)).not.toContain('conciliation_commission');
    },
  },
  { rule: 'R-LAB-01', case: 'a civil dispute', answers: plain, fires: false },
  {
    rule: 'R-FAM-01',
    case: 'family mediation with alimony',
    answers: with_({ category: 'family', familyTopics: ['divorce', 'alimony'] }),
    fires: true,
    check: (r) => {
      expect(codes(r)).toEqual(expect.arrayContaining(['family_scope', 'alimony_agreement']));
      expect(stepCodes(r)).toContain('alimony_agreement');
    },
  },
  { rule: 'R-FAM-01', case: 'a civil dispute', answers: plain, fires: false },
  {
    rule: 'R-FAM-02',
    case: 'a family case starts with a private safety check',
    answers: with_({ category: 'family', familyTopics: ['child_residence'] }),
    fires: true,
    check: (r) => expect(stepCodes(r)[0]).toBe('safety_screening'),
  },
  {
    rule: 'R-FAM-02',
    case: 'a commercial dispute',
    answers: with_({ category: 'commercial' }),
    fires: false,
  },
  {
    rule: 'R-ADM-01',
    case: 'the body has discretion',
    answers: with_({ category: 'administrative', discretion: 'yes' }),
    fires: true,
    check: (r) => expect(r.verdict).toBe('yes'),
  },
  {
    rule: 'R-ADM-01',
    case: 'the body has no discretion',
    answers: with_({ category: 'administrative', discretion: 'no' }),
    fires: true,
    check: (r) => {
      expect(r.verdict).toBe('no');
      expect(alternativeCodes(r)).toEqual(['administrative_complaint', 'court']);
    },
  },
  {
    rule: 'R-ADM-01',
    case: 'the visitor does not know',
    answers: with_({ category: 'administrative', discretion: 'unknown' }),
    fires: true,
    check: (r) => expect(r.verdict).toBe('yes_with_conditions'),
  },
  {
    rule: 'R-ADM-01',
    case: 'in administrative proceedings',
    answers: { ...court('administrative', 'appeal', 'administrative'), discretion: 'yes' },
    fires: true,
    check: (r) => expect(codes(r)).toContain('court_administrative'),
  },
  { rule: 'R-ADM-01', case: 'a civil dispute', answers: plain, fires: false },
];

describe('the explorer, rule by rule', () => {
  it.each(ROWS.map((row) => [row.rule, row.fires ? 'fires' : 'does not fire', row.case, row] as const))(
    '%s %s: %s',
    (rule, _fires, _case, row) => {
      const result = explore(row.answers);
      if (row.fires) expect(ruleIds(result)).toContain(rule);
      else expect(ruleIds(result)).not.toContain(rule);
      row.check?.(result);
    },
  );

  it('has a firing row for every rule any row makes fire, and every cited rule exists', () => {
    const covered = new Set(ROWS.filter((row) => row.fires).map((row) => row.rule));
    const seen = new Set(ROWS.flatMap((row) => ruleIds(explore(row.answers))));
    expect([...seen].filter((id) => !covered.has(id))).toEqual([]);
    for (const id of seen) expect(LAW_RULES[id as RuleId], id).toBeDefined();
  });
});

describe('Art. 68 edge cases', () => {
  it.each([
    ['misdemeanour', crime({ gravity: 'misdemeanour' }), 'yes'],
    ['minor crime', crime({ gravity: 'minor' }), 'yes'],
    ['medium, no death', crime({ gravity: 'medium' }), 'yes'],
    ['medium with death (68(1) requires no death)', crime({ gravity: 'medium', deathCaused: true }), 'no'],
    [
      'medium with death by a minor (68(2) is for grave crimes)',
      crime({ gravity: 'medium', deathCaused: true, offenderStatus: 'minor' }),
      'no',
    ],
    ['grave, first offence, minor, no death', grave(), 'yes_with_conditions'],
    ['grave, first offence, woman of 58', grave({ offenderStatus: 'woman_58' }), 'yes_with_conditions'],
    [
      'grave, first offence, man raising children alone',
      grave({ offenderStatus: 'man_raising_children_alone' }),
      'yes_with_conditions',
    ],
    ['grave, second offence', grave({ firstOffence: false }), 'no'],
    ['grave, first offence, death', grave({ deathCaused: true }), 'no'],
    ['especially grave', crime({ gravity: 'especially_grave' }), 'no'],
    [
      'especially grave by a minor, first offence',
      crime({ gravity: 'especially_grave', firstOffence: true, offenderStatus: 'minor' }),
      'no',
    ],
    ['minor but corruption', crime({ gravity: 'minor', exclusions: ['corruption'] }), 'no'],
    ['grave 68(2) but against public service', grave({ exclusions: ['public_service'] }), 'no'],
  ] as const)('%s → %s', (_name, answers, verdict) => {
    const result = explore(answers);
    expect(result.verdict).toBe(verdict);
    expect(result.requestCategory).toBe(verdict === 'no' ? null : 'criminal');
  });

  it('an excluded case says only why not, and what to do instead', () => {
    const result = explore(grave({ firstOffence: false }));
    expect(result.findings.every((f) => f.effect === 'excludes')).toBe(true);
    expect(result.steps).toEqual([]);
    expect(result.duration).toBeNull();
    expect(result.cost).toBeNull();
    expect(alternativeCodes(result)).toEqual(['criminal_trial', 'voluntary_redress', 'lawyer']);
  });

  it('shows the decisive reason first', () => {
    const result = explore(crime({ gravity: 'medium', deathCaused: true }, { thirdPartiesAffected: true }));
    expect(result.findings.map((f) => f.effect)).toEqual(['excludes', 'excludes']);
    expect(codes(result)).toEqual(['third_parties', 'art_68_1_death']);
  });
});

describe('verification flags', () => {
  it('flags M and L rules for administrators and leaves H rules alone', () => {
    const result = explore({
      ...court('claim', 'claim_acceptance'),
      claim: { amountKzt: 100_000, claimant: 'individual' },
    });
    const flags = Object.fromEntries(result.rules.map((rule) => [rule.id, rule.verify]));
    expect(flags['R-CPC-01']).toBe(false); // H
    expect(flags['R-MED-11']).toBe(true); // M
    expect(flags['R-CPC-07']).toBe(true); // M
    for (const rule of result.rules) expect(rule.verify).toBe(rule.confidence !== 'H');
  });

  it('cites each rule once with its text in three languages and its source', () => {
    const result = explore(crime({ gravity: 'medium' }));
    const ids = ruleIds(result);
    expect(new Set(ids).size).toBe(ids.length);
    const cited = result.rules.find((rule) => rule.id === 'R-CRIM-01');
    expect(cited?.source).toContain('Art. 68(1)');
    expect(cited?.text.kk).toMatch(/татуласса/);
  });
});

describe('state fee year', () => {
  it('prices MRP fees with the latest MRP known when the year is not in the table yet', () => {
    const result = exploreDispute(with_({ category: 'family', familyTopics: ['divorce'] }), { year: 2031 });
    expect(result.cost?.stateFee).toMatchObject({ kind: 'non_property', mrpYear: 2026, mrpKzt: 4325 });
  });
});

describe('the whole answer space', () => {
  const courtOptions = (category: DisputeCategory) => [
    { inCourt: false },
    ...PROCEEDINGS_BY_CATEGORY[category].flatMap((proceeding) =>
      (STAGES_BY_PROCEEDING[proceeding] ?? [undefined]).map((stage) => ({
        inCourt: true,
        proceeding,
        stage,
      })),
    ),
  ];
  const all = DISPUTE_CATEGORIES.flatMap((category) =>
    courtOptions(category).flatMap((courtAnswer) =>
      [false, true].map((thirdPartiesAffected) =>
        with_({
          category,
          court: courtAnswer,
          thirdPartiesAffected,
          familyTopics: ['property'],
          labourEmployer: 'unknown',
          discretion: 'unknown',
          criminal: { gravity: 'minor', deathCaused: false, exclusions: [] },
        }),
      ),
    ),
  );

  it('always gives either next steps and a request category, or alternatives — never both', () => {
    for (const answers of all) {
      expect(answerProblems(answers), JSON.stringify(answers)).toEqual([]);
      const result = explore(answers);
      if (result.verdict === 'no') {
        expect(result.alternatives.length).toBeGreaterThan(0);
        expect(result.steps).toEqual([]);
        expect(result.requestCategory).toBeNull();
      } else {
        expect(result.alternatives).toEqual([]);
        expect(result.steps.length).toBeGreaterThan(0);
        expect(result.requestCategory).toBe(answers.category);
      }
      // Plain data: what the server sends is what the browser computes.
      expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    }
  });
});

describe('kazakhstanYear', () => {
  it('turns the year at midnight in Kazakhstan (UTC+5), not in UTC', () => {
    expect(kazakhstanYear(new Date('2025-12-31T18:59:59Z'))).toBe(2025);
    expect(kazakhstanYear(new Date('2025-12-31T19:00:00Z'))).toBe(2026);
  });
});
