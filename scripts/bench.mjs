#!/usr/bin/env node
// `npm run bench -- NAME [args…]` runs bench/NAME.ts through tsx with the caller's environment
// (DATABASE_URL, REDIS_URL, BENCH_* …). Each bench prints progress on stderr and one JSON line,
// last, on stdout. Without NAME, lists the benches there are.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = path.join(root, 'bench');
// Shared code, not benches (helpers also live in subfolders such as bench/lib/).
const HELPERS = new Set(['support']);

const available = () =>
  fs.existsSync(benchDir)
    ? fs
        .readdirSync(benchDir)
        .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts') && !file.startsWith('_'))
        .map((file) => file.slice(0, -'.ts'.length))
        .filter((name) => !HELPERS.has(name))
        .sort()
    : [];

const usage = () => {
  const names = available();
  console.error('usage: npm run bench -- NAME   (DATABASE_URL set: PostgreSQL, otherwise embedded PGlite)');
  console.error(names.length ? `benches: ${names.join(', ')}` : 'no benches in bench/');
};

const [name, ...args] = process.argv.slice(2);
if (!name || name === '--help' || name === '-h') {
  usage();
  process.exit(name ? 0 : 1);
}
const file = path.join(benchDir, `${name}.ts`);
if (!available().includes(name)) {
  console.error(`no bench named "${name}"`);
  usage();
  process.exit(1);
}

const child = spawn(process.execPath, ['--import', 'tsx', file, ...args], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => {
  process.exit(signal ? 128 + (os.constants.signals[signal] ?? 0) : (code ?? 1));
});
