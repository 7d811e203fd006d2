import { InvalidBlobKeyError } from './types.ts';

export const MAX_BLOB_KEY_LENGTH = 512;
// A filesystem name is at most 255 bytes; the fs adapter appends a short suffix (`~blob`, a temp
// marker) to the last segment, so a segment longer than this would work on S3 but not on disk.
export const MAX_BLOB_KEY_SEGMENT_LENGTH = 200;

const SEGMENT = /^[A-Za-z0-9._-]+$/;

// The one gate every adapter passes a key through before touching storage. The alphabet is
// deliberately small: with no `/` at the start, no empty, `.` or `..` segment and nothing but
// [A-Za-z0-9._-] in a segment, a key can never name a path outside the store's root, and it means
// the same thing to the filesystem and to S3. Characters outside the alphabet (such as `~`) are
// thereby free for the adapters' own bookkeeping files.
export function assertValidBlobKey(key: unknown): asserts key is string {
  if (typeof key !== 'string') throw new InvalidBlobKeyError(key, 'not a string');
  if (key.length === 0) throw new InvalidBlobKeyError(key, 'empty');
  if (key.length > MAX_BLOB_KEY_LENGTH) {
    throw new InvalidBlobKeyError(key, `longer than ${MAX_BLOB_KEY_LENGTH} characters`);
  }
  if (key.startsWith('/')) throw new InvalidBlobKeyError(key, 'starts with "/"');
  if (key.includes('..')) throw new InvalidBlobKeyError(key, 'contains ".."');
  for (const segment of key.split('/')) {
    if (segment === '') throw new InvalidBlobKeyError(key, 'has an empty segment');
    if (segment === '.') throw new InvalidBlobKeyError(key, 'has a "." segment');
    if (segment.length > MAX_BLOB_KEY_SEGMENT_LENGTH) {
      throw new InvalidBlobKeyError(
        key,
        `has a segment longer than ${MAX_BLOB_KEY_SEGMENT_LENGTH} characters`,
      );
    }
    if (!SEGMENT.test(segment)) throw new InvalidBlobKeyError(key, 'segments may only use A-Z a-z 0-9 . _ -');
  }
}
