import { join } from 'node:path';
import { createFsBlobStore } from './fs.ts';
import { createS3BlobStore, type S3BlobStoreConfig } from './s3.ts';
import type { BlobStore } from './types.ts';

export { createFsBlobStore } from './fs.ts';
export { assertValidBlobKey, MAX_BLOB_KEY_LENGTH, MAX_BLOB_KEY_SEGMENT_LENGTH } from './keys.ts';
export { createS3BlobStore, type S3BlobStoreConfig } from './s3.ts';
export {
  type BlobBody,
  BlobNotFoundError,
  type BlobStore,
  InvalidBlobKeyError,
  type StoredBlob,
} from './types.ts';

export type BlobStoreConfig = {
  // The embedded data directory (DESIGN.md §7); blobs go under `<dataDir>/blobs`.
  dataDir: string;
  // When present, blobs go to S3 instead and nothing is written under dataDir.
  s3?: S3BlobStoreConfig;
};

export const createBlobStore = (config: BlobStoreConfig): BlobStore =>
  config.s3 ? createS3BlobStore(config.s3) : createFsBlobStore(join(config.dataDir, 'blobs'));

const TRUE = new Set(['1', 'true', 'yes', 'on']);

// Reads the S3_* variables; undefined when S3_BUCKET is unset or empty, meaning "use the
// filesystem". Empty variables count as unset so that `S3_ENDPOINT=` in an env file does not
// become an empty endpoint.
export const s3ConfigFromEnv = (env: NodeJS.ProcessEnv): S3BlobStoreConfig | undefined => {
  const value = (name: string): string | undefined => env[name]?.trim() || undefined;
  const bucket = value('S3_BUCKET');
  if (!bucket) return undefined;
  const forcePathStyle = value('S3_FORCE_PATH_STYLE');
  const config: S3BlobStoreConfig = { bucket };
  const region = value('S3_REGION');
  const endpoint = value('S3_ENDPOINT');
  const accessKeyId = value('S3_ACCESS_KEY_ID');
  const secretAccessKey = value('S3_SECRET_ACCESS_KEY');
  if (region) config.region = region;
  if (endpoint) config.endpoint = endpoint;
  if (accessKeyId) config.accessKeyId = accessKeyId;
  if (secretAccessKey) config.secretAccessKey = secretAccessKey;
  if (forcePathStyle) config.forcePathStyle = TRUE.has(forcePathStyle.toLowerCase());
  return config;
};
