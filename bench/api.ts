// api — authenticated GET /api/me against a bare Fastify server returning the same JSON.
//
// Both servers live in this process, on this event loop, so they work under the same constraints;
// autocannon runs in a worker thread so that generating load does not eat the servers' loop.
// Embedded PGlite in a fresh temp directory by default; with DATABASE_URL, a fresh database
// `kelisim_bench_<pid>` created next to it (and dropped afterwards), so the given one is untouched.
//
//   npm run bench -- api                                          # PGlite
//   DATABASE_URL=postgres://root@127.0.0.1:5432/test npm run bench -- api
//
// Environment: BENCH_DURATION (seconds per measurement, default 10), BENCH_CONNECTIONS (default 50),
// BENCH_WARMUP (seconds, default 3), BENCH_ROUNDS (baseline/app pairs, default 1), REDIS_URL (bus).
// Prints progress on stderr and one JSON line on stdout, last.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoData, seedReferenceData } from '../src/server/db/seed.ts';
import { createPlatform } from '../src/server/platform/index.ts';

const seconds = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};
const DURATION = seconds('BENCH_DURATION', 10);
const CONNECTIONS = Math.round(seconds('BENCH_CONNECTIONS', 50));
const WARMUP = seconds('BENCH_WARMUP', 3);
const ROUNDS = Math.round(seconds('BENCH_ROUNDS', 1));
const ACCOUNT = DEMO_ACCOUNTS[0]?.email ?? 'party@demo.kelisim.kz';

const log = (message: string) => process.stderr.write(`[bench api] ${message}\n`);
const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

/** A database URL with another database name, on the same server and credentials. */
const withDatabase = (url: string, database: string) => {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
};

const cleanups: Array<() => Promise<unknown> | unknown> = [];
const cleanup = async () => {
  while (cleanups.length > 0) {
    const step = cleanups.pop();
    try {
      await step?.();
    } catch (error) {
      log(`cleanup: ${(error as Error).message}`);
    }
  }
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`${signal}: cleaning up`);
    void cleanup().finally(() => process.exit(130));
  });
}

