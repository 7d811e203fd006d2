// What every benchmark needs: a fresh database of its own (PGlite in a temp directory, or a new
// PostgreSQL database next to DATABASE_URL, dropped afterwards), a platform on it, and cleanup.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../src/server/config.ts';
import { createPlatform } from '../src/server/platform/index.ts';

export const benchLog = (name: string) => (message: string) =>
  process.stderr.write(`[bench ${name}] ${message}\n`);
export const roundTo = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

const cleanups: Array<() => Promise<unknown> | unknown> = [];
export const onCleanup = (step: () => Promise<unknown> | unknown) => cleanups.push(step);
export const cleanup = async () => {
  while (cleanups.length > 0) {
    try {
      await cleanups.pop()?.();
    } catch (error) {
      process.stderr.write(`cleanup: ${(error as Error).message}\n`);
    }
  }
};
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => void cleanup().finally(() => process.exit(130)));

/** A database URL with another database name, on the same server and credentials. */
export const withDatabase = (url: string, database: string) => {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
};

const adminQuery = async (url: string, query: string) => {
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    await client.query(query);
  } finally {
    await client.end();
  }
};

/** Migrated platform on a database of the run's own; DATABASE_URL only names the server. */
export const openBenchPlatform = async (bench: string) => {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `kelisim-bench-${bench}-`));
  onCleanup(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  let benchUrl: string | undefined;
  if (databaseUrl) {
    const name = `kelisim_bench_${bench}_${process.pid}`;
    await adminQuery(databaseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await adminQuery(databaseUrl, `CREATE DATABASE ${name}`);
    // BENCH_KEEP=1 leaves the database for EXPLAIN ANALYZE afterwards.
    if (!process.env.BENCH_KEEP)
      onCleanup(() => adminQuery(databaseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    benchUrl = withDatabase(databaseUrl, name);
  }
  const config = loadConfig({
    ...process.env,
    KELISIM_DATA_DIR: dataDir,
    DATABASE_URL: benchUrl ?? '',
    // Only demo passwords depend on it: logins are set-up, not what is measured.
    KELISIM_SCRYPT_COST: String(2 ** 12),
    KELISIM_DEMO: '1',
    PUBLIC_URL: 'http://127.0.0.1',
  });
  const { platform, close } = await createPlatform(config);
  onCleanup(close);
  await platform.database.migrate();
  return {
    platform,
    config,
    engine: platform.database.engine,
    where: benchUrl ? new URL(benchUrl).pathname.slice(1) : dataDir,
  };
};

export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
