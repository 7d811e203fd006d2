import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { formatRegistryNumber } from '../../core/registry/status.ts';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
/** A database or a transaction: repositories take one of these and never reach for a global. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

/** Rows of a raw `db.execute(sql…)`: both drivers answer `{ rows }`, typed differently. */
export const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/** Draws the next registry number (KZ-MED-000001 …) from its sequence, inside the caller's transaction. */
export const nextRegistryNumber = async (tx: Db) =>
  formatRegistryNumber(
    Number(
      rowsOf<{ n: string }>(await tx.execute(sql`select nextval('mediator_registry_number_seq') as n`))[0]?.n,
    ),
  );

export type Database = {
  db: Db;
  engine: 'pglite' | 'postgres';
  migrate(): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
};

export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export const openPostgres = (url: string, poolSize = 10): Database => {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection the server closed (a restart, a failover, an administrator) is an 'error'
  // event on the pool; unheard, it would end the process. The pool drops that connection and opens
  // a new one when next needed, so saying it is enough.
  pool.on('error', (error) => {
    process.emitWarning(`PostgreSQL closed an idle connection: ${error.message}`);
  });
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    engine: 'postgres',
    migrate: () => migratePg(drizzlePg(pool), { migrationsFolder: MIGRATIONS_DIR }),
    ping: async () => {
      await pool.query('select 1');
    },
    close: () => pool.end(),
  };
};

export const wrapPglite = (client: PGlite): Database => {
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    engine: 'pglite',
    migrate: () => migratePglite(drizzlePglite(client), { migrationsFolder: MIGRATIONS_DIR }),
    ping: async () => {
      await client.query('select 1');
    },
    close: () => client.close(),
  };
};

/** Embedded PostgreSQL in `dir`, guarded by a pid lock: two processes on one directory corrupt it. */
export const openPglite = async (dir: string): Promise<Database> => {
  fs.mkdirSync(dir, { recursive: true });
  const release = lockDataDir(dir);
  try {
    const client = await PGlite.create(path.join(dir, 'pg'));
    const database = wrapPglite(client);
    return {
      ...database,
      close: async () => {
        await database.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
};

export class DataDirLockedError extends Error {}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Takes `<dir>/kelisim.pid`; a stale lock of a dead process is taken over. Returns the release. */
export const lockDataDir = (dir: string): (() => void) => {
  const lockFile = path.join(dir, 'kelisim.pid');
  const take = () => fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
  try {
    take();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const holder = Number(fs.readFileSync(lockFile, 'utf8'));
    if (holder && holder !== process.pid && isAlive(holder)) {
      throw new DataDirLockedError(`data directory ${dir} is in use by process ${holder}`);
    }
    fs.rmSync(lockFile, { force: true });
    take();
  }
  return () => fs.rmSync(lockFile, { force: true });
};

export const openDatabase = (config: { databaseUrl?: string; dataDir: string }): Promise<Database> =>
  config.databaseUrl ? Promise.resolve(openPostgres(config.databaseUrl)) : openPglite(config.dataDir);
