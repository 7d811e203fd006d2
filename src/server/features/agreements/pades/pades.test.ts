import 'reflect-metadata';
import fc from 'fast-check';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  EC,
  generateKeys,
  issueSigner,
  makeCa,
  type TestCa,
  type TestSigner,
} from '../../../../../test/signatures/pki.ts';
import { signDetached } from '../../../../web/features/signing/detached-cms.ts';
import { createTrustStore } from '../../../platform/signatures/trust.ts';
import { createSignatureVerifier, type SignatureVerifier } from '../../../platform/signatures/verifier.ts';
import {
  embedSignature,
  originalRevision,
  PadesError,
  type PreparedSignature,
  prepareSignature,
  readEmbeddedSignatures,
  type SignatureSlot,
  signedPdfIsValid,
  verifySignedPdf,
} from './index.ts';

// The PAdES functions on small pdf-lib documents in both cross-reference forms (classic table and
// stream), signed three times in sequence by test signers: what the integration test checks with
// poppler and OpenSSL, here checked against our own reader and verifier, plus the refusals.

let ca: TestCa;
let signers: TestSigner[];
let verifier: SignatureVerifier;

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
const slot = (n: number): SignatureSlot => ({
  fieldName: `party-${n}`,
  signerName: `Сейітқазы Әлия ${n}`,
  reason: 'Келісімге қол қою',
  location: 'Қызылорда',
});

const makePdf = async (useObjectStreams: boolean, withForm = false) => {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([300, 200]);
  page.drawText('Kelisim agreement', { x: 20, y: 100, font, size: 12 });
  if (withForm)
    doc.getForm().createTextField('note').addToPage(page, { x: 20, y: 20, width: 100, height: 20 });
  doc.addPage([300, 200]);
  return doc.save({ useObjectStreams });
};

const sign = async (prepared: PreparedSignature, who: TestSigner) =>
  signDetached({ data: prepared.signedContent, privateKey: who.keys.privateKey, certificate: who.der });

const signInSequence = async (pdf: Uint8Array, count = 3) => {
  let current = pdf;
  const byteRanges: Array<PreparedSignature['byteRange']> = [];
  for (let n = 1; n <= count; n++) {
    const prepared = prepareSignature(current, slot(n));
    byteRanges.push(prepared.byteRange);
    current = embedSignature(prepared, await sign(prepared, signers[n - 1] as TestSigner));
  }
  return { signed: current, byteRanges };
};

const code = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof PadesError ? error.code : `not a PadesError: ${error}`;
  }
  return 'no error';
};

beforeAll(async () => {
  ca = await makeCa();
  signers = await Promise.all([1, 2, 3].map(async () => issueSigner(ca, { keys: await generateKeys(EC) })));
  verifier = createSignatureVerifier(createTrustStore({ qualified: [ca.der], simple: [] }));
}, 60_000);

