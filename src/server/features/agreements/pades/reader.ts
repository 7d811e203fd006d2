// A small synchronous PDF reader over the newest revision: the trailer, objects by reference (in
// place or inside object streams), and the byte span of an object written in place. pdf-lib's
// PDFDocument.load is async and keeps no offsets; signatures need both sync purity and offsets.
import { PDFContext, PDFDict, type PDFObject, PDFRawStream } from 'pdf-lib';
import { PadesError } from './errors.ts';
import {
  field,
  type Indirect,
  integer,
  name,
  PDFArray,
  PDFRef,
  parseIndirectAt,
  parseValueAt,
  readInt,
} from './objects.ts';
import { decodeStream, readXref, type Xref } from './xref.ts';

export type PdfReader = {
  bytes: Uint8Array;
  context: PDFContext;
  xref: Xref;
  /** The newest value of each trailer key (an update's trailer repeats them, 7.5.6). */
  trailerEntry(key: string): PDFObject | undefined;
  /** One past the highest object number in use: where new objects start. */
  size: number;
  /** The object a reference names (following references), or undefined when it has none. */
  resolve(object: PDFObject | undefined): PDFObject | undefined;
  dict(object: PDFObject | undefined): PDFDict | undefined;
  /** Where an object stored in place sits in the file; null when it is in an object stream. */
  indirect(ref: PDFRef): Indirect | null;
  gen(ref: PDFRef): number;
};

const MAX_REFERENCE_HOPS = 32;
type ObjectStream = { first: number; data: Uint8Array; offsets: Map<number, number> };

export const openPdf = (bytes: Uint8Array): PdfReader => {
  if (!Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-'))
    throw new PadesError('pdf_unreadable', 'no %PDF header');
  const context = PDFContext.create();
  const xref = readXref(bytes, context);
  const inPlace = new Map<number, Indirect | null>();
  const streams = new Map<number, ObjectStream>();
  const compressed = new Map<number, PDFObject | undefined>();

  const indirect = (ref: PDFRef): Indirect | null => {
    const num = ref.objectNumber;
    if (inPlace.has(num)) return inPlace.get(num) ?? null;
    const entry = xref.entries.get(num);
    let found: Indirect | null = null;
    if (entry?.kind === 'offset' && entry.offset < bytes.length) {
      const parsed = parseIndirectAt(bytes, entry.offset, context);
      if (parsed.num !== num) throw new PadesError('pdf_unreadable', `xref points object ${num} elsewhere`);
      found = parsed;
    }
    inPlace.set(num, found);
    return found;
  };

  const objectStream = (num: number): ObjectStream => {
    const cached = streams.get(num);
    if (cached) return cached;
    const stream = indirect(PDFRef.of(num))?.object;
    if (!(stream instanceof PDFRawStream) || name(field(stream.dict, 'Type')) !== 'ObjStm')
      throw new PadesError('pdf_unreadable', `object ${num} is not an object stream`);
    const count = integer(field(stream.dict, 'N'));
    const first = integer(field(stream.dict, 'First'));
    if (count === null || first === null)
      throw new PadesError('pdf_unreadable', 'object stream without /N or /First');
    const data = decodeStream(stream);
    const offsets = new Map<number, number>();
    let at = 0;
    for (let i = 0; i < count; i++) {
      const object = readInt(data, at);
      const offset = object && readInt(data, object.end);
      if (!object || !offset) throw new PadesError('pdf_unreadable', 'bad object stream header');
      offsets.set(i, first + offset.value);
      at = offset.end;
    }
    const result = { first, data, offsets };
    streams.set(num, result);
    return result;
  };

  const lookup = (ref: PDFRef): PDFObject | undefined => {
    const entry = xref.entries.get(ref.objectNumber);
    if (entry?.kind === 'offset') return indirect(ref)?.object;
    if (entry?.kind !== 'compressed') return undefined;
    if (compressed.has(ref.objectNumber)) return compressed.get(ref.objectNumber);
    const { data, offsets } = objectStream(entry.stream);
    const offset = offsets.get(entry.index);
    if (offset === undefined || offset >= data.length)
      throw new PadesError('pdf_unreadable', `object ${ref.objectNumber} missing from its stream`);
    // An object in a stream is a bare value, without `num gen obj`.
    const object = parseValueAt(data, offset, context);
    compressed.set(ref.objectNumber, object);
    return object;
  };

  const resolve = (object: PDFObject | undefined) => {
    let current = object;
    for (let hops = 0; current instanceof PDFRef; hops++) {
      if (hops >= MAX_REFERENCE_HOPS) throw new PadesError('pdf_unreadable', 'reference loop');
      current = lookup(current);
    }
    return current;
  };

  const trailerEntry = (key: string) => {
    for (const trailer of xref.trailers) {
      const value = field(trailer, key);
      if (value !== undefined) return value;
    }
    return undefined;
  };

  const declared = integer(trailerEntry('Size')) ?? 0;
  let size = declared;
  for (const num of xref.entries.keys()) size = Math.max(size, num + 1);
  if (size > 8_388_607) throw new PadesError('pdf_unreadable', 'too many objects');

  return {
    bytes,
    context,
    xref,
    trailerEntry,
    size,
    resolve,
    dict: (object) => {
      const value = resolve(object);
      return value instanceof PDFDict ? value : undefined;
    },
    indirect,
    gen: (ref) => {
      const entry = xref.entries.get(ref.objectNumber);
      return entry?.kind === 'offset' ? entry.gen : 0;
    },
  };
};

/** Array items of an entry that may be an array or a reference to one. */
export const items = (reader: PdfReader, object: PDFObject | undefined): PDFObject[] => {
  const value = reader.resolve(object);
  return value instanceof PDFArray ? value.asArray() : [];
};
