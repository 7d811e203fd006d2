import { describe, expect, it } from 'vitest';
import { docx, odt, xlsx, zip } from '../../../test/zip.ts';
import { DOCX, ODT, sniffDocumentType, XLSX, zipEntryNames } from './document-type.ts';

describe('room document type by content', () => {
  it('recognises PDF and images by signature', () => {
    expect(sniffDocumentType(Buffer.from('%PDF-1.7\n…'))).toBe('application/pdf');
    expect(sniffDocumentType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image/jpeg');
  });

  it('recognises DOCX, XLSX and ODT by the entries of their ZIP container', () => {
    expect(sniffDocumentType(docx())).toBe(DOCX);
    expect(sniffDocumentType(xlsx())).toBe(XLSX);
    expect(sniffDocumentType(odt())).toBe(ODT);
  });

  it('finds the directory past a trailing ZIP comment', () => {
    const bytes = docx();
    const withComment = Buffer.concat([bytes, Buffer.from('a comment')]);
    withComment.writeUInt16LE(9, bytes.length - 2);
    expect(zipEntryNames(withComment)).toEqual(['[Content_Types].xml', 'word/document.xml']);
  });

  it('refuses other ZIPs, macro-enabled office files, executables, HTML and broken containers', () => {
    expect(sniffDocumentType(zip([{ name: 'payload.exe', content: 'MZ' }]))).toBeNull();
    const docm = zip([
      { name: '[Content_Types].xml', content: '<Types/>' },
      { name: 'word/document.xml', content: '<w:document/>' },
      { name: 'word/vbaProject.bin', content: 'macro' },
    ]);
    expect(sniffDocumentType(docm)).toBeNull();
    // An ODT's mimetype must be the first entry, stored: named elsewhere it proves nothing.
    const fakeOdt = zip([
      { name: 'content.xml', content: '<x/>' },
      { name: 'mimetype', content: ODT },
    ]);
    expect(sniffDocumentType(fakeOdt)).toBeNull();
    expect(sniffDocumentType(Buffer.from('MZ\x90\x00 this program cannot be run in DOS mode'))).toBeNull();
    expect(sniffDocumentType(Buffer.from('<!doctype html><script>alert(1)</script>'))).toBeNull();
    expect(sniffDocumentType(docx().subarray(0, 60))).toBeNull();
    expect(sniffDocumentType(new Uint8Array())).toBeNull();
  });
});
