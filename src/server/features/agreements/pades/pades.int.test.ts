import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flat } from '../../../../../test/agreements/poppler.ts';
import { sampleDraft } from '../../../../../test/agreements/sample.ts';
import {
  EC,
  generateKeys,
  issueSigner,
  makeCa,
  type TestCa,
  type TestSigner,
  validBin,
  validIin,
} from '../../../../../test/signatures/pki.ts';
import { signDetached } from '../../../../web/features/signing/detached-cms.ts';
import { createTrustStore } from '../../../platform/signatures/trust.ts';
import { createSignatureVerifier, type SignatureVerifier } from '../../../platform/signatures/verifier.ts';
import { renderAgreementPdf } from '../pdf/render.ts';
import {
  embedSignature,
  originalRevision,
  PadesError,
  type PreparedSignature,
  prepareSignature,
  readEmbeddedSignatures,
  verifySignedPdf,
} from './index.ts';

// The rendered agreement signed by three parties in sequence, read back by the tools a court or a
// party would use: poppler's pdfsig (three signatures, each valid, the last covering the whole
// document), OpenSSL (each embedded CMS is a valid detached signature of its byte range), and
// pdftotext (the Kazakh text is still there) — and by our own reader and verifier.

const TOOLS = ['pdfsig', 'pdftotext', 'openssl'];
const missing = TOOLS.filter((tool) => spawnSync(tool, ['-v']).error);
// Test dependencies (.ci/run installs poppler-utils and openssl); on CI their absence is a failure.
const suite = missing.length === 0 || process.env.CI ? describe : describe.skip;
if (missing.length)
  console.warn(`${missing.join(', ')} not found: the PAdES tests need poppler-utils, openssl`);

let dir: string;
let ca: TestCa;
let signers: TestSigner[];
let verifier: SignatureVerifier;
let frozen: Uint8Array;
let signed: Uint8Array;
const prepared: PreparedSignature[] = [];
const file = (name: string) => path.join(dir, name);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const NAMES = ['Сейітқазы Әлия Нұрланқызы', 'Үсенов Ғалымжан Ұланұлы', 'Жұмабекова Гүлнұр Сәбитқызы'];

const tool = (name: string, args: string[]) => {
  const result = spawnSync(name, args, { encoding: 'utf8', timeout: 60_000 });
  if (result.error) throw result.error;
  return result;
};

const pdfsig = (bytes: Uint8Array, name: string) => {
  fs.writeFileSync(file(name), bytes);
  const output = tool('pdfsig', [file(name)]).stdout;
  return output.split(/^Signature #\d+:$/m).slice(1);
};

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kelisim-pades-'));
  ca = await makeCa();
  fs.writeFileSync(file('ca.pem'), ca.pem);
  signers = [
    await issueSigner(ca, { commonName: NAMES[0], iin: validIin() }),
    await issueSigner(ca, { commonName: NAMES[1], iin: validIin('85020240011'), bin: validBin() }),
    await issueSigner(ca, {
      commonName: NAMES[2],
      iin: validIin('79111250022'),
      keys: await generateKeys(EC),
    }),
  ];
  verifier = createSignatureVerifier(createTrustStore({ qualified: [ca.der], simple: [] }));
  frozen = (
    await renderAgreementPdf(sampleDraft(), { layout: 'kk+ru', publicUrl: 'https://kelisim.example.kz' })
  ).bytes;
  let current = frozen;
  for (const [i, signer] of signers.entries()) {
    const next = prepareSignature(current, {
      fieldName: `party-${i + 1}`,
      signerName: NAMES[i] as string,
      reason: 'Келісімге қол қойылды / Соглашение подписано',
      location: 'Қызылорда',
    });
    prepared.push(next);
    const cms = await signDetached({
      data: next.signedContent,
      privateKey: signer.keys.privateKey,
      certificate: signer.der,
    });
    current = embedSignature(next, cms);
  }
  signed = current;
}, 120_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

