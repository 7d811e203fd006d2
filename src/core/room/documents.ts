import { DOCX, ODT, XLSX } from '../util/document-type.ts';

// What a room accepts as a document (issue 5): the limits both the server and the browser apply
// (the browser only to spare a weak connection a hopeless upload; the server decides).

/** 25 MB, counted in mebibytes like every size the interface shows. */
export const ROOM_DOCUMENT_MAX_BYTES = 25 * 1024 * 1024;

/** For a file input's `accept`: the types by name, so the picker offers them; content decides. */
export const ROOM_DOCUMENT_ACCEPT = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  DOCX,
  XLSX,
  ODT,
  '.pdf',
  '.jpg',
  '.jpeg',
  '.png',
  '.docx',
  '.xlsx',
  '.odt',
].join(',');
