import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { BlobBody } from './types.ts';

export type Digest = { size: number; sha256: string };

export const sha256Hex = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

// Readable.from() streams are in object mode and may yield strings or plain Uint8Arrays.
const toBuffer = (chunk: unknown): Buffer => {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (typeof chunk === 'string') return Buffer.from(chunk);
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  throw new TypeError(`A blob body stream must yield bytes or strings, got ${typeof chunk}`);
};

// Streams `body` into a new file at `path`, hashing and counting the bytes on their way, so a
// large upload is read exactly once and never held in memory. The file is created exclusively
// (`wx`: a leftover with the same random name is an error, not something to overwrite) with mode
// 0600, and flushed to disk before it is closed: the caller renames it into place next, and a
// rename of unflushed data can surface as an empty file after a power cut.
export const writeHashedFile = async (body: BlobBody, path: string): Promise<Digest> => {
  const hash = createHash('sha256');
  let size = 0;
  // A Buffer is wrapped in an array: as a bare iterable it would be consumed byte by byte.
  const source = Buffer.isBuffer(body) ? Readable.from([body]) : body;
  await pipeline(
    source,
    async function* (chunks: AsyncIterable<unknown>) {
      for await (const chunk of chunks) {
        const bytes = toBuffer(chunk);
        hash.update(bytes);
        size += bytes.length;
        yield bytes;
      }
    },
    createWriteStream(path, { flags: 'wx', mode: 0o600, flush: true }),
  );
  return { size, sha256: hash.digest('hex') };
};
