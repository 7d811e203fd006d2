// intake — cases created and taken to "active" through the HTTP API (issue 4), against the same
// number of authenticated GET /api/me requests as the baseline, in the same process and run.
//
// Per case, 9 requests, each the real route with the real session cookie:
//   A  POST /api/cases (idempotency-key) → POST /api/cases/:id/submit
//   B  POST /api/case-invitations/:token/accept        (the token as the invitation mail carries it)
//   A, B  POST /api/cases/:id/mediator-choice
//   M  POST /api/cases/:id/mediator-answer {accept, declarations}
//   A, B, M  POST /api/cases/:id/contract/confirm {contractHash}
// Only accounts, sessions and listed mediators are inserted directly (registration is throttled and
// logging in is not what is measured); every state change of a case goes through the API.
//
// The app runs on this thread's event loop, as in production; the HTTP client runs in a worker
// thread so that generating load does not take the server's loop (as bench/api.ts does with
// autocannon). The mailer port is wrapped: every message still goes to the app's own mailer (the
// outbox, as without SMTP), and the invitation token is read from the captured text — the only way
// a party gets it. ratio = requests/s on the intake path ÷ requests/s of GET /api/me by the same
// client with the same concurrency; the baseline runs in two halves, before and after the intake
// run, so that a change of machine load during the run weighs on both.
// To say what the time went to, it also reads CPU time per thread and per PostgreSQL backend of its
// own database from /proc (Linux), samples pg_locks during the run (PostgreSQL), and replays a few
// cases one request at a time counting each request's SQL statements (drivers wrapped here only).
//
//   npm run bench -- intake                                          # PGlite
//   DATABASE_URL=postgres://root@127.0.0.1:5432/test npm run bench -- intake
//   npm run bench -- intake --cases 500                              # a quick run
//
// Environment:
//   BENCH_CASES         cases measured (default 10000; `--cases N` wins)
//   BENCH_CONCURRENCY   cases in flight, one request at a time each (default 20)
//   BENCH_WARMUP_CASES  cases (and 9× as many GET /api/me) before measuring (default 200)
//   BENCH_PARTIES       party accounts, reused across cases (default 400)
//   BENCH_MEDIATORS     listed mediators with room for every case (default 200)
//   BENCH_MAIL          outbox (default: the app's mailer, files under the data dir) | memory
//                       (captured only: shows what writing the outbox costs)
//   BENCH_TRACE_CASES   cases run afterwards one request at a time, counting the SQL statements and
//                       database time of each request (default 20; 0 skips)
//   BENCH_TRACE_SQL     1: also list each step's statements and how often they run
//   BENCH_PROFILE       file.cpuprofile: afterwards, profile the main thread over more cases and
//                       print where its time went
// Prints progress on stderr and one JSON line on stdout, last; exits 1 on any non-2xx answer.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { completeKzId } from '../src/core/identity/kz-id.ts';
import { buildApp } from '../src/server/app.ts';
import type { Db } from '../src/server/db/open.ts';
import { rowsOf } from '../src/server/db/open.ts';
import { cases, mediators, sessions, userRoles, users } from '../src/server/db/schema/index.ts';
import { seedReferenceData } from '../src/server/db/seed.ts';
import { newToken, SESSION_COOKIE, SESSION_TTL_MS, sha256Hex } from '../src/server/platform/auth/sessions.ts';
import type { Mailer, MailMessage } from '../src/server/platform/mail/index.ts';
import { profileWhile } from './lib/cpu-profile.ts';
import { type Buckets, type Profile, summarizeProfile } from './lib/profile-summary.ts';
import { benchLog, cleanup, onCleanup, openBenchPlatform, percentile, roundTo } from './support.ts';

const log = benchLog('intake');

// --- settings --------------------------------------------------------------------------------------

