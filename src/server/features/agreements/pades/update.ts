// An incremental update (ISO 32000-1 7.5.6): new and changed objects appended after the last
// %%EOF, a cross-reference section for just those objects whose /Prev is the previous section,
// and a trailer. Written in the form of the section it chains to — a classic table after a table,
// a cross-reference stream after a stream — because /Prev of each form is defined to address the
// same form (7.5.8.4), and some readers (macOS Preview; Acrobat for signatures) reject a mixture.
import { PDFDict, PDFRawStream } from 'pdf-lib';
import { PadesError } from './errors.ts';
import { arrayOf, ascii, concat, PDFName, PDFNumber, serialize } from './objects.ts';
import type { PdfReader } from './reader.ts';

export type NewObject = { num: number; gen: number; body: Uint8Array };

export type Update = {
  /** The bytes to append to the previous file. */
  bytes: Uint8Array;
  /** File offset of each object's body (just after `num gen obj\n`), by object number. */
  bodies: Map<number, number>;
};

/** Runs of consecutive object numbers: the subsections of a table, the /Index of a stream. */
const runs = (nums: number[]) => {
  const sorted = [...nums].sort((a, b) => a - b);
  const out: Array<{ first: number; count: number }> = [];
  for (const num of sorted) {
    const last = out[out.length - 1];
    if (last && last.first + last.count === num) last.count++;
    else out.push({ first: num, count: 1 });
  }
  return out;
};

/** Entries every trailer carries forward; /Encrypt never occurs (encrypted files are refused). */
const trailerEntries = (reader: PdfReader, size: number) => {
  const dict = PDFDict.withContext(reader.context);
  dict.set(PDFName.of('Size'), PDFNumber.of(size));
  for (const key of ['Root', 'Info', 'ID']) {
    const value = reader.trailerEntry(key);
    if (value !== undefined) dict.set(PDFName.of(key), value);
  }
  dict.set(PDFName.of('Prev'), PDFNumber.of(reader.xref.startxref));
  return dict;
};

const table = (entries: Array<{ num: number; offset: number; gen: number }>) => {
  const byNum = new Map(entries.map((entry) => [entry.num, entry]));
  let text = 'xref\n';
  for (const { first, count } of runs([...byNum.keys()])) {
    text += `${first} ${count}\n`;
    for (let num = first; num < first + count; num++) {
      const entry = byNum.get(num) as { offset: number; gen: number };
      // Exactly 20 bytes: 10-digit offset, 5-digit generation, type, two-byte end of line.
      text += `${String(entry.offset).padStart(10, '0')} ${String(entry.gen).padStart(5, '0')} n\r\n`;
    }
  }
  return text;
};

/** A cross-reference stream, uncompressed (a few entries): /W [1 4 2] holds offsets up to 4 GiB. */
const xrefStream = (
  reader: PdfReader,
  entries: Array<{ num: number; offset: number; gen: number }>,
  size: number,
) => {
  const sorted = [...entries].sort((a, b) => a.num - b.num);
  const data = new Uint8Array(sorted.length * 7);
  sorted.forEach(({ offset, gen }, i) => {
    const view = new DataView(data.buffer, i * 7, 7);
    view.setUint8(0, 1);
    view.setUint32(1, offset);
    view.setUint16(5, gen);
  });
  const dict = trailerEntries(reader, size);
  dict.set(PDFName.of('Type'), PDFName.of('XRef'));
  dict.set(PDFName.of('W'), arrayOf(reader.context, [1, 4, 2].map(PDFNumber.of)));
  const index = runs(sorted.map((entry) => entry.num)).flatMap(({ first, count }) => [first, count]);
  dict.set(PDFName.of('Index'), arrayOf(reader.context, index.map(PDFNumber.of)));
  dict.set(PDFName.of('Length'), PDFNumber.of(data.length));
  return serialize(PDFRawStream.of(dict, data));
};

export const writeUpdate = (reader: PdfReader, objects: NewObject[]): Update => {
  const base = reader.bytes.length;
  // Always a line feed first: the previous file may end right after %%EOF (pdf-lib's do), and
  // originalRevision relies on the first object of an update starting on the next line.
  const parts: Uint8Array[] = [ascii('\n')];
  let length = 1;
  const push = (part: Uint8Array) => {
    parts.push(part);
    length += part.length;
  };
  const bodies = new Map<number, number>();
  const entries: Array<{ num: number; offset: number; gen: number }> = [];
  for (const { num, gen, body } of objects) {
    entries.push({ num, gen, offset: base + length });
    push(ascii(`${num} ${gen} obj\n`));
    bodies.set(num, base + length);
    push(body);
    push(ascii('\nendobj\n'));
  }
  const highest = Math.max(reader.size - 1, ...objects.map((object) => object.num));
  const xrefOffset = base + length;
  if (reader.xref.form === 'table') {
    push(ascii(table(entries)));
    push(ascii('trailer\n'));
    push(serialize(trailerEntries(reader, highest + 1)));
    push(ascii('\n'));
  } else {
    const num = highest + 1;
    entries.push({ num, gen: 0, offset: xrefOffset });
    push(ascii(`${num} 0 obj\n`));
    push(xrefStream(reader, entries, num + 1));
    push(ascii('\nendobj\n'));
  }
  push(ascii(`startxref\n${xrefOffset}\n%%EOF\n`));
  if (base + length >= 2 ** 32) throw new PadesError('pdf_unreadable', 'file too large');
  return { bytes: concat(parts), bodies };
};
