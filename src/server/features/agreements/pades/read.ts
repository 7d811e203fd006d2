// Reading the signatures back out of a signed PDF, in signing order, with what each one covers.
// Everything here treats the file as hostile: a /ByteRange is only believed when its gap is
// exactly this signature's own /Contents and it ends a revision at %%EOF — otherwise a byte range
// could leave out content an attacker put there, and the signature would still verify.
import type { PDFDict } from 'pdf-lib';
import { readTlv } from '../../../platform/signatures/der.ts';
import { PadesError } from './errors.ts';
import { catalogOf, formFields } from './form.ts';
import { concat, decodeText, field, integer, PDFArray, PDFHexString, PDFRef, PDFString } from './objects.ts';
import { openPdf } from './reader.ts';

export type EmbeddedSignature = {
  fieldName: string;
  signerName: string | null;
  byteRange: [number, number, number, number];
  /** The CMS DER, without the placeholder's zero padding. */
  cms: Uint8Array;
  /** The bytes the byte range names: what the CMS must be a signature of. */
  signedContent: Uint8Array;
  /** The byte range reaches the end of the file: nothing was appended after this signature. */
  coversWholeDocument: boolean;
  /** Length of the revision this signature closes (the end of its byte range). */
  revisionLength: number;
  /** Why the signature's structure cannot be trusted, whatever its CMS says; null when sound. */
  problem: string | null;
};

type Found = EmbeddedSignature & { dictionaryAt: number | null };

const latin1 = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');

/** The CMS inside the padded /Contents: its outer DER element, or everything when that is unreadable. */
const trimmed = (contents: Uint8Array) => {
  try {
    return contents.subarray(0, readTlv(contents, 0).end);
  } catch {
    return contents;
  }
};

/** Whether `pdf[a..b)` is `<hex>` and the hex decodes to `contents`. */
const gapIsContents = (pdf: Uint8Array, a: number, b: number, contents: Uint8Array) => {
  if (pdf[a] !== 0x3c || pdf[b - 1] !== 0x3e) return false;
  const hex = latin1(pdf.subarray(a + 1, b - 1));
  if (!/^(?:[0-9A-Fa-f]{2})*$/.test(hex)) return false;
  return Buffer.from(hex, 'hex').equals(Buffer.from(contents));
};

const signatureOf = (
  pdf: Uint8Array,
  fieldName: string,
  dictionaryAt: number | null,
  end: number | null,
  sig: PDFDict,
): Found => {
  const signerName = decodeText(field(sig, 'Name'));
  const value = field(sig, 'Contents');
  const contents =
    value instanceof PDFHexString || value instanceof PDFString ? value.asBytes() : new Uint8Array();
  const range = field(sig, 'ByteRange');
  const numbers = range instanceof PDFArray ? range.asArray().map(integer) : [];
  const base = { fieldName, signerName, cms: trimmed(contents), dictionaryAt };
  const broken = (problem: string): Found => ({
    ...base,
    byteRange: [0, 0, 0, 0],
    signedContent: new Uint8Array(),
    coversWholeDocument: false,
    revisionLength: 0,
    problem,
  });
  if (numbers.length !== 4 || numbers.some((n) => n === null || n < 0))
    return broken('/ByteRange is not four integers');
  const byteRange = numbers as [number, number, number, number];
  const [start, a, b, tail] = byteRange;
  const revisionLength = b + tail;
  if (start !== 0 || a >= b || revisionLength > pdf.length) return broken('/ByteRange outside the file');
  let problem: string | null = null;
  const inDictionary = dictionaryAt !== null && end !== null && dictionaryAt < a && b <= end;
  if (!inDictionary || !gapIsContents(pdf, a, b, contents))
    problem = '/ByteRange does not exclude exactly this signature’s /Contents';
  else if (
    !latin1(pdf.subarray(Math.max(0, revisionLength - 16), revisionLength))
      .trimEnd()
      .endsWith('%%EOF')
  )
    problem = '/ByteRange does not end a revision';
  else if (contents.every((byte) => byte === 0)) problem = 'signature not embedded: /Contents is empty';
  return {
    ...base,
    byteRange,
    signedContent: concat([pdf.subarray(0, a), pdf.subarray(b, revisionLength)]),
    coversWholeDocument: revisionLength === pdf.length,
    revisionLength,
    problem,
  };
};

const inspect = (pdf: Uint8Array): Found[] => {
  const reader = openPdf(pdf);
  const catalog = catalogOf(reader);
  const found: Found[] = [];
  for (const f of formFields(reader, reader.dict(field(catalog.dict, 'AcroForm')))) {
    const value = field(f.dict, 'V');
    const sig = f.type === 'Sig' ? reader.dict(value) : undefined;
    if (!sig) continue;
    // Only a dictionary written in place has byte offsets a /ByteRange can be checked against.
    const at = value instanceof PDFRef ? reader.indirect(value) : null;
    found.push(signatureOf(pdf, f.fullName, at?.start ?? null, at?.end ?? null, sig));
  }
  // Each signature closes a longer revision than the one before: that is the signing order.
  return found.sort(
    (x, y) => x.revisionLength - y.revisionLength || (x.dictionaryAt ?? 0) - (y.dictionaryAt ?? 0),
  );
};

export const readEmbeddedSignatures = (pdf: Uint8Array): EmbeddedSignature[] =>
  inspect(pdf).map(({ dictionaryAt: _, ...signature }) => signature);

/** The end of the revision before `at`: just after its last %%EOF and one end of line. */
const endOfRevisionBefore = (pdf: Uint8Array, at: number) => {
  const eof = Buffer.from(pdf.buffer, pdf.byteOffset, at).lastIndexOf('%%EOF');
  if (eof < 0) throw new PadesError('pdf_unreadable', 'no %%EOF before the first signature');
  let end = eof + 5;
  if (pdf[end] === 0x0d) end++;
  if (pdf[end] === 0x0a) end++;
  return end;
};

/**
 * The bytes before the first signature's incremental update — the frozen agreement PDF whose
 * SHA-256 was published — or the whole file when nothing is signed. Our updates start with a line
 * feed right before the signature dictionary, so the boundary is exact for them; for another
 * tool's update it is the end of the last %%EOF line before its signature.
 */
export const originalRevision = (pdf: Uint8Array): Uint8Array => {
  const [first] = inspect(pdf);
  if (!first) return pdf.slice();
  const at = first.dictionaryAt ?? first.byteRange[1];
  const ours =
    first.dictionaryAt !== null &&
    pdf[at - 1] === 0x0a &&
    latin1(pdf.subarray(Math.max(0, at - 20), at - 1))
      .trimEnd()
      .endsWith('%%EOF');
  return pdf.slice(0, ours ? at - 1 : endOfRevisionBefore(pdf, at));
};
