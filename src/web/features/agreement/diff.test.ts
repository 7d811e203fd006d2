import { describe, expect, it } from 'vitest';
import type { AgreementTerms } from '../../../core/agreements/compose.ts';
import type { Obligation } from '../../../core/agreements/types.ts';
import { diffTerms, isEmptyDiff, rebaseTerms, sameTerms } from './diff.ts';

const obligation = (id: string, amountTiyn: number): Obligation => ({
  id,
  debtor: 'b',
  creditor: 'a',
  subject: { kind: 'money', amountTiyn },
  deadline: { kind: 'date', date: '2026-12-01' },
  method: { kind: 'cash_receipt' },
});

const base = (): AgreementTerms => ({
  languages: ['kk', 'ru'],
  layout: 'kk+ru',
  subject: { kk: 'Қарыз', ru: 'Долг' },
  place: { kk: 'Астана', ru: 'Астана' },
  parties: [{ id: 'a' }, { id: 'b' }],
  obligations: [obligation('o1', 100_00), obligation('o2', 200_00), obligation('o3', 300_00)],
  clauses: [
    { id: 'c1', text: { kk: 'Бірінші', ru: 'Первое' } },
    { id: 'c2', text: { kk: 'Екінші', ru: 'Второе' } },
  ],
});

describe('comparing two versions', () => {
  it('finds nothing between equal terms, whatever the key order or undefined fields', () => {
    const a = base();
    const b = { ...base(), legalCosts: undefined, layout: 'kk+ru' as const };
    expect(sameTerms(a, b)).toBe(true);
    expect(isEmptyDiff(diffTerms(a, b))).toBe(true);
  });

  it('matches obligations and clauses by id: added, removed, changed', () => {
    const older = base();
    const newer = base();
    newer.obligations = [obligation('o1', 100_00), obligation('o3', 350_00), obligation('o4', 50_00)];
    newer.clauses = [{ id: 'c2', text: { kk: 'Екінші', ru: 'Второе' } }];
    newer.legalCosts = { kind: 'borne_by', partyId: 'b' };
    const diff = diffTerms(older, newer);
    expect(diff.obligations.added.map((a) => [a.item.id, a.index])).toEqual([['o4', 2]]);
    expect(diff.obligations.removed.map((r) => [r.item.id, r.index])).toEqual([['o2', 1]]);
    expect(diff.obligations.changed.map((c) => [c.after.id, c.index])).toEqual([['o3', 1]]);
    expect(diff.clauses.removed.map((r) => r.item.id)).toEqual(['c1']);
    expect(diff.clauses.changed).toEqual([]);
    expect(diff.general).toEqual(['legalCosts']);
    expect(isEmptyDiff(diff)).toBe(false);
  });
});

describe('re-applying my edits on a version someone saved meanwhile', () => {
  it('merges edits to different parts without a conflict', () => {
    const mine = base();
    mine.obligations = mine.obligations.map((o) => (o.id === 'o1' ? obligation('o1', 150_00) : o));
    mine.obligations.push(obligation('o9', 10_00));
    mine.place = { kk: 'Алматы', ru: 'Алматы' };
    const latest = base();
    latest.obligations = latest.obligations.map((o) => (o.id === 'o2' ? obligation('o2', 250_00) : o));
    latest.clauses = [...latest.clauses, { id: 'c3', text: { kk: 'Үшінші', ru: 'Третье' } }];
    const { terms, conflicts } = rebaseTerms(base(), mine, latest);
    expect(terms.obligations.map((o) => [o.id, o.subject?.kind === 'money' && o.subject.amountTiyn])).toEqual(
      [
        ['o1', 150_00],
        ['o2', 250_00],
        ['o3', 300_00],
        ['o9', 10_00],
      ],
    );
    expect(terms.clauses.map((c) => c.id)).toEqual(['c1', 'c2', 'c3']);
    expect(terms.place).toEqual({ kk: 'Алматы', ru: 'Алматы' });
    expect(conflicts).toEqual({ obligations: [], clauses: [], general: [] });
  });

  it('keeps my removals, and their removals of what I did not touch', () => {
    const mine = base();
    mine.clauses = mine.clauses.filter((c) => c.id !== 'c1');
    const latest = base();
    latest.obligations = latest.obligations.filter((o) => o.id !== 'o3');
    const { terms } = rebaseTerms(base(), mine, latest);
    expect(terms.clauses.map((c) => c.id)).toEqual(['c2']);
    expect(terms.obligations.map((o) => o.id)).toEqual(['o1', 'o2']);
  });

  it('when both changed the same part, keeps mine and names it', () => {
    const mine = base();
    mine.obligations = mine.obligations.map((o) => (o.id === 'o2' ? obligation('o2', 111_00) : o));
    mine.layout = 'kk';
    const latest = base();
    latest.obligations = latest.obligations.map((o) => (o.id === 'o2' ? obligation('o2', 222_00) : o));
    latest.layout = 'ru';
    const { terms, conflicts } = rebaseTerms(base(), mine, latest);
    const o2 = terms.obligations.find((o) => o.id === 'o2');
    expect(o2?.subject).toEqual({ kind: 'money', amountTiyn: 111_00 });
    expect(terms.layout).toBe('kk');
    expect(conflicts).toEqual({ obligations: ['o2'], clauses: [], general: ['layout'] });
  });

  it('brings back an item I changed that they removed, as a conflict', () => {
    const mine = base();
    mine.obligations = mine.obligations.map((o) => (o.id === 'o3' ? obligation('o3', 1) : o));
    const latest = base();
    latest.obligations = latest.obligations.filter((o) => o.id !== 'o3');
    const { terms, conflicts } = rebaseTerms(base(), mine, latest);
    expect(terms.obligations.map((o) => o.id)).toEqual(['o1', 'o2', 'o3']);
    expect(conflicts.obligations).toEqual(['o3']);
  });
});
