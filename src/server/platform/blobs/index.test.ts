import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBlobStore, s3ConfigFromEnv } from './index.ts';

describe('s3ConfigFromEnv', () => {
  it('is undefined without S3_BUCKET (the filesystem is used)', () => {
    expect(s3ConfigFromEnv({})).toBeUndefined();
    expect(s3ConfigFromEnv({ S3_BUCKET: '  ', S3_REGION: 'eu-central-1' })).toBeUndefined();
  });

  it('reads every S3_* variable', () => {
    expect(
      s3ConfigFromEnv({
        S3_BUCKET: 'kelisim-docs',
        S3_REGION: 'kz-ala-1',
        S3_ENDPOINT: 'https://s3.example.test',
        S3_ACCESS_KEY_ID: 'id',
        S3_SECRET_ACCESS_KEY: 'secret',
        S3_FORCE_PATH_STYLE: 'true',
      }),
    ).toEqual({
      bucket: 'kelisim-docs',
      region: 'kz-ala-1',
      endpoint: 'https://s3.example.test',
      accessKeyId: 'id',
      secretAccessKey: 'secret',
      forcePathStyle: true,
    });
  });

  it('leaves unset and empty variables out, and parses the path-style flag', () => {
    expect(s3ConfigFromEnv({ S3_BUCKET: 'b', S3_ENDPOINT: '' })).toEqual({ bucket: 'b' });
    expect(s3ConfigFromEnv({ S3_BUCKET: 'b', S3_FORCE_PATH_STYLE: '1' })?.forcePathStyle).toBe(true);
    expect(s3ConfigFromEnv({ S3_BUCKET: 'b', S3_FORCE_PATH_STYLE: 'false' })?.forcePathStyle).toBe(false);
  });
});

describe('createBlobStore', () => {
  it('stores on the filesystem under <dataDir>/blobs by default', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'kelisim-data-'));
    try {
      const store = createBlobStore({ dataDir });
      expect(store.kind).toBe('fs');
      await store.put('cases/1/doc', Buffer.from('x'));
      expect(await readdir(join(dataDir, 'blobs', 'cases', '1'))).toContain('doc~blob');
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('chooses S3 when an s3 config is present', () => {
    expect(createBlobStore({ dataDir: '/unused', s3: { bucket: 'b', region: 'us-east-1' } }).kind).toBe('s3');
  });
});
