// Reading the cross-reference data of a PDF with incremental updates: the newest section is where
// the last `startxref` points, each section's /Prev leads to the one before, and an object's
// newest entry wins. Sections are classic tables (`xref` … `trailer`) or cross-reference streams
// (PDF 1.5, what pdf-lib writes with useObjectStreams), and hybrid files have both (/XRefStm).
import { decodePDFRawStream, type PDFContext, PDFDict, type PDFObject, PDFRawStream } from 'pdf-lib';
import { PadesError, readable } from './errors.ts';
import {
  field,
  integer,
  isWhitespace,
  keywordAt,
  name,
  PDFArray,
  parseIndirectAt,
  parseValueAt,
  readInt,
  skipSpace,
} from './objects.ts';

export type XrefEntry =
  | { kind: 'free' }
  | { kind: 'offset'; offset: number; gen: number }
  | { kind: 'compressed'; stream: number; index: number };

export type XrefForm = 'table' | 'stream';

export type Xref = {
  /** Offset of the newest section: the /Prev of the next update. */
  startxref: number;
  /** Form of the newest section: an update must be written in the same form (ISO 32000-1 7.5.8.4). */
  form: XrefForm;
  /** Trailers newest first (for a stream section, the stream's dictionary). */
  trailers: PDFDict[];
  entries: Map<number, XrefEntry>;
};

const MAX_SECTIONS = 10_000;
const fail = (detail: string): never => {
  throw new PadesError('pdf_unreadable', detail);
};

/** The offset the last `startxref` of the file gives. */
export const lastStartxref = (pdf: Uint8Array) => {
  const at = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.length).lastIndexOf('startxref');
  if (at < 0) return fail('no startxref');
  const offset = readInt(pdf, at + 9);
  if (!offset || offset.value >= pdf.length) return fail('startxref out of the file');
  return offset.value;
};

type Section = { trailer: PDFDict; entries: Map<number, XrefEntry>; form: XrefForm };

const readTable = (pdf: Uint8Array, offset: number, context: PDFContext): Section => {
  const entries = new Map<number, XrefEntry>();
  let at = skipSpace(pdf, offset + 4);
  while (!keywordAt(pdf, at, 'trailer')) {
    const first = readInt(pdf, at);
    const count = first && readInt(pdf, first.end);
    if (!first || !count || count.value > pdf.length / 18) return fail(`bad xref subsection at ${at}`);
    at = count.end;
    for (let i = 0; i < count.value; i++) {
      const value = readInt(pdf, at);
      const gen = value && readInt(pdf, value.end);
      const kind = gen ? skipSpace(pdf, gen.end) : -1;
      if (
        !value ||
        !gen ||
        !(pdf[kind] === 0x6e || pdf[kind] === 0x66) ||
        !isWhitespace(pdf[kind + 1] ?? 0x20)
      )
        return fail(`bad xref entry at ${at}`);
      const num = first.value + i;
      if (!entries.has(num))
        entries.set(
          num,
          pdf[kind] === 0x66 ? { kind: 'free' } : { kind: 'offset', offset: value.value, gen: gen.value },
        );
      at = kind + 1;
    }
    at = skipSpace(pdf, at);
  }
  const trailer = parseValueAt(pdf, at + 7, context);
  if (!(trailer instanceof PDFDict)) return fail('trailer is not a dictionary');
  return { trailer, entries, form: 'table' };
};

/** PNG predictors (Predictor ≥ 10), which producers such as Acrobat and qpdf use on xref streams. */
const unpredict = (data: Uint8Array, params: PDFObject | undefined) => {
  const dict = params instanceof PDFArray ? params.get(0) : params;
  const predictor = dict instanceof PDFDict ? (integer(field(dict, 'Predictor')) ?? 1) : 1;
  if (predictor === 1) return data;
  if (predictor < 10) return fail(`unsupported predictor ${predictor}`);
  const columns = integer(field(dict as PDFDict, 'Columns')) ?? 1;
  if (columns < 1 || columns > 64) return fail('bad predictor columns');
  const rows = Math.floor(data.length / (columns + 1));
  const out = new Uint8Array(rows * columns);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (columns + 1)] as number;
    for (let c = 0; c < columns; c++) {
      const raw = data[r * (columns + 1) + 1 + c] as number;
      const left = c > 0 ? (out[r * columns + c - 1] as number) : 0;
      const up = r > 0 ? (out[(r - 1) * columns + c] as number) : 0;
      const corner = r > 0 && c > 0 ? (out[(r - 1) * columns + c - 1] as number) : 0;
      const paeth = () => {
        const p = left + up - corner;
        const [a, b, d] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - corner)];
        return a <= b && a <= d ? left : b <= d ? up : corner;
      };
      const add = [0, left, up, (left + up) >> 1, type === 4 ? paeth() : 0][type];
      if (add === undefined) return fail(`bad PNG predictor row type ${type}`);
      out[r * columns + c] = (raw + add) & 0xff;
    }
  }
  return out;
};

