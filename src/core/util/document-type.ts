import { type SniffedType, sniffFileType } from './file-type.ts';

// What a room document is, judged by its bytes — never by its name or the type the browser claims.
// PDF and images are recognised by their signature (file-type.ts); office documents are ZIP
// containers, recognised by the entries that make a DOCX, an XLSX or an ODT. Anything else, a
// macro-enabled office file included, has no type here and is refused.

export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const ODT = 'application/vnd.oasis.opendocument.text';

export type DocumentType = SniffedType | typeof DOCX | typeof XLSX | typeof ODT;

/** Types a browser shows safely by itself: served inline (sandboxed); the rest are downloaded. */
export const PREVIEWABLE_TYPES: readonly DocumentType[] = ['application/pdf', 'image/jpeg', 'image/png'];

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_MIN_BYTES = 22;
const MAX_COMMENT_BYTES = 0xffff;
// A real document has dozens of entries; a central directory claiming more is not one of ours.
const MAX_ENTRIES = 10_000;

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
const latin1 = (bytes: Uint8Array) => String.fromCharCode(...bytes);

/** Where the end-of-central-directory record starts, searched backwards past a trailing comment. */
const findEndOfCentralDirectory = (bytes: Uint8Array) => {
  const data = view(bytes);
  const lowest = Math.max(0, bytes.length - EOCD_MIN_BYTES - MAX_COMMENT_BYTES);
  for (let at = bytes.length - EOCD_MIN_BYTES; at >= lowest; at--)
    if (data.getUint32(at, true) === EOCD_SIGNATURE) return at;
  return -1;
};

/** The names in a ZIP's central directory, or null when it is no well-formed ZIP (ZIP64 included). */
export const zipEntryNames = (bytes: Uint8Array): string[] | null => {
  if (bytes.length < EOCD_MIN_BYTES) return null;
  const eocd = findEndOfCentralDirectory(bytes);
  if (eocd < 0) return null;
  const data = view(bytes);
  const count = data.getUint16(eocd + 10, true);
  const start = data.getUint32(eocd + 16, true);
  if (count > MAX_ENTRIES || start >= eocd) return null;
  const names: string[] = [];
  let at = start;
  for (let i = 0; i < count; i++) {
    if (at + 46 > eocd || data.getUint32(at, true) !== CENTRAL_SIGNATURE) return null;
    const nameLength = data.getUint16(at + 28, true);
    const extraLength = data.getUint16(at + 30, true);
    const commentLength = data.getUint16(at + 32, true);
    if (at + 46 + nameLength > eocd) return null;
    names.push(new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
};

/**
 * An OpenDocument file starts with an uncompressed `mimetype` entry naming its type (ODF 1.2
 * part 3, §3.3): the first local header is read directly.
 */
const openDocumentMimetype = (bytes: Uint8Array) => {
  const data = view(bytes);
  if (bytes.length < 30 || data.getUint32(0, true) !== LOCAL_SIGNATURE) return null;
  const method = data.getUint16(8, true);
  const size = data.getUint32(18, true);
  const nameLength = data.getUint16(26, true);
  const extraLength = data.getUint16(28, true);
  const name = latin1(bytes.subarray(30, 30 + nameLength));
  const contentStart = 30 + nameLength + extraLength;
  // The entry holds one short type name; anything long is not an OpenDocument's.
  if (method !== 0 || name !== 'mimetype' || size > 200 || contentStart + size > bytes.length) return null;
  return latin1(bytes.subarray(contentStart, contentStart + size));
};

const officeType = (bytes: Uint8Array): DocumentType | null => {
  const names = zipEntryNames(bytes);
  if (!names) return null;
  const has = (name: string) => names.includes(name);
  // Macros travel in vbaProject.bin: a macro-enabled file renamed .docx/.xlsx is refused.
  if (names.some((name) => name.toLowerCase().endsWith('vbaproject.bin'))) return null;
  if (has('[Content_Types].xml') && has('word/document.xml')) return DOCX;
  if (has('[Content_Types].xml') && has('xl/workbook.xml')) return XLSX;
  if (has('content.xml') && openDocumentMimetype(bytes) === ODT) return ODT;
  return null;
};

/** The type of a whole file by its content, or null when it is not one the rooms accept. */
export const sniffDocumentType = (bytes: Uint8Array): DocumentType | null => {
  const simple = sniffFileType(bytes.subarray(0, 16));
  if (simple) return simple;
  const isZip = bytes.length >= 4 && view(bytes).getUint32(0, true) === LOCAL_SIGNATURE;
  return isZip ? officeType(bytes) : null;
};
