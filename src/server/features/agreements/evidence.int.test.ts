// The evidence and filing packages (R-SG-02, R-CPC-04): a real PDF signed twice through the PAdES
// functions (the mediator with a platform key, a party with a "qualified" test CA), packed, then
// checked from the outside as a court clerk would: unzip, the README's own OpenSSL commands, the
// manifest's hashes. An integration test because it runs unzip, bash and openssl.
import 'reflect-metadata';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EC,
  generateKeys,
  issueSigner,
  makeCa,
  type TestCa,
  validIin,
} from '../../../../test/signatures/pki.ts';
import { signDetached } from '../../../web/features/signing/detached-cms.ts';
import { loadSignatures, type Signatures } from '../../platform/signatures/index.ts';
import { readZipEntry } from '../../platform/zip.ts';
import { buildEvidencePackage, type EvidenceInput, type EvidenceManifest } from './evidence.ts';
import { buildFilingPackage, type FilingMetadata, filingOfPackage } from './filing-package.ts';
import { embedSignature, prepareSignature, readEmbeddedSignatures } from './pades/index.ts';

let dir: string;
let signatures: Signatures;
let nca: TestCa;
let input: EvidenceInput;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const MEDIATOR_IIN = validIin('85020230011');
const PARTY_IIN = validIin('90010130012');

/** A two-page PDF signed by the mediator (platform key, simple) and a party (test NCA, qualified). */
const signedAgreement = async () => {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([300, 200]).drawText('Kelisim agreement KLS-2026-000417', { x: 20, y: 100, font, size: 10 });
  const original = await doc.save({ useObjectStreams: false });

  const mediatorKeys = await generateKeys(EC);
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', mediatorKeys.publicKey));
  const mediatorCert = await signatures.ca.issue({ spki, commonName: 'Сейітқазы Әлия', iin: MEDIATOR_IIN });
  const party = await issueSigner(nca, { commonName: 'Үсенов Ғалымжан', iin: PARTY_IIN });
  const signers = [
    { privateKey: mediatorKeys.privateKey, certificate: mediatorCert.der, field: 'mediator' },
    { privateKey: party.keys.privateKey, certificate: party.der, field: 'party-1' },
  ];
  let pdf = original;
  for (const signer of signers) {
    const prepared = prepareSignature(pdf, {
      fieldName: signer.field,
      signerName: signer.field,
      reason: 'Келісім',
    });
    const cms = await signDetached({ data: prepared.signedContent, ...signer });
    pdf = embedSignature(prepared, cms);
  }
  return { original, signed: pdf, embedded: readEmbeddedSignatures(pdf) };
};

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kelisim-evidence-'));
  // Real time: openssl checks certificates at its own clock.
  signatures = await loadSignatures({ env: {}, dataDir: path.join(dir, 'data') });
  nca = await makeCa();
  const { original, signed, embedded } = await signedAgreement();
  const [first, second] = embedded;
  if (!first || !second) throw new Error('two signatures expected');
  const signedAt = new Date();
  input = {
    caseNumber: 'KLS-2026-000417',
    agreementHash: 'a'.repeat(64),
    frozenAt: new Date('2026-11-20T10:00:00Z'),
    publicUrl: 'https://kelisim.kz',
    originalPdf: { sha256: sha256(original), length: original.length },
    signedPdf: signed,
    mediator: { name: 'Сейітқазы Әлия', registryNumber: 'KZ-MED-000042', organisation: '«Келісім» ҚБ' },
    parties: [
      { name: 'Үсенов Ғалымжан', iin: PARTY_IIN },
      { name: '«Өңірлік Құрылыс Һәм Сервис» ЖШС', bin: '150340012346' },
    ],
    signatures: [
      // Out of order on purpose: the package lists them in signing order.
      {
        ...second,
        position: 2,
        role: 'party',
        name: 'Үсенов Ғалымжан',
        method: 'ncalayer',
        kind: 'qualified',
        signingTime: signedAt,
      },
      {
        ...first,
        position: 1,
        role: 'mediator',
        name: 'Сейітқазы Әлия',
        method: 'platform',
        kind: 'simple',
        signingTime: signedAt,
      },
    ],
    issuedAt: new Date('2026-11-24T09:30:00Z'),
  };
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Unpacks a package into a fresh directory with the NCA certificate a clerk would add. */
const unpack = (name: string, zip: Uint8Array) => {
  const target = path.join(dir, name);
  fs.mkdirSync(target);
  fs.writeFileSync(path.join(target, 'package.zip'), zip);
  expect(execFileSync('unzip', ['-t', 'package.zip'], { cwd: target }).toString()).toContain(
    'No errors detected',
  );
  execFileSync('unzip', ['-q', 'package.zip'], { cwd: target });
  fs.rmSync(path.join(target, 'package.zip'));
  fs.writeFileSync(path.join(target, 'nca-rk.pem'), nca.pem);
  return target;
};

