import { describe, expect, it } from 'vitest';
import { pickBio } from './text.ts';

describe('a mediator biography for the reader', () => {
  it('is in the reader’s language when written, else the first of kk, ru, en that is', () => {
    const bio = { kk: 'Отбасылық даулар', ru: 'Семейные споры' };
    expect(pickBio(bio, 'ru')).toEqual({ text: 'Семейные споры', lang: 'ru', inReadersLanguage: true });
    expect(pickBio(bio, 'en')).toEqual({ text: 'Отбасылық даулар', lang: 'kk', inReadersLanguage: false });
    expect(pickBio({ en: '  ', ru: 'Текст' }, 'en')).toEqual({
      text: 'Текст',
      lang: 'ru',
      inReadersLanguage: false,
    });
    expect(pickBio({}, 'kk')).toBeNull();
  });
});
