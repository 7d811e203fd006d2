// What bench/realtime.ts reads besides latencies, to say where the time went: CPU per thread and
// per PostgreSQL backend of the bench's own database (and Redis) from /proc, the process's peak
// RSS, the main thread's event-loop delay (the app's loop: when it is saturated every frame waits),
// and the main thread's CPU profile bucketed by component for this path.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Buckets } from './profile-summary.ts';

const TICK_MS = (() => {
  try {
    return 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
  } catch {
    return 10;
  }
})();
const read = (file: string) => {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
};
/** utime + stime of a /proc stat file in ms (fields 14 and 15, counted after the command name). */
const statMs = (file: string) => {
  const text = read(file);
  if (!text) return 0;
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
};

/** CPU ms by pid of the processes named `comm` whose command line contains `marker` (if given). */
const processesMs = (comm: string, marker?: string) => {
  const byPid = new Map<string, number>();
  if (!fs.existsSync('/proc')) return byPid;
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid) || read(`/proc/${pid}/comm`).trim() !== comm) continue;
    if (marker && !read(`/proc/${pid}/cmdline`).includes(marker)) continue;
    byPid.set(pid, statMs(`/proc/${pid}/stat`));
  }
  return byPid;
};
const delta = (before: Map<string, number>, after: Map<string, number>) =>
  [...after].reduce((sum, [pid, ms]) => sum + ms - (before.get(pid) ?? 0), 0);

/**
 * Starts counting; the returned function gives cores used (CPU ms ÷ wall ms) by: the main thread
 * (the servers, PGlite inside it), the clients (threads or processes), this process's other
 * threads (GC helpers, libuv), PostgreSQL backends of `database`, and redis-server.
 */
export const cpuMeter = (
  client: { statFiles: string[]; host: 'thread' | 'process' },
  database: string | null,
) => {
  const snap = () => {
    const usage = process.cpuUsage();
    return {
      at: performance.now(),
      main: statMs(`/proc/self/task/${process.pid}/stat`),
      client: client.statFiles.reduce((sum, file) => sum + statMs(file), 0),
      process: (usage.user + usage.system) / 1000,
      // A backend's title is "postgres: user database host(port) state": the database is a word of it.
      postgres: database ? processesMs('postgres', ` ${database} `) : new Map<string, number>(),
      redis: processesMs('redis-server'),
    };
  };
  const before = snap();
  return () => {
    const after = snap();
    const wall = after.at - before.at || 1;
    const cores = (ms: number) => Math.round((ms / wall) * 100) / 100;
    const main = after.main - before.main;
    const clientMs = after.client - before.client;
    const inProcess = client.host === 'thread' ? clientMs : 0;
    return {
      main_thread: cores(main),
      clients: cores(clientMs),
      other_threads: cores(after.process - before.process - main - inProcess),
      postgres: cores(delta(before.postgres, after.postgres)),
      redis: cores(delta(before.redis, after.redis)),
    };
  };
};

/** Peak RSS and the main thread's event-loop delay while a phase runs. */
export const processMeter = () => {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 250);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  return () => {
    clearInterval(timer);
    loop.disable();
    peak = Math.max(peak, process.memoryUsage.rss());
    return {
      rssMb: Math.round(peak / 2 ** 20),
      loopDelayP99Ms: Math.round(loop.percentile(99) / 1e4) / 100,
      loopDelayMaxMs: Math.round(loop.max / 1e4) / 100,
    };
  };
};

// --- the main thread's profile, bucketed for the live-socket path -------------------------------

