import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { type ExplorerAnswers, exploreDispute } from '../../../core/cases/explorer.ts';

// The public explorer API: anyone may ask, answers are checked by the same rules the page uses,
// and the result is the core engine's, rule ids and citations included.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const ask = (payload: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/explorer', payload, headers });

const mediumCrime = {
  category: 'criminal',
  criminal: { gravity: 'medium', deathCaused: false },
  court: { inCourt: false },
  thirdPartiesAffected: false,
  partyLacksCapacity: false,
};

describe('POST /api/explorer', () => {
  it('answers a visitor without a session, citing the rules that decided', async () => {
    const response = await ask(mediumCrime);
    expect(response.statusCode).toBe(200);
    const result = response.json();
    expect(result.verdict).toBe('yes');
    expect(result.requestCategory).toBe('criminal');
    expect(result.findings.map((f: { rule: string }) => f.rule)).toContain('R-CRIM-01');
    const crim = result.rules.find((rule: { id: string }) => rule.id === 'R-CRIM-01');
    expect(crim.source).toContain('Art. 68(1)');
    expect(crim.text.kk.length).toBeGreaterThan(20);
    expect(crim.verify).toBe(false);
    // M-confidence rules carry the administrators' flag in the data.
    expect(result.rules.find((rule: { id: string }) => rule.id === 'R-MED-11').verify).toBe(true);
  });

  it('gives the same answer as the engine the browser runs (MRP of the server clock’s year)', async () => {
    const body: ExplorerAnswers = {
      category: 'family',
      familyTopics: ['divorce'],
      court: { inCourt: true, proceeding: 'claim', stage: 'claim_acceptance' },
      thirdPartiesAffected: false,
      partyLacksCapacity: false,
    };
    const response = await ask(body);
    expect(response.statusCode).toBe(200);
    // The test clock stands in November 2026.
    expect(response.json()).toEqual(exploreDispute(body, { year: 2026 }));
    expect(response.json().cost.stateFee).toMatchObject({ kind: 'non_property', mrpYear: 2026 });
    expect(response.json().duration.acceptanceWorkingDays).toBe(10);
  });

  it('rules out a grave repeat offence and lists the alternatives', async () => {
    const response = await ask({
      ...mediumCrime,
      criminal: {
        gravity: 'grave',
        deathCaused: false,
        graveHarm: false,
        firstOffence: false,
        offenderStatus: 'minor',
      },
    });
    expect(response.statusCode).toBe(200);
    const result = response.json();
    expect(result.verdict).toBe('no');
    expect(result.findings).toEqual([{ code: 'art_68_2_repeat', rule: 'R-CRIM-02', effect: 'excludes' }]);
    expect(result.alternatives.map((a: { code: string }) => a.code)).toEqual([
      'criminal_trial',
      'voluntary_redress',
      'lawyer',
    ]);
    expect(result.requestCategory).toBeNull();
  });

  it('refuses incomplete answers with a field error per missing question, in the caller’s language', async () => {
    const response = await ask(
      {
        category: 'criminal',
        criminal: { gravity: 'grave', deathCaused: false },
        court: { inCourt: true, proceeding: 'claim' },
        thirdPartiesAffected: false,
      },
      { 'accept-language': 'ru' },
    );
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const problem = response.json();
    expect(problem.code).toBe('validation_failed');
    const fields = Object.fromEntries(
      problem.errors.map((e: { field: string; code: string }) => [e.field, e.code]),
    );
    expect(fields).toMatchObject({ partyLacksCapacity: 'required' });
    // The cross-field rules run only on well-typed answers; fix the type error and they speak.
    const second = await ask(
      {
        category: 'criminal',
        criminal: { gravity: 'grave', deathCaused: false },
        court: { inCourt: true, proceeding: 'claim' },
        thirdPartiesAffected: false,
        partyLacksCapacity: false,
      },
      { 'accept-language': 'ru' },
    );
    expect(second.statusCode).toBe(400);
    const errors = second.json().errors as { field: string; code: string; detail: string }[];
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ['criminal.graveHarm', 'required'],
      ['criminal.firstOffence', 'required'],
      ['criminal.offenderStatus', 'required'],
      ['court.proceeding', 'invalid_value'],
    ]);
    expect(errors[3]?.detail).toMatch(/[а-я]/);
  });

  it('refuses values that are not on offer', async () => {
    const response = await ask({ ...mediumCrime, category: 'piracy', claim: { amountKzt: 12.5 } });
    expect(response.statusCode).toBe(400);
    const fields = response.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['category', 'claim.amountKzt']));
  });
});
