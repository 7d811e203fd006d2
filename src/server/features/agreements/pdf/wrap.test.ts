import { describe, expect, it } from 'vitest';
import { wrapText } from './wrap.ts';

// A fixed-width measure: one unit per character, so widths are easy to reason about.
const measure = (text: string) => [...text].length;

describe('wrapText', () => {
  it('breaks at spaces and never exceeds the width', () => {
    const lines = wrapText('Тараптар осы келісімді ерікті түрде жасады', 16, measure);
    expect(lines).toEqual(['Тараптар осы', 'келісімді ерікті', 'түрде жасады']);
    for (const line of lines) expect(measure(line)).toBeLessThanOrEqual(16);
  });

  it('never breaks at a no-break space', () => {
    expect(wrapText('сома 1\u00a0500\u00a0000\u00a0₸ төленеді', 14, measure)).toEqual([
      'сома',
      '1\u00a0500\u00a0000\u00a0₸',
      'төленеді',
    ]);
  });

  it('cuts a word longer than the column between letters, without adding a hyphen', () => {
    const word = 'жауапкершіліктеріңізден';
    const lines = wrapText(`бұл ${word} еді`, 10, measure);
    expect(lines.every((line) => measure(line) <= 10)).toBe(true);
    expect(lines.join('').replace(/ /g, '')).toBe(`бұл${word}еді`);
    expect(lines[0]).toBe('бұл');
  });

  it('keeps explicit line breaks and drops empty text', () => {
    expect(wrapText('бір\nекі', 40, measure)).toEqual(['бір', 'екі']);
    expect(wrapText('', 40, measure)).toEqual([]);
  });
});
