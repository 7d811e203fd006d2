import { writeZip } from '../src/server/platform/zip.ts';

// ZIP files for tests that need office documents: a DOCX, an XLSX or an ODT is a ZIP whose entries
// say what it is. Entries are stored uncompressed, as ODF requires of `mimetype`.

export type ZipEntry = { name: string; content: string | Buffer };

const FIXED_TIME = new Date('2026-01-01T00:00:00Z');

export const zip = (entries: ZipEntry[]): Buffer =>
  Buffer.from(
    writeZip(
      entries.map((entry) => ({ ...entry, store: true })),
      FIXED_TIME,
    ),
  );

const CONTENT_TYPES =
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';

export const docx = (text = 'Келісім жобасы') =>
  zip([
    { name: '[Content_Types].xml', content: CONTENT_TYPES },
    { name: 'word/document.xml', content: `<w:document><w:body>${text}</w:body></w:document>` },
  ]);

export const xlsx = () =>
  zip([
    { name: '[Content_Types].xml', content: CONTENT_TYPES },
    { name: 'xl/workbook.xml', content: '<workbook/>' },
  ]);

export const odt = () =>
  zip([
    { name: 'mimetype', content: 'application/vnd.oasis.opendocument.text' },
    { name: 'content.xml', content: '<office:document-content/>' },
  ]);
