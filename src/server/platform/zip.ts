import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

// ZIP archives (PKWARE APPNOTE 6.3) for the evidence and filing packages, and for tests that need
// office documents. Output is deterministic — same entries and time, same bytes — so a package's
// SHA-256 can be recomputed. UTF-8 names (flag bit 11) keep Kazakh file names intact. No ZIP64:
// packages are a few megabytes.

export type ZipEntry = {
  name: string;
  content: Uint8Array | string;
  /** Keep uncompressed (ODF wants `mimetype` so); otherwise deflated when that makes it smaller. */
  store?: boolean;
};

const UTF8_NAMES = 0x0800;
const DEFLATE = 8;
const MADE_BY_UNIX = (3 << 8) | 20;
const REGULAR_FILE_0644 = 0o100644 << 16;

/** MS-DOS date and time (2-second steps, no zone): written in UTC, 1980 at the earliest. */
const dosDateTime = (at: Date) => {
  const d = at.getUTCFullYear() < 1980 ? new Date(Date.UTC(1980, 0, 1)) : at;
  const time = (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1);
  const date = ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate();
  return { time, date };
};

/** Extended timestamp (0x5455): the modification time in Unix seconds, so readers need not guess a zone. */
const unixTime = (at: Date) => {
  const extra = Buffer.alloc(9);
  extra.writeUInt16LE(0x5455, 0);
  extra.writeUInt16LE(5, 2);
  extra.writeUInt8(1, 4);
  extra.writeUInt32LE(Math.max(0, Math.floor(at.getTime() / 1000)), 5);
  return extra;
};

export const writeZip = (entries: readonly ZipEntry[], modifiedAt: Date): Uint8Array => {
  if (entries.length > 0xffff) throw new Error('zip: too many entries');
  const { time, date } = dosDateTime(modifiedAt);
  const extra = unixTime(modifiedAt);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  const names = new Set<string>();
  let offset = 0;
  for (const entry of entries) {
    if (names.has(entry.name)) throw new Error(`zip: duplicate entry ${entry.name}`);
    names.add(entry.name);
    const name = Buffer.from(entry.name, 'utf8');
    const raw =
      typeof entry.content === 'string' ? Buffer.from(entry.content, 'utf8') : Buffer.from(entry.content);
    const deflated = entry.store ? null : deflateRawSync(raw, { level: 9 });
    const compress = deflated !== null && deflated.length < raw.length;
    const body = compress ? deflated : raw;
    const crc = crc32(raw);
    const header = Buffer.alloc(26);
    header.writeUInt16LE(20, 0);
    header.writeUInt16LE(UTF8_NAMES, 2);
    header.writeUInt16LE(compress ? DEFLATE : 0, 4);
    header.writeUInt16LE(time, 6);
    header.writeUInt16LE(date, 8);
    header.writeUInt32LE(crc, 10);
    header.writeUInt32LE(body.length, 14);
    header.writeUInt32LE(raw.length, 18);
    header.writeUInt16LE(name.length, 22);
    header.writeUInt16LE(extra.length, 24);
    const local = Buffer.concat([u32(0x04034b50), header, name, extra]);
    // After the fields it shares with the local header: comment length, disk number and internal
    // attributes (all 0), external attributes (a regular file, rw-r--r--), local header offset.
    const tail = Buffer.alloc(14);
    tail.writeUInt32LE(REGULAR_FILE_0644 >>> 0, 6);
    tail.writeUInt32LE(offset, 10);
    centrals.push(Buffer.concat([u32(0x02014b50), u16(MADE_BY_UNIX), header, tail, name, extra]));
    locals.push(local, body);
    offset += local.length + body.length;
    if (offset > 0xffffffff) throw new Error('zip: archive over 4 GiB');
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
};

const u16 = (value: number) => Buffer.from([value & 0xff, value >> 8]);
const u32 = (value: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(value >>> 0);
  return b;
};

/** One entry's content from a ZIP (ours: no ZIP64, no encryption), checked against its CRC; null if absent. */
export const readZipEntry = (zip: Uint8Array, wanted: string): Uint8Array | null => {
  const bytes = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = bytes.length - 22;
  while (end >= 0 && bytes.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('zip: no end of central directory');
  let at = bytes.readUInt32LE(end + 16);
  for (let i = bytes.readUInt16LE(end + 10); i > 0; i--) {
    if (bytes.readUInt32LE(at) !== 0x02014b50) throw new Error('zip: broken central directory');
    const nameLength = bytes.readUInt16LE(at + 28);
    const next = at + 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    if (bytes.toString('utf8', at + 46, at + 46 + nameLength) === wanted) {
      const method = bytes.readUInt16LE(at + 10);
      const local = bytes.readUInt32LE(at + 42);
      const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
      const body = bytes.subarray(start, start + bytes.readUInt32LE(at + 20));
      const content = method === DEFLATE ? inflateRawSync(body) : method === 0 ? body : null;
      if (!content || crc32(content) !== bytes.readUInt32LE(at + 16))
        throw new Error(`zip: ${wanted} is damaged`);
      return new Uint8Array(content);
    }
    at = next;
  }
  return null;
};