/** Where the live-socket path spends the main thread (bench/realtime.ts BENCH_PROFILE). */
export const REALTIME_BUCKETS: Buckets = {
  byUrl: [
    [/@electric-sql\/pglite/, 'PGlite (PostgreSQL in WASM, on this thread)'],
    [/node_modules\/(pg|pg-protocol|pg-pool|pg-types)\//, 'pg driver'],
    [/drizzle-orm/, 'drizzle-orm (building SQL, mapping rows)'],
    [/node_modules\/zod\//, 'zod (frame validation)'],
    [/node_modules\/ioredis|node_modules\/redis-parser/, 'ioredis (bus)'],
    [/platform\/bus\//, 'bus adapter (structuredClone / JSON per handler)'],
    [/node_modules\/ws\//, 'ws (framing, masking, sending)'],
    [/@fastify\/websocket/, '@fastify/websocket'],
    [/platform\/seal\.ts/, 'sealing (AES-GCM)'],
    [/auth\/sessions\.ts|http\/access\.ts/, 'session lookup'],
    [/features\/room\/hub\.ts/, 'room hub (fan-out, delivered marks)'],
    [/features\/room\/live\.ts/, 'live socket (per-frame queue, rate limit)'],
    [/features\/room\/messages\.ts/, 'postMessage (store, seq, publish)'],
    [/features\/room\//, 'room: other (views, queries, access)'],
    [/features\/cases\//, 'cases: loadCase, policy'],
    [/platform\/transaction\.ts/, 'transaction helper'],
    [/realtime-baseline\.ts/, 'baseline relay'],
  ],
  native: {
    '(garbage collector)': 'garbage collector',
    '(idle)': 'idle',
    '(program)': 'V8/native (program)',
    writev: 'socket write (syscall)',
    writeUtf8String: 'socket write (syscall)',
    writeLatin1String: 'socket write (syscall)',
    writeBuffer: 'socket write (syscall)',
    stringify: 'JSON.stringify',
    parse: 'JSON.parse',
  },
  rest: 'node core, fastify, promises (rest)',
};

// --- SQL statements per message --------------------------------------------------------------

type Query = (...args: unknown[]) => unknown;
let statementCounts: Map<string, number> | null = null;
/** A statement's kind and main table, e.g. `insert into "room_reads"`, from either driver's argument. */
const labels = new Map<string, string>();
const labelOf = (first: unknown) => {
  const text = typeof first === 'string' ? first : String((first as { text?: unknown } | null)?.text ?? '?');
  // The app sends the same few texts over and over: one regex per distinct text, not per statement.
  let label = labels.get(text);
  if (label === undefined) {
    const flat = text.replace(/\s+/g, ' ').trim().toLowerCase();
    const table = flat.match(/\b(?:from|into|update)\s+("?[\w.]+"?)/)?.[1] ?? '';
    label = `${flat.split(' ')[0]} ${table}`.trim();
    if (labels.size < 10_000) labels.set(text, label);
  }
  return label;
};
const count = (first: unknown) => {
  if (statementCounts) {
    const label = typeof first === 'string' && first.length < 10 ? first : labelOf(first);
    statementCounts.set(label, (statementCounts.get(label) ?? 0) + 1);
  }
};

/**
 * Counts the statements both drivers send while `measure` runs (the prototypes are wrapped once,
 * for this process only): which statements a message costs, BEGIN/COMMIT included.
 */
export const statementCounter = async () => {
  const pg = (await import('pg')).default;
  const { PGlite } = await import('@electric-sql/pglite');
  const client = pg.Client.prototype as unknown as { query: Query };
  const pgQuery = client.query;
  client.query = function (this: unknown, ...args: unknown[]) {
    count(args[0]);
    return pgQuery.apply(this, args);
  };
  const lite = PGlite.prototype as unknown as { query: Query; transaction: Query };
  const liteQuery = lite.query;
  lite.query = function (this: unknown, ...args: unknown[]) {
    count(args[0]);
    return liteQuery.apply(this, args);
  };
  const liteTransaction = lite.transaction;
  lite.transaction = function (this: unknown, work: unknown) {
    count('begin');
    const wrapped = async (tx: { query: Query }) => {
      const inner = tx.query;
      const result = await (work as (t: unknown) => Promise<unknown>)({
        ...tx,
        query: (...args: unknown[]) => {
          count(args[0]);
          return inner.apply(tx, args);
        },
      });
      count('commit');
      return result;
    };
    return liteTransaction.call(this, wrapped);
  };
  return () => {
    statementCounts = new Map();
    return () => {
      const counts = statementCounts ?? new Map<string, number>();
      statementCounts = null;
      return counts;
    };
  };
};

/** Statements per message, largest first. */
export const formatStatements = (counts: Map<string, number>, messages: number) =>
  [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([label, n]) => `${(n / Math.max(messages, 1)).toFixed(2).padStart(7)} /msg  ${label}`)
    .join('\n');

/** A pg.Pool's counters (drizzle's `db.$client` on PostgreSQL). */
export type PoolLike = { waitingCount: number; idleCount: number; totalCount: number };

/**
 * Mean checked-out connections and mean requests queued for one, every 100 ms over a phase, summed
 * over the pools: a pool always fully busy with a queue means round trips, not CPU, set the pace.
 */
export const poolMeter = (pools: PoolLike[]) => {
  let samples = 0;
  let busy = 0;
  let waiting = 0;
  const timer = setInterval(() => {
    samples++;
    for (const pool of pools) {
      busy += pool.totalCount - pool.idleCount;
      waiting += pool.waitingCount;
    }
  }, 100);
  return () => {
    clearInterval(timer);
    const mean = (sum: number) => Math.round((sum / Math.max(samples, 1)) * 10) / 10;
    return { busy: mean(busy), waiting: mean(waiting), size: pools.reduce((n, p) => n + p.totalCount, 0) };
  };
};
