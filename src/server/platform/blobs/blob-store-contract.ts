import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { beforeEach, expect, it } from 'vitest';
import type { BlobStore } from './types.ts';
import { BlobNotFoundError, InvalidBlobKeyError } from './types.ts';

// The behaviour every BlobStore adapter must share, written once and run against each adapter
// (fs.test.ts, s3.int.test.ts), so that switching S3_BUCKET on cannot change what callers see.

export type BlobStoreUnderTest = {
  store: BlobStore;
  // Anything that changes whenever the backing storage is touched: the fs adapter lists the
  // directory around its root, the S3 adapter counts the requests the server received. Used to
  // prove that an invalid key is refused before any I/O.
  storageFingerprint(): Promise<unknown>;
};

export const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

export const readAll = async (stream: Readable): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
};

const INVALID_KEYS = [
  '',
  '../x',
  '/abs',
  'a//b',
  'a/',
  'a/../b',
  'a/./b',
  './x',
  '..',
  'a..b',
  'a\\b',
  'a b',
  'ключ',
  'a\0b',
  'x'.repeat(513),
  `a/${'x'.repeat(201)}`,
];

export const defineBlobStoreContract = (setup: () => Promise<BlobStoreUnderTest>): void => {
  let subject: BlobStoreUnderTest;
  let store: BlobStore;
  let namespace: string;
  // Each test writes under its own prefix, so adapters may share one backing store across tests.
  const key = (name: string) => `${namespace}/${name}`;

  beforeEach(async () => {
    subject = await setup();
    store = subject.store;
    namespace = `t-${randomUUID()}`;
  });

  it('round-trips a Buffer and reports its size and SHA-256', async () => {
    const body = Buffer.from('Келісім — agreement v1');
    const stored = await store.put(key('doc.txt'), body, 'text/plain; charset=utf-8');

    expect(stored).toEqual({ key: key('doc.txt'), size: body.length, sha256: sha256(body) });
    expect(await readAll(await store.get(key('doc.txt')))).toEqual(body);
    expect(await store.stat(key('doc.txt'))).toEqual(stored);
  });

  it('round-trips a stream of several chunks, strings included', async () => {
    const parts = [Buffer.from('%PDF-1.7\n'), 'text chunk\n', new Uint8Array([0, 1, 2, 255])];
    const expected = Buffer.concat(
      parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))),
    );
    const stored = await store.put(key('cases/1/documents/a.pdf'), Readable.from(parts), 'application/pdf');

    expect(stored).toEqual({
      key: key('cases/1/documents/a.pdf'),
      size: expected.length,
      sha256: sha256(expected),
    });
    expect(await readAll(await store.get(key('cases/1/documents/a.pdf')))).toEqual(expected);
  });

  it('stores an empty blob', async () => {
    const stored = await store.put(key('empty'), Buffer.alloc(0));
    expect(stored).toEqual({ key: key('empty'), size: 0, sha256: sha256(Buffer.alloc(0)) });
    expect(await readAll(await store.get(key('empty')))).toEqual(Buffer.alloc(0));
    expect(await store.stat(key('empty'))).toEqual(stored);
  });

  it('stat of a missing key is null', async () => {
    expect(await store.stat(key('missing'))).toBeNull();
  });

  it('get of a missing key throws BlobNotFoundError naming the key', async () => {
    const error = await store.get(key('missing')).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(BlobNotFoundError);
    expect((error as BlobNotFoundError).key).toBe(key('missing'));
  });

  it('overwrites an existing blob', async () => {
    await store.put(key('doc'), Buffer.from('first version'));
    const second = await store.put(key('doc'), Readable.from([Buffer.from('second')]));

    expect(await readAll(await store.get(key('doc')))).toEqual(Buffer.from('second'));
    expect(await store.stat(key('doc'))).toEqual(second);
  });

  it('deletes a blob, and deleting a missing one is not an error', async () => {
    await store.put(key('doc'), Buffer.from('to be deleted'));
    await store.delete(key('doc'));

    expect(await store.stat(key('doc'))).toBeNull();
    await expect(store.get(key('doc'))).rejects.toBeInstanceOf(BlobNotFoundError);
    await expect(store.delete(key('doc'))).resolves.toBeUndefined();
    await expect(store.delete(key('never-existed'))).resolves.toBeUndefined();
  });

  it('keeps a key and a longer key below it apart', async () => {
    await store.put(key('a'), Buffer.from('parent'));
    await store.put(key('a/b'), Buffer.from('child'));

    expect(await readAll(await store.get(key('a')))).toEqual(Buffer.from('parent'));
    expect(await readAll(await store.get(key('a/b')))).toEqual(Buffer.from('child'));
    await store.delete(key('a'));
    expect(await readAll(await store.get(key('a/b')))).toEqual(Buffer.from('child'));
  });

  it('a failed upload leaves the previous blob intact', async () => {
    await store.put(key('doc'), Buffer.from('good'));
    const failing = new Readable({
      read() {
        this.push(Buffer.from('half of a new ver'));
        this.destroy(new Error('client went away'));
      },
    });

    await expect(store.put(key('doc'), failing)).rejects.toThrow('client went away');
    expect(await readAll(await store.get(key('doc')))).toEqual(Buffer.from('good'));
    expect(await store.stat(key('doc'))).toEqual({
      key: key('doc'),
      size: 4,
      sha256: sha256(Buffer.from('good')),
    });
  });

  it('refuses invalid keys in every operation before touching storage', async () => {
    const before = await subject.storageFingerprint();
    for (const bad of INVALID_KEYS) {
      await expect(store.put(bad, Buffer.from('x')), `put ${JSON.stringify(bad)}`).rejects.toBeInstanceOf(
        InvalidBlobKeyError,
      );
      await expect(
        store.put(bad, Readable.from(['x'])),
        `put stream ${JSON.stringify(bad)}`,
      ).rejects.toBeInstanceOf(InvalidBlobKeyError);
      await expect(store.get(bad), `get ${JSON.stringify(bad)}`).rejects.toBeInstanceOf(InvalidBlobKeyError);
      await expect(store.stat(bad), `stat ${JSON.stringify(bad)}`).rejects.toBeInstanceOf(
        InvalidBlobKeyError,
      );
      await expect(store.delete(bad), `delete ${JSON.stringify(bad)}`).rejects.toBeInstanceOf(
        InvalidBlobKeyError,
      );
    }
    expect(await subject.storageFingerprint()).toEqual(before);
  });

  it('streams a 5 MB upload and reads it back intact', async () => {
    const chunkSize = 64 * 1024;
    const chunks = Array.from({ length: (5 * 1024 * 1024) / chunkSize }, () => randomBytes(chunkSize));
    const expected = Buffer.concat(chunks);
    // A generator, not an array: the store sees a live stream that produces data as it is read.
    const source = Readable.from(
      (function* () {
        yield* chunks;
      })(),
    );

    const stored = await store.put(key('large.bin'), source, 'application/octet-stream');

    expect(stored).toEqual({ key: key('large.bin'), size: 5 * 1024 * 1024, sha256: sha256(expected) });
    expect(await store.stat(key('large.bin'))).toEqual(stored);
    const back = await readAll(await store.get(key('large.bin')));
    expect(back.length).toBe(expected.length);
    expect(sha256(back)).toBe(sha256(expected));
  });
};
