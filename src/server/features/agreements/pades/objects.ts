// PDF syntax at byte level: parsing one indirect object at an offset (pdf-lib's object parser does
// the values), serialising objects to bytes, and the few byte helpers the rest needs. We read and
// write at known offsets ourselves because an incremental update must leave every earlier byte
// as it is: pdf-lib's PDFDocument.save rewrites the whole file, and its load is async.
import {
  PDFArray,
  type PDFContext,
  PDFDict,
  PDFHexString,
  PDFName,
  PDFNumber,
  type PDFObject,
  PDFObjectParser,
  PDFRef,
  PDFString,
} from 'pdf-lib';
import { PadesError, readable } from './errors.ts';

export const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);

export const concat = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};

const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
export const isWhitespace = (byte: number | undefined) => byte !== undefined && WHITESPACE.has(byte);
const isDigit = (byte: number | undefined) => byte !== undefined && byte >= 0x30 && byte <= 0x39;

/** The offset of the first byte after whitespace and comments from `at`. */
export const skipSpace = (bytes: Uint8Array, at: number) => {
  let i = at;
  while (i < bytes.length) {
    if (isWhitespace(bytes[i])) i++;
    else if (bytes[i] === 0x25) while (i < bytes.length && bytes[i] !== 0x0a && bytes[i] !== 0x0d) i++;
    else break;
  }
  return i;
};

/** A non-negative integer token at `at` (after whitespace), or null. */
export const readInt = (bytes: Uint8Array, at: number): { value: number; end: number } | null => {
  let i = skipSpace(bytes, at);
  const start = i;
  while (isDigit(bytes[i]) && i - start < 12) i++;
  if (i === start || isDigit(bytes[i])) return null;
  return { value: Number(Buffer.from(bytes.subarray(start, i)).toString('latin1')), end: i };
};

/** Whether `keyword` is at `at` (no whitespace skipped) and not followed by a regular character. */
export const keywordAt = (bytes: Uint8Array, at: number, keyword: string) => {
  for (let i = 0; i < keyword.length; i++) if (bytes[at + i] !== keyword.charCodeAt(i)) return false;
  const next = bytes[at + keyword.length];
  return next === undefined || isWhitespace(next) || next === 0x3c || next === 0x2f || next === 0x25;
};

/**
 * How far the parser read. pdf-lib keeps its byte stream protected, but its position is the one
 * thing we need from it: the span of a signature dictionary is checked against its /ByteRange.
 */
const parsedLength = (parser: PDFObjectParser) =>
  (parser as unknown as { bytes: { offset(): number } }).bytes.offset();

export type Indirect = { num: number; gen: number; object: PDFObject; start: number; end: number };

/**
 * The indirect object `num gen obj … endobj` starting at `offset`. `end` is just after `endobj`
 * (or after the value when a broken file lacks it), so a caller knows the object's byte span.
 */
export const parseIndirectAt = (bytes: Uint8Array, offset: number, context: PDFContext): Indirect =>
  readable(`object at ${offset}`, () => {
    const num = readInt(bytes, offset);
    const gen = num && readInt(bytes, num.end);
    const keyword = gen ? skipSpace(bytes, gen.end) : -1;
    if (!num || !gen || !keywordAt(bytes, keyword, 'obj'))
      throw new PadesError('pdf_unreadable', `no object at ${offset}`);
    const start = skipSpace(bytes, offset);
    const body = keyword + 3;
    // A view, not a copy: the parser's positions are relative to `body`.
    const parser = PDFObjectParser.forBytes(bytes.subarray(body), context, true);
    const object = parser.parseObject();
    const after = skipSpace(bytes, body + parsedLength(parser));
    const end = keywordAt(bytes, after, 'endobj') ? after + 6 : after;
    return { num: num.value, gen: gen.value, object, start, end };
  });

/** One direct value (e.g. a trailer dictionary) at `offset`. */
export const parseValueAt = (bytes: Uint8Array, offset: number, context: PDFContext): PDFObject =>
  readable(`value at ${offset}`, () =>
    PDFObjectParser.forBytes(bytes.subarray(offset), context, true).parseObject(),
  );

/** The exact bytes pdf-lib writes for a value (its toString would not keep bytes above 0x7f). */
export const serialize = (object: PDFObject) => {
  const out = new Uint8Array(object.sizeInBytes());
  object.copyBytesInto(out, 0);
  return out;
};

/** A PDF text string: UTF-16BE with a byte order mark, so Kazakh and Russian names survive. */
export const textString = (text: string) => PDFHexString.fromText(text);

/** A text string's value, whatever form (literal or hex) its writer chose; null for anything else. */
export const decodeText = (object: PDFObject | undefined) =>
  object instanceof PDFString || object instanceof PDFHexString
    ? readable('text string', () => object.decodeText())
    : null;

/** A dictionary entry by key, unresolved (a reference stays a reference). */
export const field = (dict: PDFDict, key: string) => dict.get(PDFName.of(key));

export const integer = (object: PDFObject | undefined) =>
  object instanceof PDFNumber && Number.isSafeInteger(object.asNumber()) ? object.asNumber() : null;

export const name = (object: PDFObject | undefined) =>
  object instanceof PDFName ? object.decodeText() : null;

/** A copy of a dictionary with some entries replaced or added, keys in their original order. */
export const withEntries = (dict: PDFDict, context: PDFContext, entries: Record<string, PDFObject>) => {
  const map = new Map(dict.entries());
  for (const [key, value] of Object.entries(entries)) map.set(PDFName.of(key), value);
  return PDFDict.fromMapWithContext(map, context);
};

export const arrayOf = (context: PDFContext, items: PDFObject[]) => {
  const array = PDFArray.withContext(context);
  for (const item of items) array.push(item);
  return array;
};

export { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString };
