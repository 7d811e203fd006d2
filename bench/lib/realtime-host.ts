// Where bench/realtime.ts runs its clients (bench/lib/realtime-client.ts): worker threads by default,
// as the other benches do, so that generating load never takes the servers' event loop. Both ends
// of every socket then live in this process, 2 descriptors per client: when RLIMIT_NOFILE is too
// low and cannot be raised (prlimit needs CAP_SYS_RESOURCE above the hard limit, which the build
// machine's container lacks: hard limit 20 000), the clients run in child processes instead, each
// with its own descriptor table. Same harness, same protocol, same two cores.
import { type ChildProcess, execFileSync, fork } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { onCleanup } from '../support.ts';
import type { ClientSetup, FromClient, ToClient } from './realtime-client.ts';
import type { BenchRoom } from './realtime-seed.ts';

const MARGIN = 4096; // the database pool, Redis, the baseline's listener, node's own

const fdLimit = () => {
  const line = fs.readFileSync('/proc/self/limits', 'utf8').match(/Max open files\s+(\d+)\s+(\d+)/);
  return Number(line?.[1] ?? 1024);
};

/** Raises this process's RLIMIT_NOFILE to `needed` if it is lower; false if that is not allowed. */
const raiseFdLimit = (needed: number) => {
  if (fdLimit() >= needed) return true;
  try {
    execFileSync('prlimit', ['--pid', String(process.pid), `--nofile=${needed}:${needed}`], {
      stdio: 'ignore',
    });
    return fdLimit() >= needed;
  } catch {
    return false;
  }
};

type Port = { send: (message: ToClient) => void; on: (listener: (reply: FromClient) => void) => void };

export const startClients = async (
  rooms: BenchRoom[],
  options: { count: number; connect: number; bodyChars: number; host: 'thread' | 'process' | null },
  log: (message: string) => void,
) => {
  const clients = rooms.length * 4;
  const before = fdLimit();
  let host = options.host;
  if (!host) host = raiseFdLimit(clients * 2 + MARGIN) ? 'thread' : 'process';
  else if (!raiseFdLimit((host === 'thread' ? clients * 2 : clients) + MARGIN))
    throw new Error(`not enough file descriptors for ${clients} clients in ${host}s (limit ${before})`);
  if (host === 'process' && !raiseFdLimit(clients + MARGIN))
    throw new Error(`${clients + MARGIN} file descriptors needed for the servers' side, limit ${before}`);
  log(
    `clients in ${options.count} ${host === 'thread' ? 'worker thread' : 'child process'}(es); fd limit ${before} → ${fdLimit()}`,
  );

  const entry = new URL('./realtime-client.ts', import.meta.url);
  const setups: ClientSetup[] = Array.from({ length: options.count }, (_, w) => ({
    rooms: rooms.filter((_, r) => r % options.count === w),
    bodyChars: options.bodyChars,
    connectConcurrency: Math.max(1, Math.ceil(options.connect / options.count)),
  }));
  const beforeThreads = new Set(threadIds());
  const pids: number[] = [];
  const ports = await Promise.all(
    setups.map(async (setup): Promise<Port> => {
      if (host === 'thread') {
        // Through tsx, which Node 20 does not apply to a worker's entry file (as intake.ts does).
        const tsx = import.meta.resolve('tsx/esm/api');
        const boot = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); })`;
        const worker = new Worker(boot, { eval: true, workerData: setup });
        onCleanup(() => worker.terminate());
        await new Promise((resolve) => worker.once('online', resolve));
        worker.on('error', (error) => log(`client thread failed: ${error.stack ?? error}`));
        return { send: (m) => worker.postMessage(m), on: (listener) => worker.on('message', listener) };
      }
      // 'advanced' serialization carries the Float64Arrays of latencies as they are.
      const child: ChildProcess = fork(fileURLToPath(entry), [], {
        execArgv: ['--import', 'tsx'],
        serialization: 'advanced',
        env: { ...process.env, KELISIM_BENCH_CLIENT: '1' },
      });
      onCleanup(() => child.kill());
      if (child.pid) pids.push(child.pid);
      child.send(setup);
      return {
        send: (m) => child.send(m),
        on: (listener) => child.on('message', (reply) => listener(reply as FromClient)),
      };
    }),
  );
  // One request at a time per port: each answer settles the oldest question.
  const pending = ports.map(() => [] as { resolve: (r: FromClient) => void; reject: (e: Error) => void }[]);
  for (const [i, port] of ports.entries())
    port.on((reply) => {
      const waiter = pending[i]?.shift();
      if (reply.type === 'failed') waiter?.reject(new Error(`client ${host}: ${reply.message}`));
      else waiter?.resolve(reply);
    });
  const all = (message: ToClient) =>
    Promise.all(
      ports.map(
        (port, i) =>
          new Promise<FromClient>((resolve, reject) => {
            pending[i]?.push({ resolve, reject });
            port.send(message);
          }),
      ),
    );
  const statFiles =
    host === 'thread'
      ? threadIds()
          .filter((tid) => !beforeThreads.has(tid))
          .map((tid) => `/proc/self/task/${tid}/stat`)
      : pids.map((pid) => `/proc/${pid}/stat`);
  return { all, host, statFiles };
};
export type Clients = Awaited<ReturnType<typeof startClients>>;

export const threadIds = () => (fs.existsSync('/proc/self/task') ? fs.readdirSync('/proc/self/task') : []);