/** A fresh database for this run on the server of DATABASE_URL; dropped at the end. */
const createBenchDatabase = async (url: string) => {
  const name = `kelisim_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  cleanups.push(async () => {
    const client = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
    log(`dropped database ${name}`);
  });
  log(`created database ${name}`);
  return withDatabase(url, name);
};

const load = (url: string, cookie: string, duration: number) =>
  autocannon({
    url,
    connections: CONNECTIONS,
    duration,
    headers: { cookie, accept: 'application/json' },
    // Generating load in its own thread: the servers under test keep this thread's event loop.
    workers: 1,
  });

type Figures = { rps: number; p99: number; non2xx: number; errors: number; requests: number };
const figures = (result: autocannon.Result): Figures => ({
  rps: result.requests.average,
  p99: result.latency.p99,
  non2xx: result.non2xx,
  errors: result.errors,
  requests: result.requests.total,
});
const combine = (runs: Figures[]): Figures => ({
  rps: runs.reduce((sum, run) => sum + run.rps, 0) / runs.length,
  p99: Math.max(...runs.map((run) => run.p99)),
  non2xx: runs.reduce((sum, run) => sum + run.non2xx, 0),
  errors: runs.reduce((sum, run) => sum + run.errors, 0),
  requests: runs.reduce((sum, run) => sum + run.requests, 0),
});

const main = async () => {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kelisim-bench-'));
  cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const benchUrl = databaseUrl ? await createBenchDatabase(databaseUrl) : undefined;

  const config = loadConfig({
    ...process.env,
    KELISIM_DATA_DIR: dataDir,
    DATABASE_URL: benchUrl ?? '',
    // Only the demo accounts' password hash depends on it: a login, not what is measured.
    KELISIM_SCRYPT_COST: String(2 ** 12),
    KELISIM_DEMO: '1',
    PUBLIC_URL: 'http://127.0.0.1',
  });
  const { platform, close } = await createPlatform(config);
  cleanups.push(close);
  const db = platform.database.engine;
  log(`database: ${db}${benchUrl ? ` (${new URL(benchUrl).pathname.slice(1)})` : ` (${dataDir})`}; bus: ${config.redisUrl ? 'redis' : 'memory'}`);
  await platform.database.migrate();
  await seedReferenceData(platform.database.db);
  await seedDemoData(platform.database.db, config.scryptCost);

  const { app } = await buildApp(platform, { logger: false, webDist: null });
  cleanups.push(() => app.close());
  const appUrl = await app.listen({ port: 0, host: '127.0.0.1' });

  const login = await fetch(`${appUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ACCOUNT, password: DEMO_PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`login as ${ACCOUNT} answered ${login.status}: ${await login.text()}`);
  const session = login.headers.getSetCookie().find((value) => value.startsWith('kelisim_session='));
  if (!session) throw new Error('login set no kelisim_session cookie');
  const cookie = session.split(';')[0] as string;

  const meResponse = await fetch(`${appUrl}/api/me`, { headers: { cookie } });
  if (meResponse.status !== 200) throw new Error(`GET /api/me answered ${meResponse.status}`);
  const meText = await meResponse.text();
  const me: unknown = JSON.parse(meText);
  log(`logged in as ${ACCOUNT}; /api/me is ${Buffer.byteLength(meText)} bytes of JSON`);

  // The floor: what Fastify alone costs for the same answer, in the same process.
  const bare = Fastify({ logger: false });
  bare.get('/api/me', async () => me);
  cleanups.push(() => bare.close());
  const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });
  const bareText = await (await fetch(`${bareUrl}/api/me`)).text();
  if (JSON.stringify(JSON.parse(bareText)) !== JSON.stringify(me)) throw new Error('bare server answers other JSON');

  log(`warm-up ${WARMUP}s each, then ${ROUNDS} round(s) of ${DURATION}s per server, ${CONNECTIONS} connections`);
  await load(`${bareUrl}/api/me`, cookie, WARMUP);
  await load(`${appUrl}/api/me`, cookie, WARMUP);

  const baselineRuns: Figures[] = [];
  const appRuns: Figures[] = [];
  for (let i = 1; i <= ROUNDS; i++) {
    const base = figures(await load(`${bareUrl}/api/me`, cookie, DURATION));
    log(`round ${i} baseline: ${Math.round(base.rps)} req/s, p99 ${base.p99} ms, non-2xx ${base.non2xx}`);
    baselineRuns.push(base);
    const run = figures(await load(`${appUrl}/api/me`, cookie, DURATION));
    log(`round ${i} app:      ${Math.round(run.rps)} req/s, p99 ${run.p99} ms, non-2xx ${run.non2xx}`);
    appRuns.push(run);
  }
  const baseline = combine(baselineRuns);
  const measured = combine(appRuns);

  const result = {
    bench: 'api',
    db,
    rps: Math.round(measured.rps),
    baseline_rps: Math.round(baseline.rps),
    ratio: round(measured.rps / baseline.rps),
    p99_ms: measured.p99,
    non2xx: measured.non2xx,
    baseline_non2xx: baseline.non2xx,
    errors: measured.errors + baseline.errors,
    baseline_p99_ms: baseline.p99,
    requests: measured.requests,
    connections: CONNECTIONS,
    duration_s: DURATION * ROUNDS,
    bus: config.redisUrl ? 'redis' : 'memory',
    node: process.version,
    cpus: os.availableParallelism(),
  };
  await cleanup();
  process.stdout.write(`${JSON.stringify(result)}\n`);
  if (result.non2xx > 0 || result.errors > 0 || result.requests === 0) {
    log(`FAILED: the app answered ${result.non2xx} non-2xx responses, ${result.errors} connection errors`);
    process.exitCode = 1;
  }
};

main().catch(async (error) => {
  log(`error: ${(error as Error).stack ?? error}`);
  await cleanup();
  process.exit(1);
});
