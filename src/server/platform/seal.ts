import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { dataKeys } from '../db/schema/index.ts';

// Encryption at rest (DESIGN.md §5): mediation content and uploaded documents are sealed with
// AES-256-GCM under a data key per scope; data keys are stored wrapped by the master key.
// Nothing outside this file sees keys or ciphertext layout.
const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

const encrypt = (key: Buffer, plaintext: Buffer, aad: string) => {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
};

const decrypt = (key: Buffer, sealed: Buffer, aad: string) => {
  if (sealed[0] !== VERSION) throw new Error('unknown sealed format');
  const iv = sealed.subarray(1, 1 + IV_BYTES);
  const tag = sealed.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(sealed.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]);
};

/**
 * The master key: KELISIM_MASTER_KEY (base64 of 32 bytes) in production; in embedded mode one is
 * generated once into the data directory, readable by the owner only.
 */
export const loadMasterKey = (env: NodeJS.ProcessEnv, dataDir: string): Buffer => {
  if (env.KELISIM_MASTER_KEY) {
    const key = Buffer.from(env.KELISIM_MASTER_KEY, 'base64');
    if (key.length !== 32) throw new Error('KELISIM_MASTER_KEY must be 32 bytes, base64-encoded');
    return key;
  }
  const file = path.join(dataDir, 'master.key');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  }
  return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
};

export type Sealer = {
  /** Loads (creating what is missing) the keys of many scopes in two statements: a batch's cold start. */
  warm(db: Db, scopes: string[]): Promise<void>;
  seal(db: Db, scope: string, plaintext: Buffer): Promise<Buffer>;
  open(db: Db, scope: string, sealed: Buffer): Promise<Buffer>;
};

export const createSealer = (masterKey: Buffer): Sealer => {
  const cache = new Map<string, Buffer>();
  const dataKey = async (db: Db, scope: string, create: boolean) => {
    const cached = cache.get(scope);
    if (cached) return cached;
    const [row] = await db.select().from(dataKeys).where(eq(dataKeys.scope, scope));
    let key: Buffer;
    if (row) key = decrypt(masterKey, row.wrappedKey, `data-key:${scope}`);
    else if (create) {
      key = randomBytes(32);
      await db
        .insert(dataKeys)
        .values({ scope, wrappedKey: encrypt(masterKey, key, `data-key:${scope}`) })
        .onConflictDoNothing();
      // Another request may have created the scope's key first: use whichever was stored.
      const [stored] = await db.select().from(dataKeys).where(eq(dataKeys.scope, scope));
      if (stored) key = decrypt(masterKey, stored.wrappedKey, `data-key:${scope}`);
    } else throw new Error(`no data key for ${scope}`);
    if (cache.size > 10_000) cache.clear();
    cache.set(scope, key);
    return key;
  };
  const remember = (rows: { scope: string; wrappedKey: Buffer }[]) => {
    if (cache.size + rows.length > 10_000) cache.clear();
    for (const row of rows) cache.set(row.scope, decrypt(masterKey, row.wrappedKey, `data-key:${row.scope}`));
  };
  const stored = (db: Db, scopes: string[]) =>
    db.select().from(dataKeys).where(inArray(dataKeys.scope, scopes));
  return {
    warm: async (db, scopes) => {
      const wanted = [...new Set(scopes)].filter((scope) => !cache.has(scope));
      if (wanted.length === 0) return;
      const found = await stored(db, wanted);
      remember(found);
      const missing = wanted.filter((scope) => !cache.has(scope));
      if (missing.length === 0) return;
      await db
        .insert(dataKeys)
        .values(
          missing.map((scope) => ({
            scope,
            wrappedKey: encrypt(masterKey, randomBytes(32), `data-key:${scope}`),
          })),
        )
        .onConflictDoNothing();
      // Some may have been created by another request meanwhile: use whichever was stored.
      remember(await stored(db, missing));
    },
    // The scope is bound into the ciphertext (AAD): a sealed value moved to another scope won't open.
    seal: async (db, scope, plaintext) => encrypt(await dataKey(db, scope, true), plaintext, scope),
    open: async (db, scope, sealed) => decrypt(await dataKey(db, scope, false), sealed, scope),
  };
};
