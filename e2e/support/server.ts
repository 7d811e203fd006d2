import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// A real Kelisim server for browser tests: the built web app, a fresh embedded database in a
// temp directory, demo accounts seeded, fast password hashing. One per test file.

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIST_INDEX = path.join(ROOT, 'dist/web/index.html');
const WEB_SOURCES = ['src/web', 'src/locales', 'src/core', 'src/contracts', 'vite.config.ts'];
const LOCK = path.join(ROOT, 'dist/.web-build.lock');

const newestMtime = (target: string): number => {
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(target).map((name) => newestMtime(path.join(target, name))));
};

const isBuildFresh = () => {
  const built = fs.statSync(DIST_INDEX, { throwIfNoEntry: false });
  return (
    Boolean(built) &&
    Math.max(...WEB_SOURCES.map((source) => newestMtime(path.join(ROOT, source)))) < (built?.mtimeMs ?? 0)
  );
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Builds dist/web unless it is newer than every web source. Test files may run in parallel
 * workers: a lock directory makes the second one wait for the first one's build.
 */
export const buildWeb = async () => {
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch {
      const age = Date.now() - (fs.statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 5 * 60_000) fs.rmSync(LOCK, { recursive: true, force: true });
      await sleep(250);
    }
  }
  try {
    if (isBuildFresh()) return;
    // vitest sets NODE_ENV=test, which would give a development build of React: build as `npm start` does.
    execFileSync(
      process.execPath,
      [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
      {
        cwd: ROOT,
        stdio: 'inherit',
        env: { ...process.env, NODE_ENV: 'production' },
      },
    );
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
};

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });

export type TestServer = { url: string; dataDir: string; output: () => string; stop: () => Promise<void> };

// Generous: on a loaded 2-core CI machine tsx compilation and PGlite start can take a while.
const waitForReady = async (url: string, child: ChildProcess, output: () => string, timeoutMs = 150_000) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`server exited with ${child.exitCode} before it was ready:\n${output()}`);
    try {
      const response = await fetch(`${url}/readyz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`server not ready after ${timeoutMs} ms:\n${output()}`);
};

/**
 * Starts `kelisim serve` on a free port with its own data directory; stop() ends it and cleans up.
 * `options.env`: settings one suite needs on top of the clean environment (e.g. KELISIM_TRUST_DIR).
 */
export const startServer = async (options: { env?: Record<string, string> } = {}): Promise<TestServer> => {
  await buildWeb();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kelisim-e2e-'));
  // A clean environment: no external database, bus, mail or blob store from the developer's shell.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !/^(DATABASE_URL|REDIS_URL|SMTP_URL|S3_|KELISIM_|TEST_DATABASE_URL|NODE_ENV$)/.test(key),
    ),
  );
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], {
    cwd: ROOT,
    env: {
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      KELISIM_DATA_DIR: dataDir,
      KELISIM_SCRYPT_COST: '16384',
      KELISIM_DEMO: '1',
      LOG_LEVEL: 'warn',
      PUBLIC_URL: url,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const output = () => log;

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForReady(url, child, output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, dataDir, output, stop };
};
