import 'reflect-metadata';
import { execFile } from 'node:child_process';
import { createHash, webcrypto } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleDraft } from '../../test/agreements/sample.ts';
import { EC, generateKeys, issueSigner, makeCa, type TestCa, validIin } from '../../test/signatures/pki.ts';
import { embedSignature, prepareSignature } from '../server/features/agreements/pades/index.ts';
import { renderAgreementPdf } from '../server/features/agreements/pdf/render.ts';
import { toPem } from '../server/platform/signatures/pem.ts';
import { loadPlatformCa } from '../server/platform/signatures/platform-ca.ts';
import { signDetached } from '../web/features/signing/detached-cms.ts';

// `kelisim signature verify` on a real agreement signed with a qualified (trust directory) and a
// simple (platform CA) signature: exit 0 only when all are valid and the last covers the file; the
// platform CA comes from KELISIM_CA_CERT or the data directory and is never created by the CLI.

const run = promisify(execFile);
const cli = (env: NodeJS.ProcessEnv, ...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'signature', ...args], {
    env: { ...process.env, KELISIM_TRUST_DIR: '', KELISIM_CA_CERT: '', KELISIM_CA_KEY: '', ...env },
  }).then(
    (result) => ({ code: 0, ...result }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );

let dir: string;
let platformCert: TestCa;
let frozen: Uint8Array;
const file = (name: string) => path.join(dir, name);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kelisim-signature-cli-'));
  const qualifiedCa = await makeCa();
  fs.mkdirSync(file('trust'));
  fs.writeFileSync(file('trust/root_rsa.cer'), qualifiedCa.der);
  const qualified = await issueSigner(qualifiedCa, { commonName: 'Сейітқазы Әлия', iin: validIin() });

  const platformKeys = await generateKeys(EC);
  platformCert = await makeCa('Kelisim simple signature CA', platformKeys);
  const pkcs8 = new Uint8Array(await webcrypto.subtle.exportKey('pkcs8', platformKeys.privateKey));
  const platform = await loadPlatformCa({
    env: { KELISIM_CA_KEY: toPem(pkcs8, 'PRIVATE KEY'), KELISIM_CA_CERT: platformCert.pem },
    dataDir: file('unused'),
  });
  const browserKeys = await generateKeys(EC);
  const spki = new Uint8Array(await webcrypto.subtle.exportKey('spki', browserKeys.publicKey));
  const simple = await platform.issue({ spki, commonName: 'Үсенов Ғалымжан', iin: validIin('85020240011') });

  frozen = (
    await renderAgreementPdf(sampleDraft(), { layout: 'kk+ru', publicUrl: 'https://kelisim.example.kz' })
  ).bytes;
  let pdf = frozen;
  for (const [n, key, certificate] of [
    [1, qualified.keys.privateKey, qualified.der],
    [2, browserKeys.privateKey, simple.der],
  ] as const) {
    const prepared = prepareSignature(pdf, {
      fieldName: `party-${n}`,
      signerName: `Signer ${n}`,
      reason: 'Agreed',
    });
    pdf = embedSignature(
      prepared,
      await signDetached({ data: prepared.signedContent, privateKey: key, certificate }),
    );
  }
  fs.writeFileSync(file('signed.pdf'), pdf);
  fs.writeFileSync(file('appended.pdf'), Buffer.concat([pdf, Buffer.from('\n% appended later\n')]));
  fs.writeFileSync(file('garbage.pdf'), Buffer.from('%PDF-1.7\nnot really a PDF\n'));
}, 120_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('kelisim signature verify', () => {
  it('exits 0 for valid signatures, the last covering the whole file, and prints the original hash', async () => {
    const env = {
      KELISIM_TRUST_DIR: file('trust'),
      KELISIM_CA_CERT: platformCert.pem,
      KELISIM_DATA_DIR: file('d1'),
    };
    const result = await cli(env, 'verify', file('signed.pdf'));
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toMatch(
      /^#1 field "party-1" signer "Signer 1": valid, qualified EDS of Сейітқазы Әлия, IIN/,
    );
    expect(lines[0]).toContain('does not cover the whole document');
    expect(lines[1]).toMatch(
      /^#2 field "party-2" signer "Signer 2": valid, simple electronic signature of Үсенов/,
    );
    expect(lines[1]).toContain('covers the whole document');
    expect(lines).toContain(`original revision: SHA-256 ${sha256(frozen)} (${frozen.length} bytes)`);
    expect(lines[lines.length - 1]).toBe('VALID');
  }, 120_000);

  it('finds the platform CA in the data directory, and never creates one', async () => {
    fs.mkdirSync(file('d2'));
    fs.writeFileSync(file('d2/signing-ca.pem'), platformCert.pem);
    const found = await cli(
      { KELISIM_TRUST_DIR: file('trust'), KELISIM_DATA_DIR: file('d2') },
      'verify',
      file('signed.pdf'),
    );
    expect(found.code, found.stderr).toBe(0);

    const result = await cli(
      { KELISIM_TRUST_DIR: file('trust'), KELISIM_DATA_DIR: file('d3') },
      'verify',
      file('signed.pdf'),
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^#2 .*REFUSED untrusted/m);
    expect(result.stdout.trim().endsWith('NOT VALID')).toBe(true);
    expect(fs.existsSync(file('d3'))).toBe(false);
  }, 120_000);

  it('exits 1 when bytes follow the last signature', async () => {
    const env = {
      KELISIM_TRUST_DIR: file('trust'),
      KELISIM_CA_CERT: platformCert.pem,
      KELISIM_DATA_DIR: file('d1'),
    };
    const result = await cli(env, 'verify', file('appended.pdf'));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^#2 .*valid.*does not cover the whole document$/m);
    expect(result.stdout).toContain('the file was changed after the last signature');
    expect(result.stdout).toContain(`original revision: SHA-256 ${sha256(frozen)}`);
  }, 120_000);

  it('exits 2 for a file that is not a readable PDF, or no file', async () => {
    const env = { KELISIM_DATA_DIR: file('d1') };
    const garbage = await cli(env, 'verify', file('garbage.pdf'));
    expect(garbage.code).toBe(2);
    expect(garbage.stderr).toContain('is not a readable PDF');
    expect((await cli(env, 'verify', file('missing.pdf'))).code).toBe(2);
    expect((await cli(env, 'verify')).code).toBe(2);
  }, 120_000);
});
