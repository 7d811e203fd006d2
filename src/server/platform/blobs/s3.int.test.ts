import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineBlobStoreContract, readAll, sha256 } from './blob-store-contract.ts';
import { createBlobStore } from './index.ts';
import { createS3BlobStore, type S3BlobStoreConfig } from './s3.ts';

// A real S3-compatible server (s3rver, in-process, on a random localhost port) rather than a
// mocked client: the SDK's signing, checksums, streaming and error shapes are what this tests.
const BUCKET = 'kelisim-test';

let server: Server;
let storageDir: string;
let requests = 0;
let config: S3BlobStoreConfig;

beforeAll(async () => {
  storageDir = await mkdtemp(join(tmpdir(), 'kelisim-s3rver-'));
  const s3rver = new S3rver({
    directory: storageDir,
    silent: true,
    configureBuckets: [{ name: BUCKET, configs: [] }],
  });
  await s3rver.configureBuckets();
  // Our own HTTP server around s3rver's handler, so the tests can count the requests it serves.
  const handle = s3rver.callback();
  server = createServer((req, res) => {
    requests += 1;
    handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  config = {
    bucket: BUCKET,
    region: 'us-east-1',
    endpoint: `http://127.0.0.1:${port}`,
    // s3rver's fixed credentials; it verifies the signatures made with them.
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    forcePathStyle: true,
  };
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await rm(storageDir, { recursive: true, force: true });
});

describe('s3 blob store: contract', () => {
  defineBlobStoreContract(async () => ({
    store: createS3BlobStore(config),
    storageFingerprint: async () => requests,
  }));
});

describe('s3 blob store: S3 specifics', () => {
  it('records the SHA-256 as object metadata, so stat answers from a HEAD', async () => {
    const store = createS3BlobStore(config);
    const body = Buffer.from('agreement');
    await store.put('meta/doc', body, 'application/pdf');

    const before = requests;
    expect(await store.stat('meta/doc')).toEqual({
      key: 'meta/doc',
      size: body.length,
      sha256: sha256(body),
    });
    expect(requests - before).toBe(1);
  });

  it('hashes an object that was uploaded without the metadata', async () => {
    const client = new S3Client({
      region: 'us-east-1',
      endpoint: config.endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    const body = Buffer.from('uploaded by another tool');
    await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'foreign/doc', Body: body }));
    client.destroy();

    const store = createS3BlobStore(config);
    expect(await store.stat('foreign/doc')).toEqual({
      key: 'foreign/doc',
      size: body.length,
      sha256: sha256(body),
    });
  });

  it('does not read a missing bucket as a missing blob', async () => {
    const store = createS3BlobStore({ ...config, bucket: 'no-such-bucket' });
    const error = await store.get('doc').catch((err: unknown) => err);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe('NoSuchBucket');
  });

  it('createBlobStore uses S3 when an s3 config is given', async () => {
    const store = createBlobStore({ dataDir: '/nonexistent', s3: config });
    expect(store.kind).toBe('s3');
    await store.put('via-index/doc', Buffer.from('x'));
    expect(await readAll(await store.get('via-index/doc'))).toEqual(Buffer.from('x'));
  });
});
