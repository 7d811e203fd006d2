import { describe, expect, it } from 'vitest';
import { sniffFileType } from './file-type.ts';

const bytes = (...values: (number | string)[]) =>
  new Uint8Array(values.flatMap((v) => (typeof v === 'string' ? [...Buffer.from(v)] : [v])));

describe('file type by content', () => {
  it('recognises PDF, JPEG and PNG by their signatures', () => {
    expect(sniffFileType(bytes('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffFileType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
    expect(sniffFileType(bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a))).toBe('image/png');
  });

  it('refuses anything else, whatever it is called: an executable, HTML, an empty file', () => {
    expect(sniffFileType(bytes('MZ', 0x90, 0x00))).toBeNull();
    expect(sniffFileType(bytes('<html><script>'))).toBeNull();
    expect(sniffFileType(new Uint8Array())).toBeNull();
  });
});
