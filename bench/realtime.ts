// realtime — delivery latency of room messages through the app's live socket (/api/live, issue 5),
// against a raw `ws` relay for the same rooms of 4, in the same process and run.
//
// Rooms: the joint room of one active case each — three parties and the mediator, four sockets
// (bench/lib/realtime-seed.ts inserts people, sessions and cases directly). Every client subscribes
// ({type:'subscribe', room:'joint', since:0}); the harness (bench/lib/realtime-client.ts, in worker
// threads so that the servers keep this thread's event loop) then sends `send` frames open-loop at
// BENCH_RATE msg/s in total, message k from member ⌊k/R⌋ mod 4 of room k mod R, for BENCH_WARMUP s
// (not measured) and BENCH_DURATION s (measured), and waits for every delivery. On the app each
// message takes the real path: session check, frame validation, authorisation under a shared lock
// on the case, the room's next seq, the body sealed and stored, the author's marks, publish on the
// bus, push to every subscribed socket (messages.ts, hub.ts). The baseline (bench/lib/
// realtime-baseline.ts) relays each frame's bytes to the 3 other sockets of the room and nothing else.
//
// Definitions:
//   latency     send() at the sender → the frame's arrival at each of the 3 other members, both on
//               the sending worker's clock (a room lives in one worker); p50/p99 over all deliveries
//               of the measured messages.
//   throughput  deliveries that arrive from the first measured send to the arrival of the last
//               measured delivery (warm-up messages still queued count: they are work done in the
//               window), ÷ that window, summed over the workers. A server that keeps up gives
//               ≈ 3 × BENCH_RATE/s; one that falls behind stretches the window by its backlog, so
//               this is the rate it actually delivers at. msgs_per_s = that ÷ 3.
//   ratio       throughput of the app ÷ throughput of the baseline, same harness, same offered load.
//   rss_mb      peak RSS of this process during the app's phase: both servers (the baseline idle),
//               the client threads (not child processes), PGlite when embedded. rss_idle_mb is the same before any socket.
// Exits 1 if any message is lost or duplicated — every receiver checks each sender's counter and,
// on the app, that it got the room's seq 1…n once each in order — or any error frame came back.
//
//   npm run bench -- realtime                                         # PGlite, memory bus, 2 000 clients
//   npm run bench -- realtime --clients 10000
//   DATABASE_URL=postgres://root@127.0.0.1:5432/test npm run bench -- realtime
//   DATABASE_URL=… REDIS_URL=redis://127.0.0.1:6379 npm run bench -- realtime   # two nodes on Redis
//
// Environment:
//   BENCH_CLIENTS        sockets, 4 per room (default 2000; `--clients N` wins)
//   BENCH_RATE           messages/s offered, all rooms together (default 2000)
//   BENCH_DURATION       measured seconds (default 20);  BENCH_WARMUP  seconds before (default 3)
//   BENCH_DRAIN, BENCH_STALL  after the last send, wait at most this long for deliveries, or this
//                        long without any (defaults 1200 s, 30 s); what is missing then is
//                        "undelivered" (and the run fails: loss cannot be ruled out)
//   BENCH_NODES          app nodes (default 2 with REDIS_URL, else 1): with 2, two buildApp
//                        instances on the one database, each with its own Redis bus (and its own
//                        pool of 10 on PostgreSQL), both on this thread; members 0–1 of a room
//                        connect to node A, 2–3 to node B, so every message crosses nodes
//   BENCH_CLIENT_HOSTS   threads (or processes) of clients (default 1); BENCH_CONNECT  handshakes in
//                        flight (default 100)
//   BENCH_CLIENT_HOST    thread | process: where the clients run. Default: worker threads, or child
//                        processes when this process cannot have 2 descriptors per client
//                        (bench/lib/realtime-host.ts)
//   BENCH_BODY_CHARS     characters per message body (default 120)
//   BENCH_POOL           PostgreSQL connections per node (default: the app's, 10)
//   BENCH_PROFILE        file.cpuprofile: profile the main thread during the app's measured run,
//                        count the SQL statements per message, and print where the time went (the
//                        figures of that run carry "profiled": true)
// The fd limit is raised with prlimit(1) when the sockets need more and the hard limit allows.
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../src/server/app.ts';
import { openPostgres } from '../src/server/db/open.ts';
import { createRedisBus } from '../src/server/platform/bus/redis.ts';
import { profileWhile } from './lib/cpu-profile.ts';
import { type Profile, summarizeProfile } from './lib/profile-summary.ts';
import { startBaseline } from './lib/realtime-baseline.ts';
import type { RunResult, RunSpec } from './lib/realtime-client.ts';
import { type Clients, startClients } from './lib/realtime-host.ts';
import {
  cpuMeter,
  formatStatements,
  type PoolLike,
  poolMeter,
  processMeter,
  REALTIME_BUCKETS,
  statementCounter,
} from './lib/realtime-measure.ts';
import { seedRooms } from './lib/realtime-seed.ts';
import { benchLog, cleanup, onCleanup, openBenchPlatform, percentile, roundTo } from './support.ts';