const positiveInt = (name: string, raw: string | undefined, fallback: number) => {
  const value = Number(raw ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`);
  return value;
};
const argValue = (flag: string) => {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const settings = () => ({
  cases: positiveInt('--cases', argValue('--cases') ?? process.env.BENCH_CASES, 10_000),
  concurrency: positiveInt('BENCH_CONCURRENCY', process.env.BENCH_CONCURRENCY, 20),
  warmupCases: positiveInt('BENCH_WARMUP_CASES', process.env.BENCH_WARMUP_CASES, 200),
  parties: positiveInt('BENCH_PARTIES', process.env.BENCH_PARTIES, 400),
  mediators: positiveInt('BENCH_MEDIATORS', process.env.BENCH_MEDIATORS, 200),
  mail: process.env.BENCH_MAIL === 'memory' ? ('memory' as const) : ('outbox' as const),
  profile: process.env.BENCH_PROFILE ? path.resolve(process.env.BENCH_PROFILE) : null,
  traceCases: Number(process.env.BENCH_TRACE_CASES ?? 20),
});
type Settings = ReturnType<typeof settings>;

/** The requests one case takes to "active", in order; also the names of the per-step figures. */
const STEPS = [
  'create',
  'submit',
  'accept',
  'choose_a',
  'choose_b',
  'answer',
  'confirm_a',
  'confirm_b',
  'confirm_m',
] as const;
type Step = (typeof STEPS)[number];

// --- messages between the main thread (the app) and the worker (the client) ------------------------

type Party = { id: string; email: string; iin: string; fullName: string; cookie: string };
type Mediator = { mediatorId: string; cookie: string };
type WorkerSetup = {
  url: string;
  concurrency: number;
  parties: Party[];
  mediators: Mediator[];
  runId: string;
};
type Phase = { phase: 'intake' | 'me'; from: number; count: number; concurrency?: number };
type PhaseResult = {
  phase: Phase['phase'];
  wallMs: number;
  requests: number;
  /** Milliseconds per request, in STEPS order per case for 'intake'. */
  latencies: Float64Array;
  caseMs: Float64Array;
  /** When each case reached "active", ms from the phase's start: throughput along the run. */
  doneAt: Float64Array;
};
type ToWorker = ({ type: 'run' } & Phase) | { type: 'token'; id: number; token: string | null };
type FromWorker =
  | { type: 'token'; id: number; email: string; number: string }
  | { type: 'done'; result: PhaseResult }
  | { type: 'failed'; message: string };

// === worker thread: the HTTP client ================================================================

const clientMain = (setup: WorkerSetup, port: NonNullable<typeof parentPort>) => {
  const target = new URL(setup.url);
  // One kept-alive socket per case in flight, like that many browsers.
  const agent = new http.Agent({ keepAlive: true, maxSockets: setup.concurrency });

  const send = (method: string, url: string, cookie: string, body?: object, extra = {}) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const headers: Record<string, string | number> = { cookie, accept: 'application/json', ...extra };
      if (payload) {
        headers['content-type'] = 'application/json';
        headers['content-length'] = Buffer.byteLength(payload);
      }
      const request = http.request(
        { host: target.hostname, port: target.port, method, path: url, agent, headers },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => {
            text += chunk;
          });
          response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
        },
      );
      request.on('error', reject);
      request.end(payload);
    });

  // Token requests answered by the main thread, which sees the mail.
  let nextTokenId = 0;
  const waiting = new Map<number, (token: string | null) => void>();
  const tokenFor = (email: string, number: string) =>
    new Promise<string | null>((resolve) => {
      const id = nextTokenId++;
      waiting.set(id, resolve);
      port.postMessage({ type: 'token', id, email, number } satisfies FromWorker);
    });

  /** One timed request; anything but 2xx stops the run with the exact request and answer. */
  const timed = async (
    sink: number[],
    step: string,
    method: string,
    url: string,
    cookie: string,
    body?: object,
    extra?: Record<string, string>,
  ) => {
    const start = performance.now();
    const { status, text } = await send(method, url, cookie, body, extra);
    sink.push(performance.now() - start);
    if (status < 200 || status > 299)
      throw new Error(`${step}: ${method} ${url} answered ${status}: ${text}`);
    return JSON.parse(text) as Record<string, unknown>;
  };

  /** Case i's people: A and B differ, every account takes both sides over the run. */
  const castOf = (i: number) => {
    const n = setup.parties.length;
    const a = setup.parties[i % n] as Party;
    const b = setup.parties[(i + 1 + (Math.floor(i / n) % (n - 1))) % n] as Party;
    return { a, b, m: setup.mediators[i % setup.mediators.length] as Mediator };
  };

  const request = (b: Party, i: number) => ({
    category: 'civil',
    subject: `Return of a loan of 500 000 ₸ (bench case ${i})`,
    description: 'I lent money in March; it was to be returned in September.',
    claimAmountKzt: 500_000,
    region: 'north_kazakhstan',
    language: 'kk',
    remote: true,
    wantsPublicMediator: false,
    respondent: { kind: 'individual', fullName: b.fullName, iin: b.iin, email: b.email },
  });

  const runCase = async (i: number, sink: number[]) => {
    const { a, b, m } = castOf(i);
    const created = await timed(sink, 'create', 'POST', '/api/cases', a.cookie, request(b, i), {
      'idempotency-key': `bench-${setup.runId}-${i}`,
    });
    const caseUrl = `/api/cases/${created.id as string}`;
    const submitted = await timed(sink, 'submit', 'POST', `${caseUrl}/submit`, a.cookie);
    const token = await tokenFor(b.email, submitted.number as string);
    if (!token) throw new Error(`no invitation mail to ${b.email} for case ${submitted.number as string}`);
    await timed(sink, 'accept', 'POST', `/api/case-invitations/${token}/accept`, b.cookie, {});
    const choice = { mediatorId: m.mediatorId };
    await timed(sink, 'choose_a', 'POST', `${caseUrl}/mediator-choice`, a.cookie, choice);
    const chosen = await timed(sink, 'choose_b', 'POST', `${caseUrl}/mediator-choice`, b.cookie, choice);
    const declarations = (chosen.parties as { id: string }[]).map((p) => ({
      partyId: p.id,
      conflict: false,
    }));
    const answered = await timed(sink, 'answer', 'POST', `${caseUrl}/mediator-answer`, m.cookie, {
      accept: true,
      declarations,
    });
    const contractHash = (answered.contract as { hash: string }).hash;
    let last: Record<string, unknown> = {};
    for (const [step, who] of [
      ['confirm_a', a.cookie],
      ['confirm_b', b.cookie],
      ['confirm_m', m.cookie],
    ] as const)
      last = await timed(sink, step, 'POST', `${caseUrl}/contract/confirm`, who, { contractHash });
    if (last.status !== 'active') throw new Error(`case ${i} ended in "${String(last.status)}", not active`);
  };

  const runMe = async (i: number, sink: number[]) => {
    const who = setup.parties[i % setup.parties.length] as Party;
    await timed(sink, 'me', 'GET', '/api/me', who.cookie);
  };

  /** `concurrency` lanes take the next index until `count` are done; latencies kept in order. */
  const runPhase = async ({ phase, from, count, concurrency }: Phase): Promise<PhaseResult> => {
    const perItem: number[][] = new Array(count);
    const caseMs = new Float64Array(phase === 'intake' ? count : 0);
    const doneAt = new Float64Array(caseMs.length);
    let cursor = 0;
    const phaseStart = performance.now();
    const lane = async () => {
      while (cursor < count) {
        const k = cursor++;
        const sink: number[] = [];
        perItem[k] = sink;
        const start = performance.now();
        await (phase === 'intake' ? runCase(from + k, sink) : runMe(from + k, sink));
        if (phase !== 'intake') continue;
        caseMs[k] = performance.now() - start;
        doneAt[k] = performance.now() - phaseStart;
      }
    };
    const start = performance.now();
    const lanes = Math.min(concurrency ?? setup.concurrency, count);
    await Promise.all(Array.from({ length: lanes }, lane));
    const wallMs = performance.now() - start;
    const latencies = Float64Array.from(perItem.flat());
    return { phase, wallMs, requests: latencies.length, latencies, caseMs, doneAt };
  };

  port.on('message', (message: ToWorker) => {
    if (message.type === 'token') {
      waiting.get(message.id)?.(message.token);
      waiting.delete(message.id);
      return;
    }
    runPhase(message).then(
      (result) =>
        port.postMessage({ type: 'done', result } satisfies FromWorker, [
          result.latencies.buffer as ArrayBuffer,
          result.caseMs.buffer as ArrayBuffer,
          result.doneAt.buffer as ArrayBuffer,
        ]),
      (error: Error) => port.postMessage({ type: 'failed', message: error.message } satisfies FromWorker),
    );
  });
};

// === main thread: the app, the seed, the figures ===================================================

/** Distinct valid IINs of people born 15 May 1990 (serials skipped where no check digit exists). */
const validIins = (count: number) => {
  const found: string[] = [];
  for (let serial = 0; found.length < count; serial++) {
    if (serial > 9999) throw new Error(`at most ~9 000 valid IINs with one birth date; asked ${count}`);
    const iin = completeKzId(`9005153${String(serial).padStart(4, '0')}`);
    if (iin) found.push(iin);
  }
  return found;
};

/** A session row and its cookie, as POST /api/auth/login would make (without the scrypt). */
const sessionFor = (userId: string, now: Date) => {
  const token = newToken();
  return {
    row: { tokenHash: sha256Hex(token), userId, expiresAt: new Date(now.getTime() + SESSION_TTL_MS) },
    cookie: `${SESSION_COOKIE}=${token}`,
  };
};

const NAMES = ['Асхат Нұрланұлы Бекенов', 'Берік Сапарұлы Омаров', 'Әсел Дәуренқызы Сәрсенова'];
const DUMMY_HASH = 'scrypt$4096$8$1$x$x'; // nobody logs in with a password here

const seedParties = async (db: Db, count: number, now: Date): Promise<Party[]> => {
  const iins = validIins(count);
  const rows = await db
    .insert(users)
    .values(
      iins.map((iin, i) => ({
        email: `party${i}@bench.kelisim.kz`,
        passwordHash: DUMMY_HASH,
        fullName: NAMES[i % NAMES.length] as string,
        kind: 'individual' as const,
        iin,
        locale: i % 3 === 0 ? ('ru' as const) : ('kk' as const),
      })),
    )
    .returning({ id: users.id, email: users.email, iin: users.iin, fullName: users.fullName });
  const withSessions = rows.map((row) => ({ ...row, session: sessionFor(row.id, now) }));
  await db.insert(sessions).values(withSessions.map((p) => p.session.row));
  return withSessions.map(({ session, iin, ...p }) => ({ ...p, iin: iin as string, cookie: session.cookie }));
};

/** Listed mediators with a caseload limit no run reaches, so capacity never stops a case. */
const seedMediators = async (db: Db, count: number, now: Date): Promise<Mediator[]> => {
  const accounts = await db
    .insert(users)
    .values(
      Array.from({ length: count }, (_, i) => ({
        email: `mediator${i}@bench.kelisim.kz`,
        passwordHash: DUMMY_HASH,
        fullName: `Медиатор ${i}`,
        kind: 'individual' as const,
      })),
    )
    .returning({ id: users.id });
  await db.insert(userRoles).values(accounts.map((a) => ({ userId: a.id, role: 'mediator' })));
  const listed = await db
    .insert(mediators)
    .values(
      accounts.map((a, i) => ({
        userId: a.id,
        kind: 'professional' as const,
        status: 'approved' as const,
        registryNumber: `KZ-MED-B${String(i).padStart(5, '0')}`,
        birthDate: '1980-01-01',
        higherEducation: true,
        categories: ['civil', 'family', 'commercial', 'labour'],
        languages: ['kk', 'ru'],
        regions: ['north_kazakhstan'],
        remote: true,
        inPerson: true,
        address: 'Petropavlovsk, Konstitutsii 1',
        feeType: 'hourly' as const,
        feeAmountKzt: 10_000,
        capacity: 1_000_000,
      })),
    )
    .returning({ id: mediators.id, userId: mediators.userId });
  const bySession = listed.map((m) => ({ mediatorId: m.id, session: sessionFor(m.userId, now) }));
  await db.insert(sessions).values(bySession.map((m) => m.session.row));
  return bySession.map((m) => ({ mediatorId: m.mediatorId, cookie: m.session.cookie }));
};

/**
 * The app's mailer, also keeping the invitation link's token of each mail (by recipient and case
 * number) so the invited party can follow it, like a person reading the mail.
 */
const capturingMailer = (inner: Mailer, forward: boolean) => {
  const tokens = new Map<string, string>();
  const mailer: Mailer = {
    kind: inner.kind,
    send: async (message: MailMessage) => {
      const token = message.text.match(/\/cases\/invitation\/([A-Za-z0-9_-]+)/)?.[1];
      const number = message.text.match(/KLS-\d{4}-\d+/)?.[0];
      if (token && number) tokens.set(`${message.to}|${number}`, token);
      if (forward) await inner.send(message);
    },
    close: () => inner.close(),
  };
  const take = (email: string, number: string) => {
    const key = `${email}|${number}`;
    const token = tokens.get(key) ?? null;
    tokens.delete(key);
    return token;
  };
  return { mailer, take };
};

/** Threads of this process now (Linux): to tell the client thread's CPU time from the app's. */
const threadIds = () => (fs.existsSync('/proc/self/task') ? fs.readdirSync('/proc/self/task') : []);

/** Starts the client thread through tsx, which Node 20 does not apply to a worker's entry file. */
const startClient = async (
  setup: WorkerSetup,
  takeToken: (email: string, number: string) => string | null,
) => {
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); })`;
  const existing = new Set(threadIds());
  const worker = new Worker(boot, { eval: true, workerData: setup });
  onCleanup(() => worker.terminate());
  await new Promise((resolve) => worker.once('online', resolve));
  // The threads that appeared with the worker: its JS thread (V8's helpers are shared, started earlier).
  const clientThreads = threadIds().filter((tid) => !existing.has(tid));
  let pending: { resolve: (r: PhaseResult) => void; reject: (e: Error) => void } | null = null;
  worker.on('message', (message: FromWorker) => {
    if (message.type === 'token') {
      const token = takeToken(message.email, message.number);
      worker.postMessage({ type: 'token', id: message.id, token } satisfies ToWorker);
    } else if (message.type === 'done') pending?.resolve(message.result);
    else pending?.reject(new Error(message.message));
  });
  worker.on('error', (error) => pending?.reject(error));
  const run = (phase: Phase) =>
    new Promise<PhaseResult>((resolve, reject) => {
      pending = { resolve, reject };
      worker.postMessage({ type: 'run', ...phase } satisfies ToWorker);
    });
  return { run, clientThreads };
};

// --- CPU accounting: where the machine's time went during the measured run (Linux /proc) ----------

const TICK_MS = (() => {
  try {
    return 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
  } catch {
    return 10;
  }
})();
/** utime + stime of a /proc stat file, in ms (fields 14 and 15, counted after the command name). */
const statCpuMs = (file: string) => {
  try {
    const text = fs.readFileSync(file, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
};
/**
 * CPU ms of each PostgreSQL backend serving the bench's own database (its name is in the process
 * title), by pid: other databases on the server (another bench, tests) are left out, and so are the
 * shared WAL writer and checkpointer.
 */
const postgresCpuMs = (database: string | null) => {
  const byPid = new Map<string, number>();
  if (!database || !fs.existsSync('/proc')) return byPid;
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    if (safeRead(`/proc/${pid}/comm`).trim() !== 'postgres') continue;
    if (!safeRead(`/proc/${pid}/cmdline`).includes(` ${database} `)) continue;
    byPid.set(pid, statCpuMs(`/proc/${pid}/stat`));
  }
  return byPid;
};
/** Backends that started during the run count whole; one that ended is lost (the pool keeps them). */
const postgresDelta = (before: Map<string, number>, after: Map<string, number>) =>
  [...after].reduce((sum, [pid, ms]) => sum + ms - (before.get(pid) ?? 0), 0);
const safeRead = (file: string) => {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
};
const threadCpuMs = (tids: string[]) =>
  tids.reduce((sum, tid) => sum + statCpuMs(`/proc/self/task/${tid}/stat`), 0);
const cpuSnapshot = (clientThreads: string[], database: string | null) => {
  const usage = process.cpuUsage();
  return {
    app: statCpuMs(`/proc/self/task/${process.pid}/stat`),
    client: threadCpuMs(clientThreads),
    process: (usage.user + usage.system) / 1000,
    postgres: postgresCpuMs(database),
  };
};
type CpuSnapshot = ReturnType<typeof cpuSnapshot>;
/**
 * CPU ms per case: the app's thread (PGlite runs inside it), the client thread, the rest of the
 * process (V8's garbage-collection helpers, libuv's pool writing the outbox files), PostgreSQL.
 */
const cpuPerCase = (before: CpuSnapshot, after: CpuSnapshot, count: number) => {
  const app = after.app - before.app;
  const client = after.client - before.client;
  return {
    app_thread: roundTo(app / count),
    client_thread: roundTo(client / count),
    other_threads: roundTo((after.process - before.process - app - client) / count),
    postgres: roundTo(postgresDelta(before.postgres, after.postgres) / count),
  };
};

// --- figures ---------------------------------------------------------------------------------------

const sorted = (values: Float64Array | number[]) => Float64Array.from(values).sort();
const latencyFigures = (values: Float64Array) => {
  const s = sorted(values);
  const at = (p: number) => roundTo(percentile(Array.from(s), p), 1);
  return { p50: at(50), p90: at(90), p99: at(99), max: roundTo(s[s.length - 1] ?? 0, 1) };
};
/** Latencies of one step across cases: every STEPS.length-th value of the intake run. */
const stepLatencies = (latencies: Float64Array, step: Step) => {
  const index = STEPS.indexOf(step);
  return latencies.filter((_, i) => i % STEPS.length === index);
};
const stepTable = (latencies: Float64Array) =>
  STEPS.map((step) => {
    const f = latencyFigures(stepLatencies(latencies, step));
    return `  ${step.padEnd(10)} p50 ${String(f.p50).padStart(7)} ms  p90 ${String(f.p90).padStart(7)} ms  p99 ${String(f.p99).padStart(7)} ms  max ${f.max} ms`;
  }).join('\n');
const rate = (count: number, ms: number) => (count * 1000) / ms;
/** Cases/s in each tenth of the run: a database that slows as it fills shows here. */
const throughputByTenth = (doneAt: Float64Array) => {
  const ends = sorted(doneAt);
  const tenth = Math.max(1, Math.floor(ends.length / 10));
  const rates: number[] = [];
  for (let i = 0; i + tenth <= ends.length; i += tenth) {
    const from = i === 0 ? 0 : (ends[i - 1] as number);
    rates.push(roundTo(rate(tenth, (ends[i + tenth - 1] as number) - from), 1));
  }
  return rates;
};

// --- the profile, bucketed for this path -----------------------------------------------------------

const INTAKE_BUCKETS: Buckets = {
  byUrl: [
    [/@electric-sql\/pglite/, 'PGlite (PostgreSQL compiled to WASM, in this thread)'],
    [/node_modules\/(pg|pg-protocol|pg-pool|pg-types)\//, 'pg driver (protocol, parsing rows)'],
    [/drizzle-orm/, 'drizzle-orm (building SQL, mapping rows)'],
    [/fastify-type-provider-zod|node_modules\/zod\//, 'zod (request validation, response check)'],
    [/nodemailer|platform\/mail\//, 'mail: composing with nodemailer + outbox files'],
    [/i18next|intl-messageformat|@formatjs|platform\/i18n/, 'translations (mail and notification text)'],
    [/auth\/sessions\.ts|http\/access\.ts/, 'session lookup + access control'],
    [/\/src\/server\/features\/|\/src\/server\/platform\//, 'use cases and views (features/*)'],
    [/\/src\/core\//, 'core (state machine, contract, calendar)'],
    [/prom-client|platform\/metrics/, 'metrics'],
  ],
  native: {
    '(garbage collector)': 'garbage collector',
    '(idle)': 'idle (waiting: PostgreSQL, I/O)',
    '(program)': 'V8/native (program)',
    writev: 'socket write (syscall)',
    writeUtf8String: 'socket write (syscall)',
    writeBuffer: 'socket write (syscall)',
  },
  rest: 'fastify + node:http + promises (rest)',
};

// --- one case at a time: SQL statements and database time per request --------------------------

type QueryHook = (ms: number, text: string) => void;
let onQuery: QueryHook | null = null;
const counted = (ms: number, text: string) => onQuery?.(ms, text);
/** The SQL of a driver call's first argument (a string or a query config). */
const sqlText = (first: unknown) =>
  typeof first === 'string' ? first : String((first as { text?: unknown } | null)?.text ?? '?');

/** Counts every statement the pg driver sends (the callback or the promise gives its duration). */
const tracePg = () => {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const start = performance.now();
    const text = sqlText(args[0]);
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      args[args.length - 1] = (...results: unknown[]) => {
        counted(performance.now() - start, text);
        return (last as (...r: unknown[]) => unknown)(...results);
      };
      return original.apply(this, args);
    }
    const result = original.apply(this, args) as Promise<unknown> | undefined;
    result?.then?.(
      () => counted(performance.now() - start, text),
      () => counted(performance.now() - start, text),
    );
    return result;
  };
};

type PgliteLike = { query: (...args: unknown[]) => Promise<unknown> };
const timedQuery =
  (query: PgliteLike['query'], self: unknown) =>
  async (...args: unknown[]) => {
    const start = performance.now();
    try {
      return await query.apply(self, args);
    } finally {
      counted(performance.now() - start, sqlText(args[0]));
    }
  };
/** The same for PGlite: its queries, and those of its transactions (BEGIN and COMMIT count as two). */
const tracePglite = () => {
  const proto = PGlite.prototype as unknown as PgliteLike & {
    transaction: (work: (tx: PgliteLike) => Promise<unknown>) => Promise<unknown>;
  };
  const query = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    return timedQuery(query, this)(...args);
  };
  const transaction = proto.transaction;
  proto.transaction = async function (this: unknown, work) {
    counted(0, 'begin');
    try {
      return await transaction.call(this, (tx) => work({ ...tx, query: timedQuery(tx.query, tx) }));
    } finally {
      counted(0, 'commit');
    }
  };
};

type StepTrace = {
  requests: number;
  statements: number;
  dbMs: number;
  serverMs: number;
  /** From taking the audit chain's lock (every case action does) to the commit that frees it. */
  lockMs: number;
  /** Statement text (parameters are placeholders) → how many times, over the traced cases. */
  texts: Map<string, number>;
};

/**
 * Runs `count` cases with one request in flight, so every statement belongs to the request the
 * server is answering; the n-th request is STEPS[n % 9]. Timing is the server's, from the request
 * event to the response's end.
 */
const traceCases = async (
  server: http.Server,
  intake: (count: number, concurrency?: number) => Promise<PhaseResult>,
  count: number,
) => {
  const traces = new Map<Step, StepTrace>(
    STEPS.map((step) => [
      step,
      { requests: 0, statements: 0, dbMs: 0, serverMs: 0, lockMs: 0, texts: new Map() },
    ]),
  );
  let seen = 0;
  let current: StepTrace | null = null;
  const listener = (_request: http.IncomingMessage, response: http.ServerResponse) => {
    const trace = traces.get(STEPS[seen++ % STEPS.length] as Step) as StepTrace;
    const start = performance.now();
    trace.requests++;
    current = trace;
    response.once('finish', () => {
      trace.serverMs += performance.now() - start;
    });
  };
  // Before Fastify's own listener: its hooks may query in the same tick.
  server.prependListener('request', listener);
  let lockedAt: number | null = null;
  onQuery = (ms, text) => {
    if (!current) return;
    current.statements++;
    current.dbMs += ms;
    // Hooks run as each statement completes (PGlite's COMMIT: when its transaction has ended).
    if (text.includes('pg_advisory_xact_lock')) lockedAt = performance.now();
    if (/^(commit|rollback)$/i.test(text.trim()) && lockedAt !== null) {
      current.lockMs += performance.now() - lockedAt;
      lockedAt = null;
    }
    const key = text.replace(/\s+/g, ' ').slice(0, 160);
    current.texts.set(key, (current.texts.get(key) ?? 0) + 1);
  };
  try {
    await intake(count, 1);
  } finally {
    server.off('request', listener);
    onQuery = null;
  }
  return traces;
};

const traceTable = (traces: Map<Step, StepTrace>) => {
  const rows = [...traces].map(([step, t]) => {
    const n = Math.max(t.requests, 1);
    return `  ${step.padEnd(10)} ${(t.statements / n).toFixed(1).padStart(5)} statements  db ${(t.dbMs / n).toFixed(2).padStart(7)} ms  server ${(t.serverMs / n).toFixed(2).padStart(7)} ms  audit lock held ${(t.lockMs / n).toFixed(2).padStart(6)} ms`;
  });
  return rows.join('\n');
};
/** Each step's statements, most frequent first (BENCH_TRACE_SQL=1): what a request asks the database. */
const traceStatements = (traces: Map<Step, StepTrace>) =>
  [...traces]
    .map(([step, t]) => {
      const n = Math.max(t.requests, 1);
      const lines = [...t.texts]
        .sort((x, y) => y[1] - x[1])
        .map(([text, count]) => `    ${(count / n).toFixed(1).padStart(4)}× ${text}`);
      return `  ${step}:\n${lines.join('\n')}`;
    })
    .join('\n');
const tracePerCase = (traces: Map<Step, StepTrace>) => {
  const all = [...traces.values()];
  const cases = Math.max(traces.get('create')?.requests ?? 0, 1);
  const sum = (pick: (t: StepTrace) => number) => roundTo(all.reduce((n, t) => n + pick(t), 0) / cases, 1);
  return {
    statements: sum((t) => t.statements),
    db_ms: sum((t) => t.dbMs),
    server_ms: sum((t) => t.serverMs),
  };
};

// --- PostgreSQL during the run: who waits for what ------------------------------------------------

/**
 * Samples pg_locks and pg_stat_activity of the bench database every 50 ms from a connection of its
 * own: how many of the app's backends wait on a lock not granted, the audit chain's advisory lock
 * among them, and how many are running a statement. Stop returns the averages.
 */
const samplePostgres = async (url: string) => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const totals = { samples: 0, auditWaiting: 0, lockWaiting: 0, active: 0 };
  let running = true;
  const loop = (async () => {
    while (running) {
      const { rows } = await client.query(`select
          (select count(*) from pg_locks l where l.database = d.oid and not l.granted and l.locktype = 'advisory')::int as audit,
          (select count(*) from pg_locks l where l.database = d.oid and not l.granted)::int as waiting,
          (select count(*) from pg_stat_activity a where a.datid = d.oid and a.state = 'active' and a.pid <> pg_backend_pid())::int as active
        from pg_database d where d.datname = current_database()`);
      const row = rows[0] as { audit: number; waiting: number; active: number };
      totals.samples++;
      totals.auditWaiting += row.audit;
      totals.lockWaiting += row.waiting;
      totals.active += row.active;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  return async () => {
    running = false;
    await loop;
    await client.end();
    const n = Math.max(totals.samples, 1);
    return {
      samples: totals.samples,
      audit_lock_waiting: roundTo(totals.auditWaiting / n, 2),
      any_lock_waiting: roundTo(totals.lockWaiting / n, 2),
      active_statements: roundTo(totals.active / n, 2),
    };
  };
};

// --- the run ---------------------------------------------------------------------------------------

const activeCount = async (db: Db) => {
  const [row] = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from ${cases} where ${eq(cases.status, 'active')}`),
  );
  return Number(row?.n ?? 0);
};

const main = async (s: Settings) => {
  const load0 = os.loadavg()[0] ?? 0;
  // Installed before the database opens; they only count while a trace runs (onQuery set).
  if (s.traceCases > 0) {
    tracePg();
    tracePglite();
  }
  const { platform, engine: db, where } = await openBenchPlatform('intake');
  log(`database: ${db} (${where}); mail: ${s.mail}; load average ${os.loadavg().map((l) => l.toFixed(2))}`);
  await seedReferenceData(platform.database.db);
  const now = platform.clock.now();
  const parties = await seedParties(platform.database.db, s.parties, now);
  const listed = await seedMediators(platform.database.db, s.mediators, now);
  log(`seeded ${parties.length} party accounts and ${listed.length} listed mediators with sessions`);

  const capture = capturingMailer(platform.mailer, s.mail === 'outbox');
  platform.mailer = capture.mailer;
  const { app } = await buildApp(platform, { logger: false, webDist: null });
  onCleanup(() => app.close());
  const url = await app.listen({ port: 0, host: '127.0.0.1' });

  const runId = Date.now().toString(36);
  const { run, clientThreads } = await startClient(
    { url, concurrency: s.concurrency, parties, mediators: listed, runId },
    capture.take,
  );
  let next = 0;
  const intake = async (count: number, concurrency?: number) => {
    const result = await run({ phase: 'intake', from: next, count, concurrency });
    next += count;
    return result;
  };
  const me = (count: number) => run({ phase: 'me', from: 0, count });

  log(`warm-up: ${s.warmupCases} cases, ${s.warmupCases * STEPS.length} GET /api/me`);
  await intake(s.warmupCases);
  await me(s.warmupCases * STEPS.length);

  const baselineHalf = Math.ceil((s.cases * STEPS.length) / 2);
  log(`baseline, first half: ${baselineHalf} GET /api/me, concurrency ${s.concurrency}`);
  const before = await me(baselineHalf);
  log(`intake: ${s.cases} cases × ${STEPS.length} requests, ${s.concurrency} cases in flight`);
  const stopSampling = platform.config.databaseUrl ? await samplePostgres(platform.config.databaseUrl) : null;
  const database = db === 'postgres' ? where : null;
  const cpu0 = cpuSnapshot(clientThreads, database);
  const measured = await intake(s.cases);
  const cpu = cpuPerCase(cpu0, cpuSnapshot(clientThreads, database), s.cases);
  const waits = await stopSampling?.();
  if (waits) log(`PostgreSQL backends during the run, on average: ${JSON.stringify(waits)}`);
  log(`baseline, second half: ${baselineHalf} GET /api/me`);
  const after = await me(baselineHalf);

  const traces = s.traceCases > 0 ? await traceCases(app.server, intake, s.traceCases) : null;
  if (traces) log(`${s.traceCases} cases one request at a time, per request:\n${traceTable(traces)}`);
  if (traces && process.env.BENCH_TRACE_SQL) log(`statements per request:\n${traceStatements(traces)}`);
  if (s.profile) await profileRun(s, intake, s.profile);

  const active = await activeCount(platform.database.db);
  if (active !== next) throw new Error(`${active} cases are active in the database, ${next} were run`);
  const load1 = os.loadavg()[0] ?? 0;
  const result = figures(s, db, measured, [before, after], cpu, [load0, load1]);
  const perCase = traces ? tracePerCase(traces) : null;
  process.stdout.write(
    `${JSON.stringify({ ...result, one_at_a_time_per_case: perCase, postgres_waits: waits ?? null })}\n`,
  );
  // After the figures: removing a 10 000-case outbox (~26 files a case) takes minutes.
  log('cleaning up (database, data directory with the outbox)');
  await cleanup();
};

/** Extra cases under the sampling profiler (apart from the figures, which it would slow). */
const profileRun = async (s: Settings, intake: (n: number) => Promise<PhaseResult>, file: string) => {
  const count = Math.min(s.cases, 2000);
  const { result, profile } = await profileWhile(file, () => intake(count));
  log(
    `${count} cases under the profiler: ${rate(count, result.wallMs).toFixed(1)} cases/s; profile in ${file}`,
  );
  process.stderr.write(
    `${summarizeProfile(profile as unknown as Profile, INTAKE_BUCKETS, count, 'ms/case', { buckets: 20, leaves: 15 })}\n`,
  );
};

const figures = (
  s: Settings,
  db: string,
  measured: PhaseResult,
  baseline: PhaseResult[],
  cpu: ReturnType<typeof cpuPerCase>,
  load: number[],
) => {
  const latency = latencyFigures(measured.latencies);
  const baseRequests = baseline.reduce((n, b) => n + b.requests, 0);
  const baseMs = baseline.reduce((n, b) => n + b.wallMs, 0);
  const baseLatency = latencyFigures(Float64Array.from(baseline.flatMap((b) => Array.from(b.latencies))));
  const reqPerS = rate(measured.requests, measured.wallMs);
  const baselineRps = rate(baseRequests, baseMs);
  const casesPerS = rate(s.cases, measured.wallMs);
  log(`per request, by step:\n${stepTable(measured.latencies)}`);
  log(`case, create → active: ${JSON.stringify(latencyFigures(measured.caseMs))} ms`);
  log(`cases/s by tenth of the run: ${throughputByTenth(measured.doneAt).join(' ')}`);
  log(`CPU per case: ${JSON.stringify(cpu)} ms`);
  log(`baseline GET /api/me: ${Math.round(baselineRps)} req/s, p99 ${baseLatency.p99} ms`);
  log(
    `goal on PostgreSQL (≥ 50 cases/s, p99 < 200 ms): ${casesPerS >= 50 && latency.p99 < 200 ? 'met' : 'NOT met'}`,
  );
  return {
    bench: 'intake',
    db,
    cases: s.cases,
    cases_per_s: roundTo(casesPerS, 1),
    p99_ms: latency.p99,
    ratio: roundTo(reqPerS / baselineRps, 3),
    p50_ms: latency.p50,
    max_ms: latency.max,
    req_per_s: Math.round(reqPerS),
    baseline_rps: Math.round(baselineRps),
    baseline_p99_ms: baseLatency.p99,
    case_p50_ms: latencyFigures(measured.caseMs).p50,
    requests: measured.requests,
    concurrency: s.concurrency,
    mail: s.mail,
    cpu_ms_per_case: cpu,
    load_avg: load.map((l) => roundTo(l, 1)),
    node: process.version,
    cpus: os.availableParallelism(),
  };
};

if (isMainThread) {
  main(settings()).catch(async (error) => {
    log(`error: ${(error as Error).stack ?? error}`);
    await cleanup();
    process.exit(1);
  });
} else if (parentPort) {
  clientMain(workerData as WorkerSetup, parentPort);
}
