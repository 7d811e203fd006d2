import { createHash, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { lstat, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { writeHashedFile } from './hashed-write.ts';
import { assertValidBlobKey } from './keys.ts';
import { BlobNotFoundError, type BlobStore, type StoredBlob } from './types.ts';

// Layout under the root, for key `cases/42/agreement.pdf`:
//   cases/42/agreement.pdf~blob      the bytes (mode 0600)
//   cases/42/agreement.pdf~meta      {"size","sha256","ino","mtimeMs"} (mode 0600)
//   cases/42/agreement.pdf~tmp-<id>  an upload in progress (or left by a crash: safe to delete)
// `~` cannot occur in a valid key, so these names never collide with each other or with a
// directory made for a longer key: `a` and `a/b` can both be blobs, as on S3.
//
// Why a metadata sidecar rather than hashing in stat(): stat() is on the download path and
// hashing a large document there on every call costs a full read. The sidecar records the inode
// and mtime of the data file it describes, so a sidecar left stale by a crash between the two
// renames, by two concurrent puts or by a hand-edited file is detected and recomputed from the
// bytes: the sidecar is a cache, the data file is the truth.
const DATA = '~blob';
const META = '~meta';
const TEMP = '~tmp-';

type Meta = { size: number; sha256: string; ino: number; mtimeMs: number };

const isMissing = (err: unknown): boolean => {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
};

const parseMeta = (text: string): Meta | null => {
  try {
    const value = JSON.parse(text) as Partial<Meta>;
    const { size, sha256, ino, mtimeMs } = value;
    if (typeof size !== 'number' || typeof sha256 !== 'string') return null;
    if (typeof ino !== 'number' || typeof mtimeMs !== 'number') return null;
    return { size, sha256, ino, mtimeMs };
  } catch {
    return null;
  }
};

// Makes a rename durable: the new directory entry is only on disk once the directory is synced.
const syncDirectory = async (dir: string): Promise<void> => {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
};

const hashFile = async (path: string): Promise<string> => {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
};

export const createFsBlobStore = (rootDir: string): BlobStore => {
  const root = resolve(rootDir);

  // Only ever called with a validated key, whose segments cannot leave `root`.
  const basePath = (key: string): string => join(root, ...key.split('/'));

  const writeMeta = async (base: string, meta: Meta): Promise<void> => {
    const temp = `${base}${TEMP}${randomUUID()}${META}`;
    try {
      await writeHashedFile(Buffer.from(JSON.stringify(meta)), temp);
      await rename(temp, `${base}${META}`);
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
  };

  return {
    kind: 'fs',

    async put(key, body) {
      assertValidBlobKey(key);
      const base = basePath(key);
      const dir = dirname(base);
      await mkdir(dir, { recursive: true, mode: 0o700 });
      // Written beside its final name so that the rename below is atomic (same filesystem):
      // a reader sees the old blob or the new one, never a prefix of it.
      const temp = `${base}${TEMP}${randomUUID()}`;
      try {
        const { size, sha256 } = await writeHashedFile(body, temp);
        const { ino, mtimeMs } = await lstat(temp);
        await rename(temp, `${base}${DATA}`);
        await writeMeta(base, { size, sha256, ino, mtimeMs });
        await syncDirectory(dir);
        return { key, size, sha256 };
      } catch (err) {
        await rm(temp, { force: true });
        throw err;
      }
    },

    async get(key) {
      assertValidBlobKey(key);
      const stream = createReadStream(`${basePath(key)}${DATA}`);
      // Wait for the open so a missing blob rejects here, where the caller can map it to a 404,
      // instead of surfacing later as an 'error' event in the middle of a response.
      try {
        await once(stream, 'open');
      } catch (err) {
        stream.destroy();
        if (isMissing(err)) throw new BlobNotFoundError(key, { cause: err });
        throw err;
      }
      return stream;
    },

    async stat(key): Promise<StoredBlob | null> {
      assertValidBlobKey(key);
      const base = basePath(key);
      let data: Awaited<ReturnType<typeof lstat>>;
      try {
        data = await lstat(`${base}${DATA}`);
      } catch (err) {
        if (isMissing(err)) return null;
        throw err;
      }
      const meta = await readFile(`${base}${META}`, 'utf8').then(parseMeta, () => null);
      if (meta && meta.ino === data.ino && meta.mtimeMs === data.mtimeMs && meta.size === data.size) {
        return { key, size: meta.size, sha256: meta.sha256 };
      }
      let sha256: string;
      try {
        sha256 = await hashFile(`${base}${DATA}`);
      } catch (err) {
        if (isMissing(err)) return null; // deleted while we looked
        throw err;
      }
      // Repair the cache; if that fails the answer is still right, only slower next time.
      await writeMeta(base, { size: data.size, sha256, ino: data.ino, mtimeMs: data.mtimeMs }).catch(
        () => {},
      );
      return { key, size: data.size, sha256 };
    },

    async delete(key) {
      assertValidBlobKey(key);
      const base = basePath(key);
      // Data first: once it is gone the blob is gone, whatever happens to the sidecar. Empty
      // directories are left in place; they cost nothing and a concurrent put may need them.
      await rm(`${base}${DATA}`, { force: true });
      await rm(`${base}${META}`, { force: true });
    },
  };
};