export const decodeStream = (stream: PDFRawStream) =>
  readable('stream', () => unpredict(decodePDFRawStream(stream).decode(), field(stream.dict, 'DecodeParms')));

const readStreamSection = (pdf: Uint8Array, offset: number, context: PDFContext): Section => {
  const { object } = parseIndirectAt(pdf, offset, context);
  if (!(object instanceof PDFRawStream) || name(field(object.dict, 'Type')) !== 'XRef')
    return fail(`no xref stream at ${offset}`);
  const dict = object.dict;
  const widths = field(dict, 'W');
  const w = widths instanceof PDFArray ? widths.asArray().map(integer) : [];
  if (w.length !== 3 || w.some((n) => n === null || n < 0 || n > 8)) return fail('bad xref stream /W');
  const [w0, w1, w2] = w as [number, number, number];
  const size = integer(field(dict, 'Size')) ?? fail('xref stream without /Size');
  const index = field(dict, 'Index');
  const ranges = index instanceof PDFArray ? index.asArray().map(integer) : [0, size];
  if (ranges.length % 2 !== 0 || ranges.some((n) => n === null || n < 0))
    return fail('bad xref stream /Index');
  const data = decodeStream(object);
  const column = (at: number, width: number, fallback: number) => {
    if (width === 0) return fallback;
    let value = 0;
    for (let i = 0; i < width; i++) value = value * 256 + (data[at + i] as number);
    return value;
  };
  const entries = new Map<number, XrefEntry>();
  let at = 0;
  for (let r = 0; r < ranges.length; r += 2) {
    const [first, count] = [ranges[r] as number, ranges[r + 1] as number];
    for (let i = 0; i < count; i++, at += w0 + w1 + w2) {
      if (at + w0 + w1 + w2 > data.length) return fail('xref stream shorter than its /Index');
      const type = column(at, w0, 1);
      const [a, b] = [column(at + w0, w1, 0), column(at + w0 + w1, w2, 0)];
      const num = first + i;
      if (entries.has(num)) continue;
      // Types other than 0–2 are to be ignored as references to the null object (7.5.8.3).
      if (type === 0) entries.set(num, { kind: 'free' });
      else if (type === 1) entries.set(num, { kind: 'offset', offset: a, gen: b });
      else if (type === 2) entries.set(num, { kind: 'compressed', stream: a, index: b });
    }
  }
  return { trailer: dict, entries, form: 'stream' };
};

const readSection = (pdf: Uint8Array, offset: number, context: PDFContext): Section => {
  const at = skipSpace(pdf, offset);
  if (keywordAt(pdf, at, 'xref')) {
    const table = readTable(pdf, at, context);
    // Hybrid file: the hidden stream's entries stand in for the table's free or missing ones.
    const hidden = integer(field(table.trailer, 'XRefStm'));
    if (hidden !== null && hidden < pdf.length)
      for (const [num, entry] of readStreamSection(pdf, hidden, context).entries)
        if (table.entries.get(num)?.kind !== 'offset') table.entries.set(num, entry);
    return table;
  }
  return readStreamSection(pdf, at, context);
};

export const readXref = (pdf: Uint8Array, context: PDFContext): Xref => {
  const startxref = lastStartxref(pdf);
  const entries = new Map<number, XrefEntry>();
  const trailers: PDFDict[] = [];
  const seen = new Set<number>();
  let form: XrefForm | null = null;
  for (let offset: number | null = startxref; offset !== null; ) {
    if (seen.has(offset) || seen.size >= MAX_SECTIONS) return fail('xref sections loop');
    if (offset >= pdf.length) return fail('xref /Prev out of the file');
    seen.add(offset);
    const section = readSection(pdf, offset, context);
    form ??= section.form;
    trailers.push(section.trailer);
    for (const [num, entry] of section.entries) if (!entries.has(num)) entries.set(num, entry);
    offset = integer(field(section.trailer, 'Prev'));
  }
  return { startxref, form: form ?? 'table', trailers, entries };
};