/** The README's command block, run as written. */
const runReadme = (target: string) => {
  const readme = fs.readFileSync(path.join(target, 'README.txt'), 'utf8');
  const script = readme.slice(readme.indexOf('# 1. '));
  return spawnSync('bash', ['-e', '-o', 'pipefail', '-c', script], { cwd: target });
};

describe('evidence package', () => {
  it('holds the signed PDF, each CMS as stored, the signed attestation, the CA, README and manifest', async () => {
    const { zip, manifest } = await buildEvidencePackage(input, signatures.attestor);
    fs.writeFileSync(path.join(dir, 'evidence.zip'), zip);
    const listed = execFileSync('unzip', ['-Z1', path.join(dir, 'evidence.zip')])
      .toString()
      .trim()
      .split('\n');
    expect(listed).toEqual([...manifest.files.map((f) => f.name), 'manifest.json']);
    const target = unpack('evidence', zip);
    expect(manifest.files.map((f) => f.name)).toEqual([
      'agreement-signed.pdf',
      'signatures/1-mediator.cms',
      'signatures/2-party.cms',
      'attestation.json',
      'attestation.json.cms',
      'platform-ca.pem',
      'README.txt',
    ]);
    for (const file of manifest.files) {
      const bytes = fs.readFileSync(path.join(target, file.name));
      expect({ name: file.name, size: bytes.length, sha256: sha256(bytes) }).toEqual(file);
    }
    const stored = JSON.parse(
      fs.readFileSync(path.join(target, 'manifest.json'), 'utf8'),
    ) as EvidenceManifest;
    expect(stored).toEqual(manifest);
    expect(stored.format).toBe('kelisim.evidence/1');
    const [first, second] = input.signatures;
    expect(
      fs.readFileSync(path.join(target, 'signatures/2-party.cms')).equals(Buffer.from(first?.cms ?? [])),
    ).toBe(true);
    expect(stored.signatures.map((s) => [s.file, s.byteRange, s.signedSha256])).toEqual([
      ['signatures/1-mediator.cms', second?.byteRange, sha256(second?.signedContent ?? new Uint8Array())],
      ['signatures/2-party.cms', first?.byteRange, sha256(first?.signedContent ?? new Uint8Array())],
    ]);
    // The PDF is in the package once: no copy of it per signature.
    expect(zip.length).toBeLessThan(input.signedPdf.length * 1.5);
  });

  it('states in kk, ru and en that the agreement came out of a mediation on Kelisim, signed by the platform', async () => {
    const { zip } = await buildEvidencePackage(input, signatures.attestor);
    const bytes = readZipEntry(zip, 'attestation.json') as Uint8Array;
    const attestation = JSON.parse(new TextDecoder().decode(bytes));
    expect(Object.keys(attestation.statement).sort()).toEqual(['en', 'kk', 'ru']);
    for (const text of Object.values(attestation.statement))
      expect(text).toEqual(expect.stringContaining('KLS-2026-000417'));
    expect(attestation.statement.kk).toContain('медиация нәтижесінде');
    expect(attestation).toMatchObject({
      format: 'kelisim.attestation/1',
      caseNumber: 'KLS-2026-000417',
      agreementHash: input.agreementHash,
      verifyUrl: `https://kelisim.kz/verify/${input.agreementHash}`,
      pdf: { original: input.originalPdf, signed: { sha256: sha256(input.signedPdf) } },
      mediator: input.mediator,
      issuedAt: '2026-11-24T09:30:00.000Z',
      signers: [
        { position: 1, role: 'mediator', kind: 'simple', method: 'platform' },
        { position: 2, role: 'party', kind: 'qualified', method: 'ncalayer' },
      ],
    });
    // Canonical JSON: sorted keys, no whitespace.
    expect(new TextDecoder().decode(bytes).startsWith('{"agreementHash":')).toBe(true);
    const cms = readZipEntry(zip, 'attestation.json.cms') as Uint8Array;
    const verdict = await signatures.verifier.verifyDetached(cms, bytes);
    expect(verdict).toMatchObject({ ok: true, signer: { commonName: 'Kelisim platform attestation' } });
  });

  it('can be checked with nothing but its README and OpenSSL; a changed byte fails the check', async () => {
    const { zip } = await buildEvidencePackage(input, signatures.attestor);
    const target = unpack('readme', zip);
    const good = runReadme(target);
    expect(good.stderr.toString()).toBe('CMS Verification successful\n'.repeat(3));
    expect(good.status).toBe(0);
    const readme = fs.readFileSync(path.join(target, 'README.txt'), 'utf8');
    for (const phrase of ['дәлелдер пакеті', 'пакет доказательств', 'evidence package'])
      expect(readme).toContain(phrase);

    const pdf = fs.readFileSync(path.join(target, 'agreement-signed.pdf'));
    pdf.writeUInt8(pdf.readUInt8(200) ^ 0x01, 200);
    fs.writeFileSync(path.join(target, 'agreement-signed.pdf'), pdf);
    const bad = runReadme(target);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr.toString()).toContain('Verification failure');
  });

  it('refuses to state what is not so', async () => {
    const [first, second] = input.signatures;
    if (!first || !second) throw new Error('fixture');
    const otherContent = {
      ...input,
      signatures: [{ ...first, signedContent: second.signedContent }, second],
    };
    await expect(buildEvidencePackage(otherContent, signatures.attestor)).rejects.toThrow(/byte range/);
    const otherOriginal = { ...input, originalPdf: { ...input.originalPdf, sha256: 'b'.repeat(64) } };
    await expect(buildEvidencePackage(otherOriginal, signatures.attestor)).rejects.toThrow(/frozen PDF/);
  });
});

