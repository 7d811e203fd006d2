import { describe, expect, it } from 'vitest';
import { CIVIL_PROCEDURE, FEE_REFUND_PERCENT, MRP_KZT_BY_YEAR, mrpFor } from './civil-procedure.ts';
import { ART_68_2_STATUSES, CRIMINAL_LAW, GRAVITIES, GRAVITY_TABLE } from './criminal-law.ts';
import { citation, isRuleId, LAW_RULES, needsVerification, ruleById } from './index.ts';
import { MEDIATION_LAW } from './mediation-law.ts';
import { CONCILIATION_COMMISSION, LABOUR_EMPLOYERS, SECTORAL_LAW } from './sectoral.ts';

// The law tables are what a legal administrator reads and what every "why" shows: each rule of
// DOMAIN.md §3 that the code relies on is here, in three languages, with a source and a confidence.

const EXPECTED = {
  mediation: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 20, 21].map(
    (n) => `R-MED-${String(n).padStart(2, '0')}`,
  ),
  civil: ['R-CPC-01', 'R-CPC-02', 'R-CPC-03', 'R-CPC-04', 'R-CPC-06', 'R-CPC-07', 'R-CPC-08'],
  criminal: ['R-CRIM-01', 'R-CRIM-02', 'R-CRIM-03', 'R-CRIM-04'],
  sectoral: ['R-LAB-01', 'R-FAM-01', 'R-FAM-02', 'R-ADM-01'],
};

// Confidence as DOMAIN.md gives it (a range is kept at its lower end).
const CONFIDENCE: Record<string, 'H' | 'M' | 'L'> = {
  'R-MED-03': 'M',
  'R-MED-04': 'M',
  'R-MED-11': 'M',
  'R-MED-12': 'M',
  'R-MED-16': 'M',
  'R-MED-17': 'M',
  'R-MED-20': 'M',
  'R-MED-21': 'M',
  'R-CPC-04': 'M',
  'R-CPC-06': 'M',
  'R-CPC-07': 'M',
  'R-CRIM-03': 'L',
  'R-CRIM-04': 'M',
};

const KAZAKH_LETTERS = /[әғқңөұүһі]/i;

describe('law tables', () => {
  it.each([
    ['Law on Mediation', MEDIATION_LAW, EXPECTED.mediation],
    ['Civil Procedure Code', CIVIL_PROCEDURE, EXPECTED.civil],
    ['Criminal Code', CRIMINAL_LAW, EXPECTED.criminal],
    ['labour, family, administrative', SECTORAL_LAW, EXPECTED.sectoral],
  ] as const)('%s holds exactly its rules, each under its own id', (_name, table, ids) => {
    expect(Object.keys(table).sort()).toEqual([...ids].sort());
    for (const [key, rule] of Object.entries(table)) expect(rule.id).toBe(key);
  });

  it.each(Object.values(LAW_RULES).map((rule) => [rule.id, rule] as const))(
    '%s reads in Kazakh, Russian and English, with a source, confidence and date',
    (id, rule) => {
      expect(rule.text.kk.length, id).toBeGreaterThan(30);
      expect(rule.text.ru.length, id).toBeGreaterThan(30);
      expect(rule.text.en.length, id).toBeGreaterThan(30);
      // The Kazakh text is Kazakh, not the Russian one copied over.
      expect(rule.text.kk, id).toMatch(KAZAKH_LETTERS);
      expect(rule.text.kk).not.toBe(rule.text.ru);
      expect(rule.source.length).toBeGreaterThan(5);
      expect(rule.confidence).toBe(CONFIDENCE[id] ?? (id === 'R-MED-05' ? 'M' : 'H'));
      expect(rule.validFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Number.isNaN(Date.parse(rule.validFrom))).toBe(false);
    },
  );

  it('keeps the figures a rule quotes in its text in step with the data', () => {
    expect(LAW_RULES['R-MED-10'].text.en).toContain('10 calendar days');
    expect(LAW_RULES['R-MED-11'].text.en).toMatch(/30 calendar days.*30 more days/);
    expect(LAW_RULES['R-CPC-02'].text.en).toContain('10 working days');
    expect(LAW_RULES['R-CPC-07'].text.en).toMatch(/1%.*3%/);
    expect(LAW_RULES['R-CPC-06'].text.en).toContain('50%');
    expect(FEE_REFUND_PERCENT.cassation).toBe(50);
    expect(GRAVITY_TABLE.minor.maxYears).toBe(2);
    expect(GRAVITY_TABLE.medium.maxYears).toBe(5);
    expect(GRAVITY_TABLE.grave.maxYears).toBe(12);
    for (const years of [2, 5, 12]) expect(LAW_RULES['R-CRIM-04'].text.en).toContain(`${years} year`);
  });
});

describe('lookup', () => {
  it('finds every rule by id and nothing else', () => {
    expect(Object.keys(LAW_RULES)).toHaveLength(
      EXPECTED.mediation.length + EXPECTED.civil.length + EXPECTED.criminal.length + EXPECTED.sectoral.length,
    );
    expect(ruleById('R-CRIM-02')?.source).toContain('Art. 68(2)');
    expect(ruleById('R-MED-19')).toBeUndefined();
    expect(ruleById('toString')).toBeUndefined();
    expect(isRuleId('R-LAB-01')).toBe(true);
  });

  it('asks administrators to verify M and L rules only', () => {
    expect(needsVerification(LAW_RULES['R-CRIM-03'])).toBe(true);
    expect(needsVerification(LAW_RULES['R-MED-11'])).toBe(true);
    expect(needsVerification(LAW_RULES['R-CRIM-01'])).toBe(false);
    expect(citation('R-CRIM-03')).toMatchObject({ id: 'R-CRIM-03', confidence: 'L', verify: true });
  });
});

describe('data behind the rules', () => {
  it('orders gravities from lightest and lets only grave crimes use Art. 68(2)', () => {
    expect(GRAVITIES).toEqual(['misdemeanour', 'minor', 'medium', 'grave', 'especially_grave']);
    expect(GRAVITIES.filter((g) => GRAVITY_TABLE[g].reconciliation === 'art_68_2')).toEqual(['grave']);
    expect(ART_68_2_STATUSES).toHaveLength(6);
  });

  it('sends a worker of an ordinary employer to the conciliation commission, and no exempt one', () => {
    expect(LABOUR_EMPLOYERS.filter((e) => CONCILIATION_COMMISSION[e] === 'required')).toEqual(['ordinary']);
    expect(CONCILIATION_COMMISSION.unknown).toBe('unknown');
  });

  it('keeps the MRP per year and falls back to the latest known year', () => {
    expect(MRP_KZT_BY_YEAR[2025]).toBe(3932);
    expect(mrpFor(2026)).toEqual({ year: 2026, kzt: 4325 });
    expect(mrpFor(2040)).toEqual({ year: 2026, kzt: 4325 });
    expect(mrpFor(2000).year).toBe(2023);
  });
});