describe.each([
  ['a classic xref table', false],
  ['a cross-reference stream', true],
])('a PDF with %s', (_, useObjectStreams) => {
  it('is prepared deterministically, leaving every earlier byte as it was', async () => {
    const pdf = await makePdf(useObjectStreams);
    const a = prepareSignature(pdf, slot(1));
    const b = prepareSignature(pdf, slot(1));
    expect(Buffer.from(b.prepared).equals(Buffer.from(a.prepared))).toBe(true);
    expect(Buffer.from(a.prepared.subarray(0, pdf.length)).equals(Buffer.from(pdf))).toBe(true);
    const [start, from, to, tail] = a.byteRange;
    expect(start).toBe(0);
    expect(to + tail).toBe(a.prepared.length);
    expect(to - from).toBe(a.placeholderBytes * 2 + 2);
    expect(latin1(a.prepared.subarray(from, to))).toBe(`<${'0'.repeat(a.placeholderBytes * 2)}>`);
    expect(latin1(a.prepared)).toContain(`/ByteRange [${a.byteRange.join(' ')}]`);
    expect(a.signedContent.length).toBe(a.prepared.length - (to - from));
    expect(latin1(a.signedContent)).toMatch(/%%EOF\n$/);
    // No clock in the dictionary: the signing time is the CMS's business.
    expect(latin1(a.prepared.subarray(pdf.length))).not.toMatch(/\/M\s/);
  });

  it('writes the update in the form of the section it chains to', async () => {
    const pdf = await makePdf(useObjectStreams);
    const update = latin1(prepareSignature(pdf, slot(1)).prepared.subarray(pdf.length));
    const previous = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(latin1(pdf))?.[1];
    expect(update).toContain(`/Prev ${previous}`);
    if (useObjectStreams) {
      expect(update).toContain('/Type /XRef');
      expect(update).not.toMatch(/^xref$/m);
      return;
    }
    const table = /\nxref\n([\s\S]*?)trailer\n/.exec(update)?.[1] ?? '';
    const lines = table.match(/[^\n]*\n/g) ?? [];
    const entries = lines.filter((line) => !/^\d+ \d+\n$/.test(line));
    expect(entries.length).toBe(5); // signature, widget, page, new form, catalog
    for (const entry of entries) expect(entry).toMatch(/^\d{10} \d{5} n\r\n$/);
    for (const entry of entries) expect(entry.length).toBe(20);
  });

  it('signed three times: three signatures in order, the last covering the whole file', async () => {
    const pdf = await makePdf(useObjectStreams);
    const { signed, byteRanges } = await signInSequence(pdf);
    const found = readEmbeddedSignatures(signed);
    expect(found.map((s) => s.fieldName)).toEqual(['party-1', 'party-2', 'party-3']);
    expect(found.map((s) => s.signerName)).toEqual([1, 2, 3].map((n) => `Сейітқазы Әлия ${n}`));
    expect(found.map((s) => s.byteRange)).toEqual(byteRanges);
    expect(found.map((s) => s.coversWholeDocument)).toEqual([false, false, true]);
    expect(found.map((s) => s.problem)).toEqual([null, null, null]);
    expect(found[2]?.revisionLength).toBe(signed.length);
    expect(Buffer.from(originalRevision(signed)).equals(Buffer.from(pdf))).toBe(true);

    const report = await verifySignedPdf(signed, verifier);
    expect(report.signatures.map((s) => s.verdict.ok)).toEqual([true, true, true]);
    expect(report.modifiedAfterLastSignature).toBe(false);
    expect(report.original.length).toBe(pdf.length);
    expect(signedPdfIsValid(report)).toBe(true);
  });

  it('keeps the fields and annotations the document had', async () => {
    const pdf = await makePdf(useObjectStreams, true);
    const { signed } = await signInSequence(pdf, 2);
    const doc = await PDFDocument.load(signed);
    const names = doc
      .getForm()
      .getFields()
      .map((f) => f.getName());
    expect(names).toEqual(['note', 'party-1', 'party-2']);
    expect(doc.getPage(0).node.Annots()?.size()).toBe(3);
    expect((await verifySignedPdf(signed, verifier)).signatures.every((s) => s.verdict.ok)).toBe(true);
  });
});

