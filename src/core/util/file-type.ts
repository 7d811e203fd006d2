// What a file is, judged by its first bytes — never by its name or the type the browser claims.
export type SniffedType = 'application/pdf' | 'image/jpeg' | 'image/png';

const SIGNATURES: { type: SniffedType; bytes: number[] }[] = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

export const sniffFileType = (head: Uint8Array): SniffedType | null =>
  SIGNATURES.find(({ bytes }) => bytes.every((byte, i) => head[i] === byte))?.type ?? null;