suite('an agreement PDF signed by three parties in sequence', () => {
  it('pdfsig lists three valid signatures, the last covering the total document', () => {
    const signatures = pdfsig(signed, 'signed.pdf');
    expect(signatures).toHaveLength(3);
    signatures.forEach((text, i) => {
      expect(text).toContain(`Signature Field Name: party-${i + 1}`);
      expect(text).toContain(`Signer Certificate Common Name: ${NAMES[i]}`);
      expect(text).toContain('Signature Type: adbe.pkcs7.detached');
      expect(text).toContain('Signature Validation: Signature is Valid.');
      expect(text).toContain(i === 2 ? 'Total document signed' : 'Not total document signed');
    });
  }, 60_000);

  it('our reader finds them in order with their byte ranges, and our verifier accepts all three', async () => {
    const found = readEmbeddedSignatures(signed);
    expect(found.map((s) => s.fieldName)).toEqual(['party-1', 'party-2', 'party-3']);
    expect(found.map((s) => s.signerName)).toEqual(NAMES);
    expect(found.map((s) => s.byteRange)).toEqual(prepared.map((p) => p.byteRange));
    found.forEach((s, i) => {
      // Each signature closes the revision its signer was given, and signs exactly those bytes.
      expect(s.revisionLength).toBe(prepared[i]?.prepared.length);
      expect(Buffer.from(s.signedContent).equals(Buffer.from(prepared[i]?.signedContent as Uint8Array))).toBe(
        true,
      );
    });
    expect(Buffer.from(originalRevision(signed)).equals(Buffer.from(frozen))).toBe(true);

    const report = await verifySignedPdf(signed, verifier);
    expect(report.original).toEqual({ sha256: sha256(frozen), length: frozen.length });
    expect(report.signatures.map((s) => s.verdict)).toMatchObject([
      { ok: true, kind: 'qualified', signer: { commonName: NAMES[0], iin: validIin() } },
      { ok: true, kind: 'qualified', signer: { commonName: NAMES[1], bin: validBin() } },
      { ok: true, kind: 'qualified', signer: { commonName: NAMES[2] }, algorithm: { key: 'ec' } },
    ]);
    expect(report.signatures.map((s) => s.coversWholeDocument)).toEqual([false, false, true]);
    expect(report.modifiedAfterLastSignature).toBe(false);
  }, 60_000);

  it('openssl cms -verify accepts each embedded CMS over its byte range, and refuses another range', () => {
    const found = readEmbeddedSignatures(signed);
    const verify = (cms: Uint8Array, content: Uint8Array) => {
      fs.writeFileSync(file('signature.cms'), cms);
      fs.writeFileSync(file('content.bin'), content);
      return tool('openssl', [
        ...'cms -verify -binary -inform DER -out /dev/null'.split(' '),
        ...['-in', file('signature.cms'), '-content', file('content.bin'), '-CAfile', file('ca.pem')],
      ]);
    };
    for (const signature of found) {
      const result = verify(signature.cms, signature.signedContent);
      expect(result.stderr).toContain('Verification successful');
      expect(result.status).toBe(0);
    }
    const [first, second] = found;
    expect(verify(first?.cms as Uint8Array, second?.signedContent as Uint8Array).status).not.toBe(0);
  }, 60_000);

  it('a flipped byte inside the original revision fails every signature, for pdfsig and for us', async () => {
    const tampered = Uint8Array.from(signed);
    // Inside the first page's compressed content stream: the file still parses, the text differs.
    const at = Buffer.from(frozen).indexOf('stream\n') + 7 + 100;
    expect(at).toBeLessThan(frozen.length);
    tampered[at] = (tampered[at] as number) ^ 0x01;
    const signatures = pdfsig(tampered, 'tampered.pdf');
    expect(signatures).toHaveLength(3);
    for (const text of signatures) expect(text).toContain('Signature Validation: Digest Mismatch.');
    const report = await verifySignedPdf(tampered, verifier);
    expect(report.signatures.map((s) => !s.verdict.ok && s.verdict.reason)).toEqual([
      'digest_mismatch',
      'digest_mismatch',
      'digest_mismatch',
    ]);
  }, 60_000);

  it('prepares the same bytes twice, and refuses a CMS larger than the placeholder', () => {
    const again = prepareSignature(
      embedSignature(prepared[1] as PreparedSignature, readEmbeddedSignatures(signed)[1]?.cms as Uint8Array),
      {
        fieldName: 'party-3',
        signerName: NAMES[2] as string,
        reason: 'Келісімге қол қойылды / Соглашение подписано',
        location: 'Қызылорда',
      },
    );
    expect(sha256(again.prepared)).toBe(sha256(prepared[2]?.prepared as Uint8Array));
    const tooLarge = new Uint8Array(again.placeholderBytes + 1);
    const refusal = (() => {
      try {
        embedSignature(again, tooLarge);
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(PadesError);
    expect((refusal as PadesError).code).toBe('signature_too_large');
  }, 60_000);

  it('pdftotext still extracts the Kazakh text from the signed PDF', () => {
    fs.writeFileSync(file('text.pdf'), signed);
    const text = flat(tool('pdftotext', ['-enc', 'UTF-8', file('text.pdf'), '-']).stdout);
    expect(text).toContain('Сейітқазы Әлия Нұрланқызы');
    expect(text).toContain('«Өңірлік Құрылыс Һәм Сервис» ЖШС');
    expect(text).toContain('Медиация тәртібімен дауды реттеу туралы келісім');
  }, 60_000);
});
