import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  type HeadObjectCommandOutput,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { type Digest, sha256Hex, writeHashedFile } from './hashed-write.ts';
import { assertValidBlobKey } from './keys.ts';
import { type BlobBody, BlobNotFoundError, type BlobStore, type StoredBlob } from './types.ts';

export type S3BlobStoreConfig = {
  bucket: string;
  // S3-compatible servers mostly ignore the region, but the SDK refuses to sign without one.
  region?: string;
  // For MinIO, Ceph, R2 and the like; unset for AWS.
  endpoint?: string;
  // Both or neither: without them the SDK's default chain (env, profile, instance role) applies.
  accessKeyId?: string;
  secretAccessKey?: string;
  // `http://host/bucket/key` instead of `http://bucket.host/key`; most self-hosted servers need it.
  forcePathStyle?: boolean;
};

// Name of the user metadata entry (sent as `x-amz-meta-sha256`) that carries the hex digest, so
// stat() answers from a HEAD request without downloading the object.
const SHA256_METADATA = 'sha256';

const errorName = (err: unknown): string | undefined =>
  err !== null && typeof err === 'object' && 'name' in err ? String(err.name) : undefined;

const hexToBase64 = (hex: string): string => Buffer.from(hex, 'hex').toString('base64');

export const createS3BlobStore = (config: S3BlobStoreConfig): BlobStore => {
  const clientConfig: S3ClientConfig = {
    region: config.region ?? 'us-east-1',
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    ...(config.forcePathStyle === undefined ? {} : { forcePathStyle: config.forcePathStyle }),
    ...(config.accessKeyId && config.secretAccessKey
      ? { credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey } }
      : {}),
  };
  const client = new S3Client(clientConfig);
  const Bucket = config.bucket;

  const upload = async (key: string, body: Buffer | Readable, digest: Digest, contentType?: string) => {
    await client.send(
      new PutObjectCommand({
        Bucket,
        Key: key,
        Body: body,
        ContentLength: digest.size,
        ...(contentType ? { ContentType: contentType } : {}),
        Metadata: { [SHA256_METADATA]: digest.sha256 },
        // The server checks the bytes it received against our digest and refuses the PUT if they
        // differ. Giving the checksum up front also keeps the SDK from switching a stream body to
        // `aws-chunked` encoding with a trailing checksum, which several S3-compatible servers
        // store verbatim, chunk headers and all.
        ChecksumSHA256: hexToBase64(digest.sha256),
      }),
    );
  };

  const get = async (key: string): Promise<Readable> => {
    try {
      const response = await client.send(new GetObjectCommand({ Bucket, Key: key }));
      // In Node the SDK hands back the HTTP response stream itself.
      if (!(response.Body instanceof Readable)) throw new Error(`S3 returned no stream for "${key}"`);
      return response.Body;
    } catch (err) {
      // Only NoSuchKey: a missing bucket is a configuration error and must not read as a 404.
      if (errorName(err) === 'NoSuchKey') throw new BlobNotFoundError(key, { cause: err });
      throw err;
    }
  };

  // For objects written by something other than put() (a migration, a manual upload).
  const hashObject = async (key: string): Promise<string> => {
    const hash = createHash('sha256');
    for await (const chunk of await get(key)) hash.update(chunk as Buffer);
    return hash.digest('hex');
  };

  return {
    kind: 's3',

    async put(key, body: BlobBody, contentType) {
      assertValidBlobKey(key);
      if (Buffer.isBuffer(body)) {
        const digest = { size: body.length, sha256: sha256Hex(body) };
        await upload(key, body, digest, contentType);
        return { key, ...digest };
      }
      // The digest goes into the PUT's headers, which are sent before the body, and S3 needs the
      // length up front; so a stream is first spooled to a private temp file (hashed on the way)
      // and then uploaded from there. Memory stays flat whatever the size of the document.
      const spoolDir = await mkdtemp(join(tmpdir(), 'kelisim-blob-'));
      try {
        const spoolFile = join(spoolDir, 'body');
        const digest = await writeHashedFile(body, spoolFile);
        await upload(key, createReadStream(spoolFile), digest, contentType);
        return { key, ...digest };
      } finally {
        await rm(spoolDir, { recursive: true, force: true });
      }
    },

    async get(key) {
      assertValidBlobKey(key);
      return get(key);
    },

    async stat(key): Promise<StoredBlob | null> {
      assertValidBlobKey(key);
      let head: HeadObjectCommandOutput;
      try {
        head = await client.send(new HeadObjectCommand({ Bucket, Key: key }));
      } catch (err) {
        // A HEAD response has no body, so S3 cannot say which of key or bucket is missing.
        if (errorName(err) === 'NotFound' || errorName(err) === 'NoSuchKey') return null;
        throw err;
      }
      const size = head.ContentLength ?? 0;
      const recorded = head.Metadata?.[SHA256_METADATA];
      if (recorded) return { key, size, sha256: recorded };
      try {
        return { key, size, sha256: await hashObject(key) };
      } catch (err) {
        if (err instanceof BlobNotFoundError) return null; // deleted while we looked
        throw err;
      }
    },

    async delete(key) {
      assertValidBlobKey(key);
      // S3 answers 204 for a missing key too, which is the port's contract.
      await client.send(new DeleteObjectCommand({ Bucket, Key: key }));
    },
  };
};
