import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const cli = (dataDir: string, ...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    env: { ...process.env, KELISIM_DATA_DIR: dataDir, DATABASE_URL: '', KELISIM_SCRYPT_COST: '4096' },
  }).then(
    (result) => ({ code: 0, ...result }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );

describe('kelisim CLI on an embedded database', () => {
  it('seeds, verifies the audit chain, and reports the first broken link after tampering', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kelisim-cli-'));
    expect((await cli(dataDir, 'seed')).stdout).toContain('demo accounts created');
    const intact = await cli(dataDir, 'audit', 'verify');
    expect(intact.code).toBe(0);
    expect(intact.stdout).toMatch(/audit chain intact: 47 events/);

    const db = await PGlite.create(path.join(dataDir, 'pg'));
    await db.exec(`alter table audit_events disable trigger audit_events_append_only;
      update audit_events set action = 'forged' where seq = 3;`);
    await db.close();

    const broken = await cli(dataDir, 'audit', 'verify');
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('audit chain BROKEN at event #3');
  }, 300_000);
});

describe('kelisim serve', () => {
  it('closes the database and releases the data directory on SIGTERM', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kelisim-serve-'));
    const server = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], {
      env: {
        ...process.env,
        KELISIM_DATA_DIR: dataDir,
        DATABASE_URL: '',
        PORT: '0',
        HOST: '127.0.0.1',
        KELISIM_SCRYPT_COST: '4096',
        LOG_LEVEL: 'info',
      },
    });
    let output = '';
    await new Promise<void>((resolve, reject) => {
      server.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Kelisim is ready')) resolve();
      });
      server.once('exit', (code) => reject(new Error(`server exited early with ${code}: ${output}`)));
    });
    expect(fs.readFileSync(path.join(dataDir, 'kelisim.pid'), 'utf8')).toBe(String(server.pid));
    const exited = new Promise<number | null>((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'kelisim.pid'))).toBe(false);
    expect(output).toContain('shutting down');
  }, 300_000);
});
