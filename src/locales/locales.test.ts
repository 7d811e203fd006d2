import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { keyPaths, messages } from './index.ts';

describe('locales', () => {
  it('kk, ru and en have exactly the same messages (nothing a person sees is missing in one language)', () => {
    const kk = keyPaths(messages.kk);
    expect(keyPaths(messages.ru)).toEqual(kk);
    expect(keyPaths(messages.en)).toEqual(kk);
  });

  // Parses every message of three languages: slow on a loaded machine, hence the longer limit.
  it('every message is valid ICU and uses the same placeholders in all languages', {
    timeout: 60_000,
  }, () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)/g)].map((m) => m[1]).sort();
    for (const key of keyPaths(messages.kk)) {
      const texts = (['kk', 'ru', 'en'] as const).map((locale) => {
        const text = key
          .split('.')
          .reduce<unknown>((n, k) => (n as Record<string, unknown>)[k], messages[locale]);
        expect(typeof text, `${locale}:${key}`).toBe('string');
        expect(() => new IntlMessageFormat(text as string, locale), `${locale}:${key}`).not.toThrow();
        return new Set(
          placeholders(text as string).filter((p) => !['one', 'few', 'many', 'other'].includes(p ?? '')),
        );
      });
      expect([...(texts[1] ?? [])].sort(), `ru:${key}`).toEqual([...(texts[0] ?? [])].sort());
      expect([...(texts[2] ?? [])].sort(), `en:${key}`).toEqual([...(texts[0] ?? [])].sort());
    }
  });
});
