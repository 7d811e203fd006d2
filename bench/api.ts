// api — authenticated GET /api/me against a bare Fastify server returning the same JSON.
//
// Both servers live in this process, on this event loop, so they work under the same constraints;
// autocannon runs in a worker thread so that generating load does not eat the servers' loop.
// Embedded PGlite in a fresh temp directory by default; with DATABASE_URL, a fresh database
// `kelisim_bench_api_<pid>` on that server, dropped afterwards (bench/support.ts).
//
//   npm run bench -- api                                          # PGlite
//   DATABASE_URL=postgres://root@127.0.0.1:5432/test npm run bench -- api
//
// Environment:
//   BENCH_DURATION     seconds per measurement (default 10)
//   BENCH_CONNECTIONS  autocannon connections (default 50)
//   BENCH_WARMUP       seconds of warm-up per server (default 3)
//   BENCH_ROUNDS       baseline/app pairs, alternated so that a busy neighbour hurts both alike;
//                      figures are medians over rounds (default 3)
//   BENCH_PROFILE      file.cpuprofile: after the figures, profile one more run of each server and
//                      print where the main thread spent its time (bench/lib/cpu-profile.ts)
//   REDIS_URL          the bus between nodes, as in production
// Prints progress on stderr and one JSON line on stdout, last; exits 1 if the app answered non-2xx.
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { buildApp } from '../src/server/app.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoData, seedReferenceData } from '../src/server/db/seed.ts';
import { formatSummary, profileWhile, summarize } from './lib/cpu-profile.ts';
import { benchLog, cleanup, onCleanup, openBenchPlatform, roundTo } from './support.ts';

const positive = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};
const DURATION = positive('BENCH_DURATION', 10);
const CONNECTIONS = Math.round(positive('BENCH_CONNECTIONS', 50));
const WARMUP = positive('BENCH_WARMUP', 3);
const ROUNDS = Math.round(positive('BENCH_ROUNDS', 3));
const PROFILE = process.env.BENCH_PROFILE ? path.resolve(process.env.BENCH_PROFILE) : null;
const ACCOUNT = DEMO_ACCOUNTS[0]?.email ?? 'party@demo.kelisim.kz';

const log = benchLog('api');

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
const median = (values: number[]) => {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
/** Medians over the rounds (a burst on a shared machine moves one round, not the figure). */
const combine = (runs: Figures[]): Figures => ({
  rps: median(runs.map((run) => run.rps)),
  p99: median(runs.map((run) => run.p99)),
  non2xx: sum(runs.map((run) => run.non2xx)),
  errors: sum(runs.map((run) => run.errors)),
  requests: sum(runs.map((run) => run.requests)),
});

const main = async () => {
  const { platform, config, engine: db, where } = await openBenchPlatform('api');
  log(`database: ${db} (${where}); bus: ${config.redisUrl ? 'redis' : 'memory'}`);
  await seedReferenceData(platform.database.db);
  await seedDemoData(platform.database.db, config.scryptCost);

  const { app } = await buildApp(platform, { logger: false, webDist: null });
  onCleanup(() => app.close());
  const appUrl = await app.listen({ port: 0, host: '127.0.0.1' });

  const login = await fetch(`${appUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ACCOUNT, password: DEMO_PASSWORD }),
  });
  if (login.status !== 200)
    throw new Error(`login as ${ACCOUNT} answered ${login.status}: ${await login.text()}`);
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
  onCleanup(() => bare.close());
  const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });
  const bareText = await (await fetch(`${bareUrl}/api/me`)).text();
  if (JSON.stringify(JSON.parse(bareText)) !== JSON.stringify(me))
    throw new Error('bare server answers other JSON');

  log(
    `warm-up ${WARMUP}s each, then ${ROUNDS} round(s) of ${DURATION}s per server, ${CONNECTIONS} connections`,
  );
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

  // Optional: one more run of each server under the sampling profiler, apart from the figures.
  if (PROFILE) {
    for (const [name, url, file] of [
      ['baseline', bareUrl, PROFILE.replace(/(\.cpuprofile)?$/, '.baseline.cpuprofile')],
      ['app', appUrl, PROFILE],
    ] as const) {
      const { result, profile } = await profileWhile(file, () => load(`${url}/api/me`, cookie, DURATION));
      log(`${name} under the profiler: ${Math.round(result.requests.average)} req/s; profile in ${file}`);
      process.stderr.write(`${formatSummary(summarize(profile, result.requests.total))}\n`);
    }
  }

  const result = {
    bench: 'api',
    db,
    rps: Math.round(measured.rps),
    baseline_rps: Math.round(baseline.rps),
    // Each round's app run is compared with the baseline run just before it.
    ratio: roundTo(median(appRuns.map((run, i) => run.rps / (baselineRuns[i] as Figures).rps))),
    p99_ms: measured.p99,
    non2xx: measured.non2xx,
    baseline_non2xx: baseline.non2xx,
    errors: measured.errors + baseline.errors,
    baseline_p99_ms: baseline.p99,
    requests: measured.requests,
    connections: CONNECTIONS,
    duration_s: DURATION * ROUNDS,
    rounds: ROUNDS,
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
