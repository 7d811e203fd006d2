import type { Readable } from 'node:stream';

// The blob store for uploaded documents. Callers hand it bytes that are already sealed
// (platform/seal, DESIGN.md §5); the store only keeps them and proves their integrity.

export type StoredBlob = {
  key: string;
  size: number;
  // Hex SHA-256 of the stored bytes, computed while they were written.
  sha256: string;
};

export type BlobBody = Buffer | Readable;

export type BlobStore = {
  kind: 'fs' | 's3';
  // Replaces any existing blob under `key`; a reader never sees a half-written blob.
  // `contentType` is advisory: S3 serves it back on direct downloads, the filesystem ignores it.
  put(key: string, body: BlobBody, contentType?: string): Promise<StoredBlob>;
  // Throws BlobNotFoundError when there is no such blob.
  get(key: string): Promise<Readable>;
  stat(key: string): Promise<StoredBlob | null>;
  // Deleting a missing blob is not an error (same as S3).
  delete(key: string): Promise<void>;
};

export class BlobNotFoundError extends Error {
  readonly key: string;
  constructor(key: string, options?: { cause?: unknown }) {
    super(`No blob stored under "${key}"`, options);
    this.name = 'BlobNotFoundError';
    this.key = key;
  }
}

export class InvalidBlobKeyError extends Error {
  readonly key: unknown;
  constructor(key: unknown, reason: string) {
    super(`Invalid blob key ${JSON.stringify(String(key)).slice(0, 80)}: ${reason}`);
    this.name = 'InvalidBlobKeyError';
    this.key = key;
  }
}
