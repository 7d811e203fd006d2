// The ZIP writer read back by Info-ZIP's unzip (an independent reader): integrity, contents,
// Kazakh names, deterministic bytes. An integration test because it runs an outside program.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readZipEntry, writeZip, type ZipEntry } from './zip.ts';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kelisim-zip-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const at = new Date('2026-11-24T09:30:42Z');
const text = 'Келісім — ә ғ қ ң ө ұ ү һ і\n'.repeat(500);
const noise = new Uint8Array(randomBytes(4096));
const entries: ZipEntry[] = [
  { name: 'келісім/қолтаңба-1.txt', content: text },
  { name: 'noise.bin', content: noise },
  { name: 'stored.txt', content: 'as is', store: true },
  { name: 'empty', content: '' },
];

const written = (name: string, zip: Uint8Array) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, zip);
  return file;
};
const unzip = (...args: string[]) => execFileSync('unzip', args, { maxBuffer: 1 << 24 });

describe('writeZip', () => {
  it('writes an archive unzip tests clean and reads back byte for byte, Kazakh names included', () => {
    const file = written('a.zip', writeZip(entries, at));
    expect(unzip('-t', file).toString()).toContain('No errors detected');
    const listing = unzip('-Z1', file).toString().trim().split('\n');
    expect(listing).toEqual(entries.map((e) => e.name));
    expect(unzip('-p', file, 'келісім/қолтаңба-1.txt').toString('utf8')).toBe(text);
    expect(new Uint8Array(unzip('-p', file, 'noise.bin'))).toEqual(noise);
    expect(unzip('-p', file, 'stored.txt').toString()).toBe('as is');
    expect(unzip('-p', file, 'empty').length).toBe(0);
  });

  it('compresses what shrinks, stores what does not, and stores on request', () => {
    const zip = writeZip(entries, at);
    const verbose = unzip('-v', written('b.zip', zip)).toString();
    const methodOf = (name: string) =>
      verbose
        .split('\n')
        .find((line) => line.trimEnd().endsWith(name))
        ?.trim()
        .split(/\s+/)[1];
    expect(methodOf('келісім/қолтаңба-1.txt')).toMatch(/^Defl:/);
    expect(methodOf('noise.bin')).toBe('Stored');
    expect(methodOf('stored.txt')).toBe('Stored');
    expect(zip.length).toBeLessThan(text.length);
  });

  it('is deterministic and carries the given time', () => {
    expect(Buffer.from(writeZip(entries, at)).equals(Buffer.from(writeZip(entries, at)))).toBe(true);
    expect(
      Buffer.from(writeZip(entries, at)).equals(
        Buffer.from(writeZip(entries, new Date(at.getTime() + 2000))),
      ),
    ).toBe(false);
    const file = written('c.zip', writeZip(entries, at));
    // zipinfo's -T prints the time as yyyymmdd.hhmmss in the local zone; TZ=UTC makes it the instant.
    const info = execFileSync('zipinfo', ['-T', file, 'stored.txt'], { env: { ...process.env, TZ: 'UTC' } });
    expect(info.toString()).toContain('20261124.093042');
  });

  it('refuses two entries with one name', () => {
    expect(() => writeZip([entries[0] as ZipEntry, entries[0] as ZipEntry], at)).toThrow(/duplicate/);
  });
});

describe('readZipEntry', () => {
  it('reads entries back, deflated or stored, and answers null for a missing one', () => {
    const zip = writeZip(entries, at);
    expect(Buffer.from(readZipEntry(zip, 'келісім/қолтаңба-1.txt') ?? []).toString()).toBe(text);
    expect(readZipEntry(zip, 'noise.bin')).toEqual(noise);
    expect(readZipEntry(zip, 'missing')).toBeNull();
  });

  it('reads what zip(1) wrote', () => {
    const source = path.join(dir, 'src');
    fs.mkdirSync(source, { recursive: true });
    fs.writeFileSync(path.join(source, 'a.txt'), text);
    execFileSync('zip', ['-q', '-X', path.join(dir, 'z.zip'), 'a.txt'], { cwd: source });
    const zip = new Uint8Array(fs.readFileSync(path.join(dir, 'z.zip')));
    expect(Buffer.from(readZipEntry(zip, 'a.txt') ?? []).toString()).toBe(text);
  });

  it('notices damage', () => {
    const zip = writeZip([{ name: 'a.txt', content: 'hello', store: true }], at);
    const damaged = Uint8Array.from(zip);
    const index = Buffer.from(damaged).indexOf('hello');
    damaged[index] = 0x48;
    expect(() => readZipEntry(damaged, 'a.txt')).toThrow(/damaged/);
  });
});