const log = benchLog('realtime');

const number = (name: string, raw: string | undefined, fallback: number, min = 1) => {
  const value = Number(raw ?? fallback);
  if (!Number.isFinite(value) || value < min) throw new Error(`${name} must be a number ≥ ${min}`);
  return value;
};
const argValue = (flag: string) => {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const env = process.env;
const S = {
  clients: Math.ceil(number('--clients', argValue('--clients') ?? env.BENCH_CLIENTS, 2000, 4) / 4) * 4,
  rate: number('BENCH_RATE', env.BENCH_RATE, 2000),
  duration: number('BENCH_DURATION', env.BENCH_DURATION, 20),
  warmup: number('BENCH_WARMUP', env.BENCH_WARMUP, 3, 0),
  drain: number('BENCH_DRAIN', env.BENCH_DRAIN, 1200),
  stall: number('BENCH_STALL', env.BENCH_STALL, 30),
  nodes: Math.round(number('BENCH_NODES', env.BENCH_NODES, env.REDIS_URL ? 2 : 1)),
  clientHosts: Math.round(number('BENCH_CLIENT_HOSTS', env.BENCH_CLIENT_HOSTS, 1)),
  clientHost: (['thread', 'process'] as const).find((h) => h === env.BENCH_CLIENT_HOST) ?? null,
  connect: Math.round(number('BENCH_CONNECT', env.BENCH_CONNECT, 100)),
  bodyChars: Math.round(number('BENCH_BODY_CHARS', env.BENCH_BODY_CHARS, 120, 40)),
  profile: env.BENCH_PROFILE ? path.resolve(env.BENCH_PROFILE) : null,
  redisUrl: env.REDIS_URL || null,
  pool: env.BENCH_POOL ? Math.round(number('BENCH_POOL', env.BENCH_POOL, 10)) : null,
};

const sortedOf = (arrays: Float64Array[]) => {
  const all = new Float64Array(arrays.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of arrays) {
    all.set(a, at);
    at += a.length;
  }
  return Array.from(all.sort());
};
const sumOf = (values: number[]) => values.reduce((total, value) => total + value, 0);
const merge = (records: Record<string, number>[]) => {
  const out: Record<string, number> = {};
  for (const record of records) for (const [k, v] of Object.entries(record)) out[k] = (out[k] ?? 0) + v;
  return out;
};

/** One server's phase: connect and subscribe every client, warm up, measure, drain, check, close. */
const phase = async (
  name: 'baseline' | 'app',
  urls: string[],
  clients: Clients,
  cpu: () => () => Record<string, number>,
  startCounting: () => () => Map<string, number>,
  pools: PoolLike[],
) => {
  const load = [os.loadavg()[0] as number];
  log(`${name}: connecting ${S.clients} sockets (load ${load[0]?.toFixed(2)})`);
  const opened = await clients.all({ type: 'open', kind: name, urls });
  const connectMs = Math.max(...opened.map((o) => (o.type === 'opened' ? o.ms : 0)));
  log(
    `${name}: ${S.clients} subscribed in ${(connectMs / 1000).toFixed(1)} s; ${S.warmup} s warm-up + ${S.duration} s at ${S.rate} msg/s`,
  );
  const spec: RunSpec = {
    rate: S.rate / S.clientHosts,
    warmupS: S.warmup,
    durationS: S.duration,
    drainS: S.drain,
    stallS: S.stall,
  };
  const stopProcess = processMeter();
  const stopPools = name === 'app' ? poolMeter(pools) : null;
  const stopCpu = cpu();
  // Counting statements costs the app thread a little: only in the diagnostic (profiled) run.
  const stopCounting = name === 'app' && S.profile ? startCounting() : null;
  const runAll = () => clients.all({ type: 'run', ...spec });
  const profiled = name === 'app' && S.profile;
  const replies = profiled ? await profileWhile(profiled, runAll) : { result: await runAll(), profile: null };
  const cores = stopCpu();
  const pool = stopPools?.() ?? null;
  const statements = stopCounting?.() ?? null;
  const proc = stopProcess();
  load.push(os.loadavg()[0] as number);
  const runs = replies.result.map((r) => (r as { result: RunResult }).result);
  const deliveries = sumOf(runs.map((r) => r.deliveries));
  const throughput = sumOf(
    runs.map((r) => (r.windowDeliveries * 1000) / Math.max(1, r.lastDeliveryAt - r.firstSendAt)),
  );
  const latencies = sortedOf(runs.map((r) => r.latencies));
  const acks = sortedOf(runs.map((r) => r.ackLatencies));
  const at = (values: number[], p: number) => roundTo(percentile(values, p), 1);
  const sent = sumOf(runs.map((r) => r.sent));
  const figures = {
    throughput,
    msgsPerS: throughput / 3,
    sentPerS: sumOf(runs.map((r) => (r.sent * 1000) / Math.max(1, r.lastSendAt - r.firstSendAt))),
    p50: at(latencies, 50),
    p90: at(latencies, 90),
    p99: at(latencies, 99),
    max: roundTo(latencies[latencies.length - 1] ?? 0, 1),
    ackP50: acks.length ? at(acks, 50) : null,
    ackP99: acks.length ? at(acks, 99) : null,
    sent,
    deliveries,
    lost: sumOf(runs.map((r) => r.lost)),
    undelivered: sumOf(runs.map((r) => r.undelivered)),
    duplicated: sumOf(runs.map((r) => r.duplicated)),
    seqFaults: sumOf(runs.map((r) => r.seqFaults)),
    closedEarly: sumOf(runs.map((r) => r.closedEarly)),
    errors: merge(runs.map((r) => r.errors)),
    framesPerS: Object.fromEntries(
      Object.entries(merge(runs.map((r) => r.frames))).map(([k, v]) => [
        k,
        Math.round((v * 1000) / Math.max(...runs.map((r) => r.elapsedMs))),
      ]),
    ),
    drainS: roundTo(Math.max(...runs.map((r) => r.drainMs)) / 1000, 1),
    stalled: runs.some((r) => r.stalled),
    connectS: roundTo(connectMs / 1000, 1),
    cores,
    pool,
    ...proc,
    load: load.map((l) => roundTo(l, 2)),
  };
  log(
    `${name}: ${Math.round(figures.msgsPerS)} msg/s delivered (${Math.round(figures.sentPerS)} sent/s), p50 ${figures.p50} ms, p99 ${figures.p99} ms, max ${figures.max} ms, ` +
      `drain ${figures.drainS} s, lost ${figures.lost}, undelivered ${figures.undelivered}, duplicated ${figures.duplicated}, seq faults ${figures.seqFaults}, ` +
      `errors ${JSON.stringify(figures.errors)}, rss ${proc.rssMb} MB, loop delay p99 ${proc.loopDelayP99Ms} ms max ${proc.loopDelayMaxMs} ms, cores ${JSON.stringify(cores)}, load ${figures.load.join('→')}`,
  );
  if (pool)
    log(
      `${name}: database pool: ${pool.busy} of ${pool.size} connections busy on average, ${pool.waiting} queries queued`,
    );
  log(`${name}: frames received per second by type ${JSON.stringify(figures.framesPerS)}`);
  // Mean latency by second of sending (first client host): a growing backlog or a stall shows here.
  const timeline = runs[0]?.timeline ?? new Float64Array(0);
  const trend = Array.from({ length: timeline.length / 2 }, (_, i) =>
    Math.round((timeline[2 * i] as number) / Math.max(1, timeline[2 * i + 1] as number)),
  );
  log(`${name}: mean latency (ms) of the messages sent in each second: ${trend.join(' ')}`);
  if (statements) {
    const messages = sumOf(runs.map((r) => r.sent + r.warmupSent));
    log(`${name}: SQL statements per message (warm-up, measured and drain, all sources):`);
    process.stderr.write(`${formatStatements(statements, messages)}\n`);
  }
  if (replies.profile)
    process.stderr.write(
      `${summarizeProfile(replies.profile as unknown as Profile, REALTIME_BUCKETS, sent, 'µs/msg')}\n`,
    );
  await clients.all({ type: 'close' });
  return figures;
};

const main = async () => {
  if (S.nodes > 2) throw new Error('BENCH_NODES is 1 or 2');
  if (S.nodes === 2 && !S.redisUrl) throw new Error('two nodes need REDIS_URL (their shared bus)');
  const { platform, config, engine: db, where } = await openBenchPlatform('realtime');
  const bus = S.redisUrl ? 'redis' : 'memory';
  log(
    `database: ${db} (${where}); bus: ${bus}; nodes: ${S.nodes}; load ${os.loadavg().map((l) => l.toFixed(2))}`,
  );
  const rooms = await seedRooms(platform.database.db, S.clients / 4, new Date());
  log(`${rooms.length} active cases, ${S.clients} accounts with sessions`);

  // The app's nodes: on Redis each has its own bus (two connections) under a prefix of this run,
  // as separate processes would; without Redis one node on the platform's memory bus.
  const prefix = `kelisim-bench:${randomUUID()}:`;
  const apps: string[] = [];
  const pools: PoolLike[] = [];
  for (let n = 0; n < S.nodes; n++) {
    const nodeBus = S.redisUrl ? await createRedisBus(S.redisUrl, { prefix }) : platform.bus;
    if (S.redisUrl) onCleanup(() => nodeBus.close());
    // On PostgreSQL each node has its own pool, as a node in its own process would; BENCH_POOL sizes it.
    const ownPool = config.databaseUrl && (n > 0 || S.pool);
    const database = ownPool ? openPostgres(config.databaseUrl as string, S.pool ?? 10) : platform.database;
    if (database !== platform.database) onCleanup(() => database.close());
    const client = (database.db as unknown as { $client?: Partial<PoolLike> }).$client;
    if (typeof client?.waitingCount === 'number') pools.push(client as PoolLike);
    const { app } = await buildApp({ ...platform, database, bus: nodeBus }, { logger: false, webDist: null });
    onCleanup(() => app.close());
    apps.push(`${(await app.listen({ port: 0, host: '127.0.0.1' })).replace(/^http/, 'ws')}/api/live`);
  }
  const appUrls = [0, 1, 2, 3].map((m) => apps[Math.floor((m * apps.length) / 4)] as string);
  const baseline = await startBaseline();
  onCleanup(() => baseline.close());

  const clients = await startClients(
    rooms,
    { count: S.clientHosts, connect: S.connect, bodyChars: S.bodyChars, host: S.clientHost },
    log,
  );
  const database = db === 'postgres' ? where : null;
  const cpu = () => cpuMeter(clients, database);
  const rssIdle = Math.round(process.memoryUsage.rss() / 2 ** 20);
  const counting = await statementCounter();
  const base = await phase(
    'baseline',
    [0, 1, 2, 3].map(() => baseline.url),
    clients,
    cpu,
    counting,
    pools,
  );
  const measured = await phase('app', appUrls, clients, cpu, counting, pools);

  const result = {
    bench: 'realtime',
    db,
    bus,
    clients: S.clients,
    msgs_per_s: Math.round(measured.msgsPerS),
    p50_ms: measured.p50,
    p99_ms: measured.p99,
    baseline_p99_ms: base.p99,
    ratio: roundTo(measured.throughput / base.throughput, 3),
    rss_mb: measured.rssMb,
    nodes: S.nodes,
    rooms: rooms.length,
    offered_msgs_per_s: S.rate,
    sent_msgs_per_s: Math.round(measured.sentPerS),
    duration_s: S.duration,
    p90_ms: measured.p90,
    max_ms: measured.max,
    ack_p50_ms: measured.ackP50,
    ack_p99_ms: measured.ackP99,
    drain_s: measured.drainS,
    baseline_msgs_per_s: Math.round(base.msgsPerS),
    baseline_p50_ms: base.p50,
    baseline_max_ms: base.max,
    baseline_rss_mb: base.rssMb,
    rss_idle_mb: rssIdle,
    lost: measured.lost + base.lost,
    undelivered: measured.undelivered + base.undelivered,
    duplicated: measured.duplicated + base.duplicated,
    seq_faults: measured.seqFaults,
    errors: { ...measured.errors, ...base.errors },
    app_frames_per_s: measured.framesPerS,
    loop_delay_p99_ms: measured.loopDelayP99Ms,
    loop_delay_max_ms: measured.loopDelayMaxMs,
    pool: measured.pool,
    baseline_loop_delay_p99_ms: base.loopDelayP99Ms,
    cores: { app: measured.cores, baseline: base.cores },
    connect_s: { app: measured.connectS, baseline: base.connectS },
    goal_p99_met: measured.p99 < 50 && S.clients >= 10_000 && S.rate >= 2000,
    goal_ratio_met: measured.throughput / base.throughput >= 0.5,
    load_avg: { baseline: base.load, app: measured.load },
    client_host: clients.host,
    profiled: Boolean(S.profile),
    node: process.version,
    cpus: os.availableParallelism(),
  };
  await cleanup();
  process.stdout.write(`${JSON.stringify(result)}\n`);
  const faults =
    result.lost +
    result.undelivered +
    result.duplicated +
    result.seq_faults +
    measured.closedEarly +
    base.closedEarly;
  if (faults > 0 || Object.keys(result.errors).length > 0 || measured.deliveries === 0) {
    log(
      `FAILED: lost ${result.lost}, undelivered ${result.undelivered}, duplicated ${result.duplicated}, seq faults ${result.seq_faults}, ` +
        `closed early ${measured.closedEarly + base.closedEarly}, errors ${JSON.stringify(result.errors)}` +
        (measured.stalled ? ' (the drain ended before every delivery arrived: BENCH_DRAIN/BENCH_STALL)' : ''),
    );
    process.exitCode = 1;
  }
};

main().catch(async (error) => {
  log(`error: ${(error as Error).stack ?? error}`);
  await cleanup();
  process.exit(1);
});