describe('refusals and tampering', () => {
  it('refuses a field that exists already, and a field name PDF cannot hold', async () => {
    const { signed } = await signInSequence(await makePdf(true), 1);
    expect(code(() => prepareSignature(signed, slot(1)))).toBe('field_exists');
    expect(code(() => prepareSignature(signed, { ...slot(2), fieldName: 'a.b' }))).toBe('field_invalid');
    expect(code(() => prepareSignature(signed, { ...slot(2), fieldName: '' }))).toBe('field_invalid');
  });

  it('refuses a CMS larger than the placeholder', async () => {
    const prepared = prepareSignature(await makePdf(false), slot(1));
    expect(code(() => embedSignature(prepared, new Uint8Array(prepared.placeholderBytes + 1)))).toBe(
      'signature_too_large',
    );
    // One that just fits is embedded, zero padded to the placeholder's length.
    const fits = embedSignature(prepared, new Uint8Array(prepared.placeholderBytes).fill(0xab));
    expect(fits.length).toBe(prepared.prepared.length);
  });

  it('refuses what is not a PDF', async () => {
    const pdf = await makePdf(true);
    for (const input of [
      new Uint8Array(),
      Buffer.from('hello'),
      Buffer.from('%PDF-1.7\nstartxref\n999999\n%%EOF'),
      pdf.subarray(0, pdf.length / 2),
    ]) {
      expect(code(() => prepareSignature(input, slot(1)))).toBe('pdf_unreadable');
      expect(code(() => readEmbeddedSignatures(input))).toBe('pdf_unreadable');
    }
  });

  it('a flipped byte in the original revision breaks every signature', async () => {
    const pdf = await makePdf(false);
    const { signed } = await signInSequence(pdf);
    // The first page's width, 300 → 400: the file still parses, the content differs.
    const at = latin1(signed).indexOf('/MediaBox [ 0 0 300 200 ]') + '/MediaBox [ 0 0 '.length;
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(pdf.length);
    const tampered = Uint8Array.from(signed);
    tampered[at] = 0x34;
    const report = await verifySignedPdf(tampered, verifier);
    expect(report.signatures.map((s) => !s.verdict.ok && s.verdict.reason)).toEqual([
      'digest_mismatch',
      'digest_mismatch',
      'digest_mismatch',
    ]);
    expect(signedPdfIsValid(report)).toBe(false);
  });

  it('reports bytes appended after the last signature', async () => {
    const { signed } = await signInSequence(await makePdf(true), 2);
    const appended = new Uint8Array([...signed, ...Buffer.from('\n% later\n')]);
    const report = await verifySignedPdf(appended, verifier);
    expect(report.signatures.map((s) => s.verdict.ok)).toEqual([true, true]);
    expect(report.signatures.map((s) => s.coversWholeDocument)).toEqual([false, false]);
    expect(report.modifiedAfterLastSignature).toBe(true);
    expect(signedPdfIsValid(report)).toBe(false);
  });

  it('refuses a byte range that leaves out more than its own /Contents, though the CMS holds', async () => {
    const prepared = prepareSignature(await makePdf(false), slot(1));
    const [, a, b, tail] = prepared.byteRange;
    // The byte range now also leaves out the four bytes before the placeholder.
    const forged = Uint8Array.from(prepared.prepared);
    const text = latin1(forged);
    const at = text.indexOf(`[${prepared.byteRange.join(' ')}]`);
    const range = `[0 ${a - 4} ${b} ${tail}]`.padEnd(`[${prepared.byteRange.join(' ')}]`.length);
    forged.set(Buffer.from(range, 'latin1'), at);
    const content = new Uint8Array([...forged.subarray(0, a - 4), ...forged.subarray(b)]);
    const cms = await signDetached({
      data: content,
      privateKey: signers[0]?.keys.privateKey as CryptoKey,
      certificate: signers[0]?.der as Uint8Array,
    });
    forged.set(Buffer.from(Buffer.from(cms).toString('hex'), 'latin1'), a + 1);
    const [found] = readEmbeddedSignatures(forged);
    expect(found?.problem).toMatch(/does not exclude exactly/);
    expect(
      await verifier.verifyDetached(found?.cms as Uint8Array, found?.signedContent as Uint8Array),
    ).toMatchObject({ ok: true });
    const report = await verifySignedPdf(forged, verifier);
    expect(report.signatures[0]?.verdict).toMatchObject({ ok: false, reason: 'malformed' });
  });

  it('reports an unfilled placeholder as a broken signature', async () => {
    const prepared = prepareSignature(await makePdf(true), slot(1));
    const report = await verifySignedPdf(prepared.prepared, verifier);
    expect(report.signatures[0]?.verdict).toMatchObject({ ok: false, reason: 'malformed' });
  });

  it('an unsigned PDF has no signatures and is its own original', async () => {
    const pdf = await makePdf(true);
    expect(readEmbeddedSignatures(pdf)).toEqual([]);
    expect(Buffer.from(originalRevision(pdf)).equals(Buffer.from(pdf))).toBe(true);
    const report = await verifySignedPdf(pdf, verifier);
    expect(report).toMatchObject({ signatures: [], modifiedAfterLastSignature: false });
    expect(signedPdfIsValid(report)).toBe(false);
  });

  it('never fails on garbage with anything but pdf_unreadable', async () => {
    const { signed } = await signInSequence(await makePdf(true), 2);
    const mutation = fc.record({
      cut: fc.integer({ min: 0, max: signed.length }),
      flips: fc.array(fc.tuple(fc.nat({ max: signed.length - 1 }), fc.integer({ min: 0, max: 255 })), {
        maxLength: 8,
      }),
    });
    await fc.assert(
      fc.asyncProperty(mutation, async ({ cut, flips }) => {
        const bytes = Uint8Array.from(signed.subarray(0, cut));
        for (const [at, value] of flips) if (at < bytes.length) bytes[at] = value;
        try {
          await verifySignedPdf(bytes, verifier);
          prepareSignature(bytes, slot(9));
        } catch (error) {
          if (!(error instanceof PadesError)) throw error;
          expect(error.code).toBe(error.code === 'field_exists' ? 'field_exists' : 'pdf_unreadable');
        }
      }),
      { numRuns: 300 },
    );
  }, 120_000);
});
