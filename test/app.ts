import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import type { Platform } from '../src/server/context.ts';
import { type Database, openPostgres, rowsOf, wrapPglite } from '../src/server/db/open.ts';
import { memoryFailureCounter } from '../src/server/platform/auth/login-limiter.ts';
import { createFsBlobStore } from '../src/server/platform/blobs/fs.ts';
import { createMemoryBus } from '../src/server/platform/bus/memory.ts';
import type { Bus } from '../src/server/platform/bus/types.ts';
import { manualClock } from '../src/server/platform/clock.ts';
import { createOutboxMailer } from '../src/server/platform/mail/outbox.ts';
import { createSealer } from '../src/server/platform/seal.ts';
import { loadSignatures } from '../src/server/platform/signatures/index.ts';
import { adminUrl } from './global-setup.ts';

export const TEST_ENGINE = (process.env.KELISIM_TEST_ENGINE ?? 'pglite') as 'pglite' | 'postgres';

/** A fresh database for one test file, copied from the migrated template built in global-setup. */
const openTestDatabase = async (): Promise<Database> => {
  if (TEST_ENGINE === 'pglite') {
    const dump = fs.readFileSync(inject('pgliteTemplate'));
    return wrapPglite(await PGlite.create({ loadDataDir: new Blob([dump]) }));
  }
  const url = process.env.TEST_DATABASE_URL as string;
  const name = `kelisim_test_${process.pid}_${randomUUID().slice(0, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl(url) });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('postgresTemplate')}`);
  await admin.end();
  const database = openPostgres(adminUrl(url, name), 4);
  return {
    ...database,
    close: async () => {
      await database.close();
      const cleanup = new pg.Client({ connectionString: adminUrl(url) });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
};

/** Every table but the reference data (courts), so each test starts from a known state. */
export const truncateAll = async (database: Database) => {
  const tables = rowsOf<{ tablename: string }>(
    await database.db.execute(
      sql`select tablename from pg_tables where schemaname = 'public' and tablename <> 'courts'`,
    ),
  );
  const names = tables.map((row) => `"${row.tablename}"`).join(', ');
  await database.db.execute(sql.raw(`TRUNCATE ${names} RESTART IDENTITY CASCADE`));
};

/**
 * The real application on a real database, with ports that keep their effects where the test can
 * read them: mail goes to an outbox directory, time is a manual clock.
 */
export const createTestApp = async (env: Record<string, string> = {}, options: { bus?: Bus } = {}) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kelisim-test-'));
  const config = loadConfig({
    KELISIM_DATA_DIR: dataDir,
    KELISIM_SCRYPT_COST: String(2 ** 12),
    PUBLIC_URL: 'http://kelisim.test',
    KELISIM_DEMO: '1',
    ...env,
  });
  const database = await openTestDatabase();
  const start = new Date('2026-11-24T09:00:00Z');
  const clock = manualClock(start);
  // A test of several nodes passes each its own Redis bus; everything else shares memory.
  const bus = options.bus ?? createMemoryBus();
  const platform: Platform = {
    config,
    database,
    bus,
    blobs: createFsBlobStore(path.join(dataDir, 'blobs')),
    mailer: createOutboxMailer(path.join(dataDir, 'outbox'), config.mailFrom),
    clock,
    loginFailures: memoryFailureCounter(clock),
    redis: null,
    sealer: createSealer(randomBytes(32)),
    signatures: await loadSignatures({ env: config.env, dataDir, now: () => clock.now() }),
  };
  const { app, ctx, routes } = await buildApp(platform, { webDist: null });
  return {
    app,
    ctx,
    routes,
    clock,
    platform,
    outboxDir: path.join(dataDir, 'outbox'),
    reset: async () => {
      await truncateAll(database);
      clock.set(start);
      fs.rmSync(path.join(dataDir, 'outbox'), { recursive: true, force: true });
      platform.loginFailures = memoryFailureCounter(clock);
      ctx.loginFailures = platform.loginFailures;
    },
    close: async () => {
      await app.close();
      await bus.close();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;
