import { describe, expect, it } from 'vitest';
import { assertValidBlobKey, MAX_BLOB_KEY_LENGTH } from './keys.ts';
import { InvalidBlobKeyError } from './types.ts';

describe('assertValidBlobKey', () => {
  it.each([
    'doc',
    'cases/0f8e2c1a-9b7d-4e1f-a2c3-5d6e7f8a9b0c/documents/agreement.v2.pdf',
    'a/b/c',
    '.hidden',
    'name_with-dashes.and.dots',
    'x'.repeat(200),
    `${'abcdefghi/'.repeat(51)}xx`, // exactly 512 characters
  ])('accepts %j', (key) => {
    expect(key.length).toBeLessThanOrEqual(MAX_BLOB_KEY_LENGTH);
    expect(() => assertValidBlobKey(key)).not.toThrow();
  });

  it.each([
    ['', 'empty'],
    ['../x', '..'],
    ['a/../../etc/passwd', '..'],
    ['..', '..'],
    ['a..b', '..'],
    ['/abs', 'starts with'],
    ['a//b', 'empty segment'],
    ['a/', 'empty segment'],
    ['./a', '"." segment'],
    ['a/./b', '"." segment'],
    ['a\\b', 'segments may only use'],
    ['C:/x', 'segments may only use'],
    ['a b', 'segments may only use'],
    ['a~blob', 'segments may only use'],
    ['ключ', 'segments may only use'],
    ['a\nb', 'segments may only use'],
    ['x'.repeat(513), 'longer than 512'],
    [`a/${'x'.repeat(201)}`, 'longer than 200'],
  ])('rejects %j (%s)', (key, reason) => {
    expect(() => assertValidBlobKey(key)).toThrow(InvalidBlobKeyError);
    expect(() => assertValidBlobKey(key)).toThrow(reason);
  });

  it('rejects a key that is not a string', () => {
    expect(() => assertValidBlobKey(42)).toThrow(InvalidBlobKeyError);
    expect(() => assertValidBlobKey(undefined)).toThrow('not a string');
  });
});
