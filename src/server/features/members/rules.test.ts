import { describe, expect, it } from 'vitest';
import { INTERPRETER_STATUSES, memberIinProblem, REPRESENTATIVE_STATUSES } from './rules.ts';

describe('who may be added to a mediation (R-MED-15, R-MED-06)', () => {
  it('R-MED-15: refuses naming yourself', () => {
    expect(memberIinProblem('900515300011', { self: '900515300011', others: [] })).toBe('member_self');
  });

  it('R-MED-06: refuses someone already in the case in another place', () => {
    const people = { self: '111', others: ['222', null, '333'] };
    expect(memberIinProblem('333', people)).toBe('member_is_participant');
    expect(memberIinProblem('444', people)).toBeNull();
  });

  it('R-MED-07: an interpreter joins a running mediation only; a representative changes until the end', () => {
    expect(INTERPRETER_STATUSES).toEqual(['active']);
    expect(REPRESENTATIVE_STATUSES).toContain('active');
    expect(REPRESENTATIVE_STATUSES).not.toContain('draft');
    expect(REPRESENTATIVE_STATUSES).not.toContain('settled');
  });
});