describe('filing package', () => {
  const metadata = (overrides: Partial<FilingMetadata> = {}): FilingMetadata => ({
    filingId: '6f1c1a52-6a43-4d0e-9b8f-0b5a4c3b2a10',
    court: { id: null, code: '7594', name: 'Қызылорда қалалық сотының' },
    courtCaseNumber: '7594-26-00-2/1187',
    category: 'civil',
    parties: [
      { id: 'p1', role: 'initiator', kind: 'individual', name: 'Үсенов Ғалымжан', iin: PARTY_IIN },
      { id: 'p2', role: 'respondent', kind: 'organisation', name: '«Өңірлік» ЖШС', bin: '150340012346' },
    ],
    amounts: [
      { debtor: 'p2', creditor: 'p1', amountTiyn: 450_000_000, purpose: { kk: 'қарыз', ru: 'долг' } },
    ],
    consents: [
      { party: 'p1', at: new Date('2026-11-24T08:00:00Z') },
      { party: 'p2', at: new Date('2026-11-24T08:30:00Z') },
    ],
    filedAt: new Date('2026-11-24T08:30:00Z'),
    ...overrides,
  });

  it('is the evidence package plus filing.json, signed by the platform', async () => {
    const built = await buildFilingPackage(input, metadata(), signatures.attestor);
    expect(built.manifest.files.map((f) => f.name)).toEqual([
      'agreement-signed.pdf',
      'signatures/1-mediator.cms',
      'signatures/2-party.cms',
      'attestation.json',
      'attestation.json.cms',
      'filing.json',
      'filing.json.cms',
      'platform-ca.pem',
      'README.txt',
    ]);
    expect(built.sha256).toBe(sha256(built.zip));
    const filing = filingOfPackage(built.zip);
    expect(filing).toEqual(built.filing);
    expect(filing).toMatchObject({
      format: 'kelisim.filing/1',
      caseNumber: 'KLS-2026-000417',
      courtCaseNumber: '7594-26-00-2/1187',
      category: 'civil',
      agreementHash: input.agreementHash,
      pdfSha256: input.originalPdf.sha256,
      amounts: [{ debtor: 'p2', creditor: 'p1', amountTiyn: 450_000_000 }],
      consents: [{ party: 'p1', at: '2026-11-24T08:00:00.000Z' }, { party: 'p2' }],
      filedAt: '2026-11-24T08:30:00.000Z',
    });
    const target = unpack('filing', built.zip);
    const checked = runReadme(target);
    expect(checked.stderr.toString()).toBe('CMS Verification successful\n'.repeat(4));
    expect(fs.readFileSync(path.join(target, 'README.txt'), 'utf8')).toContain('filing.json');
  });

  it('is never made before every party consented, nor with amounts naming someone else', async () => {
    const oneConsent = metadata({ consents: [{ party: 'p1', at: new Date() }] });
    await expect(buildFilingPackage(input, oneConsent, signatures.attestor)).rejects.toThrow(/not consented/);
    const stranger = metadata({ amounts: [{ debtor: 'x', creditor: 'p1', amountTiyn: 1 }] });
    await expect(buildFilingPackage(input, stranger, signatures.attestor)).rejects.toThrow(/not a party/);
  });
});
