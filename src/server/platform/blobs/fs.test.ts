import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { defineBlobStoreContract, readAll, sha256 } from './blob-store-contract.ts';
import { createFsBlobStore } from './fs.ts';

const scratchDirs: string[] = [];

// The store's root sits one level below a scratch directory, so that a key escaping the root
// (`../x`) would show up in the fingerprint of the scratch directory.
const scratch = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'kelisim-blobs-'));
  scratchDirs.push(dir);
  return { dir, root: join(dir, 'blobs') };
};

const listTree = async (dir: string): Promise<string[]> => {
  const entries = await readdir(dir, { recursive: true }).catch(() => []);
  return entries.map(String).sort();
};

afterEach(async () => {
  await Promise.all(scratchDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('fs blob store: contract', () => {
  defineBlobStoreContract(async () => {
    const { dir, root } = await scratch();
    return { store: createFsBlobStore(root), storageFingerprint: () => listTree(dir) };
  });
});

describe('fs blob store: on disk', () => {
  it('writes files readable by the owner only', async () => {
    const { root } = await scratch();
    const store = createFsBlobStore(root);
    await store.put('cases/1/doc.pdf', Buffer.from('secret'));

    const files = (await listTree(root)).filter((name) => name.includes('~'));
    expect(files).toEqual(['cases/1/doc.pdf~blob', 'cases/1/doc.pdf~meta']);
    for (const file of files) {
      expect((await stat(join(root, file))).mode & 0o777).toBe(0o600);
    }
    expect((await stat(join(root, 'cases'))).mode & 0o077).toBe(0);
  });

  it('leaves no temporary file behind, after success or failure', async () => {
    const { root } = await scratch();
    const store = createFsBlobStore(root);
    await store.put('doc', Readable.from([Buffer.from('ok')]));
    const failing = new Readable({
      read() {
        this.destroy(new Error('aborted upload'));
      },
    });
    await expect(store.put('doc', failing)).rejects.toThrow('aborted upload');

    expect(await listTree(root)).toEqual(['doc~blob', 'doc~meta']);
  });

  it('recomputes size and SHA-256 when the sidecar is missing or stale, and repairs it', async () => {
    const { root } = await scratch();
    const store = createFsBlobStore(root);
    await store.put('doc', Buffer.from('original'));

    await rm(join(root, 'doc~meta'));
    expect(await store.stat('doc')).toEqual({ key: 'doc', size: 8, sha256: sha256(Buffer.from('original')) });
    expect(JSON.parse(await readFile(join(root, 'doc~meta'), 'utf8'))).toMatchObject({ size: 8 });

    // Same size, same inode, different bytes: only the mtime gives it away.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await writeFile(join(root, 'doc~blob'), 'tampered');
    expect(await store.stat('doc')).toEqual({ key: 'doc', size: 8, sha256: sha256(Buffer.from('tampered')) });

    await writeFile(join(root, 'doc~meta'), 'not json');
    expect(await store.stat('doc')).toEqual({ key: 'doc', size: 8, sha256: sha256(Buffer.from('tampered')) });
  });

  it('can read a blob that was deleted while it was being read', async () => {
    const { root } = await scratch();
    const store = createFsBlobStore(root);
    await store.put('doc', Buffer.from('still here'));
    const stream = await store.get('doc');
    await store.delete('doc');

    expect(await readAll(stream)).toEqual(Buffer.from('still here'));
  });
});
