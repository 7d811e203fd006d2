import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './open.ts';

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'kelisim-lock-'));

describe('data directory lock', () => {
  it('refuses a second holder while the first is alive, and frees on release', () => {
    const dir = tempDir();
    // Pretend another live process (our parent) holds the directory.
    fs.writeFileSync(path.join(dir, 'kelisim.pid'), String(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    fs.rmSync(path.join(dir, 'kelisim.pid'));
    const release = lockDataDir(dir);
    expect(fs.readFileSync(path.join(dir, 'kelisim.pid'), 'utf8')).toBe(String(process.pid));
    release();
    expect(fs.existsSync(path.join(dir, 'kelisim.pid'))).toBe(false);
  });

  it('takes over the stale lock of a process that died', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'kelisim.pid'), '2147483646');
    const release = lockDataDir(dir);
    expect(fs.readFileSync(path.join(dir, 'kelisim.pid'), 'utf8')).toBe(String(process.pid));
    release();
  });
});
