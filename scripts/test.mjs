#!/usr/bin/env node
// `npm test [-- vitest args…]`: typecheck, lint, build the web app (when there is one), then every
// vitest project (unit, integration on PGlite, integration on PostgreSQL when TEST_DATABASE_URL is
// set, e2e). Ends with one line `N passed, N failed, N skipped` counting test cases; a failed
// typecheck, lint or build counts as one failed test each. Exits non-zero when anything failed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const vitestArgs = process.argv.slice(2);
const isCi = Boolean(process.env.CI) && !['0', 'false'].includes(process.env.CI.toLowerCase());

const totals = { passed: 0, failed: 0, skipped: 0 };
const steps = [];

const banner = (text) => console.log(`\n\x1b[1m▶ ${text}\x1b[0m`);

const finish = () => {
  console.log('\n── summary ──');
  for (const step of steps)
    console.log(
      `  ${step.ok ? 'ok  ' : 'FAIL'}  ${step.name} (${step.seconds.toFixed(1)}s)${step.note ? ` — ${step.note}` : ''}`,
    );
  console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  process.exit(totals.failed > 0 ? 1 : 0);
};

/** Runs one command with inherited output; returns its exit status and duration. */
const run = (name, command, args, env = process.env) => {
  banner(`${name}: ${path.relative(root, command) || command} ${args.join(' ')}`);
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
  const seconds = (performance.now() - started) / 1000;
  if (result.error) console.error(`${name}: could not run ${command}: ${result.error.message}`);
  const status = result.error ? 1 : (result.status ?? 1);
  return { status, seconds, signal: result.signal };
};

/** A step that is not made of test cases: it counts as one passed or one failed test. */
const check = (name, command, args) => {
  const { status, seconds } = run(name, command, args);
  const ok = status === 0;
  if (ok) totals.passed += 1;
  else totals.failed += 1;
  steps.push({ name, ok, seconds, note: ok ? '' : `exit ${status}` });
};

if (isCi && !process.env.TEST_DATABASE_URL) {
  console.error(
    '\n\x1b[31mCI is set but TEST_DATABASE_URL is not: the integration suite must also run on PostgreSQL in CI.\n' +
      'Set TEST_DATABASE_URL=postgres://…/test (see .ci/run).\x1b[0m',
  );
  steps.push({ name: 'postgres configured for CI', ok: false, seconds: 0, note: 'TEST_DATABASE_URL unset' });
  totals.failed += 1;
  finish();
}

check('typecheck', bin('tsc'), ['--noEmit']);
check('lint', bin('biome'), ['check', '--diagnostic-level=error', '.']);
// The e2e suite serves the built SPA; a build that fails is reported, and the tests still run.
if (fs.existsSync(path.join(root, 'vite.config.ts'))) check('web build', bin('vite'), ['build']);

const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kelisim-vitest-'));
const reportFile = path.join(reportDir, 'report.json');
const vitest = run('vitest', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${reportFile}`,
  ...vitestArgs,
]);

const counted = { passed: 0, failed: 0, skipped: 0 };
let note = '';
if (fs.existsSync(reportFile)) {
  const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
  for (const file of report.testResults ?? []) {
    const cases = file.assertionResults ?? [];
    for (const test of cases) {
      if (test.status === 'passed') counted.passed += 1;
      else if (test.status === 'failed') counted.failed += 1;
      else counted.skipped += 1; // skipped, pending, todo
    }
    // A file that failed without a failing case (import error, failing hook) still failed.
    if (file.status === 'failed' && !cases.some((test) => test.status === 'failed')) {
      counted.failed += 1;
      console.error(
        `failed outside any test: ${path.relative(root, file.name)}${file.message ? `: ${file.message.split('\n')[0]}` : ''}`,
      );
    }
  }
} else {
  note = 'no JSON report';
}
// Unhandled errors, a crash, or no test found: vitest fails without a failed case to count.
if (vitest.status !== 0 && counted.failed === 0) {
  counted.failed += 1;
  note = note || `exit ${vitest.status ?? vitest.signal} without a failed test (unhandled error?)`;
}
fs.rmSync(reportDir, { recursive: true, force: true });
totals.passed += counted.passed;
totals.failed += counted.failed;
totals.skipped += counted.skipped;
steps.push({
  name: 'vitest',
  ok: vitest.status === 0 && counted.failed === 0,
  seconds: vitest.seconds,
  note: [`${counted.passed} passed, ${counted.failed} failed, ${counted.skipped} skipped`, note]
    .filter(Boolean)
    .join('; '),
});
finish();
