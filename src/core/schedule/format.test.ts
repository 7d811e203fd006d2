import { describe, expect, it } from 'vitest';
import { formatSessionClock, formatSessionStart } from './format.ts';

const start = new Date('2026-12-01T09:30:00Z');

describe('a session’s time in words', () => {
  it('is said in the reader’s language on the session’s clock, whatever the device’s zone', () => {
    expect(formatSessionStart('en', start, 'Asia/Almaty')).toBe('Tuesday, December 1, 2026 at 14:30');
    expect(formatSessionStart('ru', start, 'Asia/Aqtobe')).toBe('вторник, 1 декабря 2026 г. в 14:30');
    // Node's full ICU has Kazakh names; a browser without them gets 01.12.2026, 14:30.
    expect(formatSessionStart('kk', start, 'Asia/Almaty')).toMatch(
      /^(2026 ж\. 1 желтоқсан, сейсенбі, 14:30|01\.12\.2026, 14:30)$/,
    );
    expect(formatSessionClock(new Date('2026-12-01T11:00:00Z'), 'Asia/Oral')).toBe('16:00');
  });

  it('uses the offset of the date: Almaty before 1 March 2024 was an hour ahead', () => {
    expect(formatSessionStart('en', new Date('2024-01-10T04:00:00Z'), 'Asia/Almaty')).toBe(
      'Wednesday, January 10, 2024 at 10:00',
    );
  });
});
