// A small, strict reader of DER (and the BER indefinite lengths some CMS producers emit on outer
// containers). It exists for speed: asn1js 4 + pkijs take about 3.5 ms to parse one CMS on this
// machine — 150× the cost of the RSA verification itself — because every node becomes several
// objects and every schema is compared. Verification only needs byte ranges (the signed attributes
// exactly as signed, the certificate's TBS part, keys), so it walks tags and lengths and keeps
// offsets into the caller's buffer. Anything it does not understand is an error, never a guess.

export class DerError extends Error {}

export const TAG = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  UTF8_STRING: 0x0c,
  PRINTABLE_STRING: 0x13,
  TELETEX_STRING: 0x14,
  IA5_STRING: 0x16,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  UNIVERSAL_STRING: 0x1c,
  BMP_STRING: 0x1e,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

/** Context-specific tag number n, constructed (e.g. [0] EXPLICIT, or [0] IMPLICIT SET). */
export const contextTag = (n: number, constructed = true) => (constructed ? 0xa0 : 0x80) | n;

/** One element: its identifier octet and where its header, value and end are in the buffer. */
export type Tlv = {
  tag: number;
  constructed: boolean;
  start: number;
  valueStart: number;
  /** End of the contents (before the end-of-contents octets of an indefinite length). */
  valueEnd: number;
  /** End of the whole element. */
  end: number;
};

const MAX_DEPTH = 32;

/** Reads the element starting at `offset`, which must end by `limit`. */
export const readTlv = (bytes: Uint8Array, offset: number, limit = bytes.length, depth = 0): Tlv => {
  if (depth > MAX_DEPTH) throw new DerError('nesting too deep');
  if (offset + 2 > limit) throw new DerError('truncated header');
  const tag = bytes[offset] as number;
  // High tag numbers (0x1f) do not occur in CMS or X.509 structures we read.
  if ((tag & 0x1f) === 0x1f) throw new DerError('high tag number');
  const constructed = (tag & 0x20) !== 0;
  const first = bytes[offset + 1] as number;
  let position = offset + 2;
  if (first === 0x80) {
    // BER indefinite length: contents run until the end-of-contents octets 00 00.
    if (!constructed) throw new DerError('indefinite length on a primitive');
    let child = position;
    while (true) {
      if (child + 2 > limit) throw new DerError('missing end-of-contents');
      if (bytes[child] === 0 && bytes[child + 1] === 0) break;
      child = readTlv(bytes, child, limit, depth + 1).end;
    }
    return { tag, constructed, start: offset, valueStart: position, valueEnd: child, end: child + 2 };
  }
  let length = first;
  if (first & 0x80) {
    const count = first & 0x7f;
    if (count > 4) throw new DerError('length too long');
    if (position + count > limit) throw new DerError('truncated length');
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + (bytes[position + i] as number);
    position += count;
  }
  const end = position + length;
  if (end > limit) throw new DerError('truncated value');
  return { tag, constructed, start: offset, valueStart: position, valueEnd: end, end };
};

/** The elements directly inside a constructed element. */
export const children = (bytes: Uint8Array, parent: Tlv, depth = 0): Tlv[] => {
  if (!parent.constructed) throw new DerError('not constructed');
  const result: Tlv[] = [];
  let offset = parent.valueStart;
  while (offset < parent.valueEnd) {
    const child = readTlv(bytes, offset, parent.valueEnd, depth + 1);
    result.push(child);
    offset = child.end;
  }
  return result;
};

/** Reads one element and checks its tag. */
export const expect = (bytes: Uint8Array, offset: number, tag: number, limit = bytes.length): Tlv => {
  const tlv = readTlv(bytes, offset, limit);
  if (tlv.tag !== tag) throw new DerError(`expected tag ${tag.toString(16)}, got ${tlv.tag.toString(16)}`);
  return tlv;
};

/** Children of a constructed element, the element's tag checked first. */
export const childrenOf = (bytes: Uint8Array, tlv: Tlv, tag: number): Tlv[] => {
  if (tlv.tag !== tag) throw new DerError(`expected tag ${tag.toString(16)}, got ${tlv.tag.toString(16)}`);
  return children(bytes, tlv);
};

export const value = (bytes: Uint8Array, tlv: Tlv) => bytes.subarray(tlv.valueStart, tlv.valueEnd);
export const whole = (bytes: Uint8Array, tlv: Tlv) => bytes.subarray(tlv.start, tlv.end);

/**
 * Dotted form of an OBJECT IDENTIFIER. Arcs are numbers while they fit exactly and BigInt beyond
 * (UUID arcs under 2.25, as our simple-signature policy uses): OIDs are read on every verification.
 */
export const readOid = (bytes: Uint8Array, tlv: Tlv): string => {
  if (tlv.tag !== TAG.OID) throw new DerError('expected an OID');
  if (tlv.valueEnd - tlv.valueStart > 64) throw new DerError('OID too long');
  const parts: Array<number | bigint> = [];
  let small = 0;
  let big: bigint | null = null;
  let pending = false;
  for (let i = tlv.valueStart; i < tlv.valueEnd; i++) {
    const byte = bytes[i] as number;
    if (big !== null) big = (big << 7n) | BigInt(byte & 0x7f);
    else {
      small = small * 128 + (byte & 0x7f);
      if (small > 2 ** 45) big = BigInt(small);
    }
    pending = true;
    if ((byte & 0x80) === 0) {
      const arc = big ?? small;
      if (parts.length > 0) parts.push(arc);
      else if (typeof arc === 'number' && arc < 80) parts.push(Math.floor(arc / 40), arc % 40);
      else parts.push(2, typeof arc === 'number' ? arc - 80 : arc - 80n);
      small = 0;
      big = null;
      pending = false;
    }
  }
  if (pending || parts.length === 0) throw new DerError('truncated OID');
  return parts.join('.');
};

const twoDigits = (text: string, at: number) => Number(text.slice(at, at + 2));

/** UTCTime or GeneralizedTime, in UTC ("Z") as RFC 5280 and RFC 5652 require. */
export const readTime = (bytes: Uint8Array, tlv: Tlv): Date => {
  const text = String.fromCharCode(...value(bytes, tlv));
  let match: RegExpMatchArray | null;
  if (tlv.tag === TAG.UTC_TIME) {
    match = text.match(/^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/);
    if (!match) throw new DerError('bad UTCTime');
    const yy = twoDigits(text, 0);
    // RFC 5280 §4.1.2.5.1: YY ≥ 50 is 19YY, otherwise 20YY.
    const year = yy >= 50 ? 1900 + yy : 2000 + yy;
    return utc(year, text.slice(2));
  }
  if (tlv.tag === TAG.GENERALIZED_TIME) {
    match = text.match(/^(\d{4})(\d{10})(\.\d+)?Z$/);
    if (!match) throw new DerError('bad GeneralizedTime');
    const date = utc(Number(match[1]), match[2] as string);
    const fraction = match[3] ? Math.round(Number(`0${match[3]}`) * 1000) : 0;
    return new Date(date.getTime() + fraction);
  }
  throw new DerError('expected a time');
};

const utc = (year: number, rest: string) => {
  const [month, day, hour, minute, second] = [0, 2, 4, 6, 8].map((at) => twoDigits(rest, at)) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  if (
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  )
    throw new DerError('impossible date');
  return date;
};

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf16be = new TextDecoder('utf-16be', { fatal: true });
const latin1 = new TextDecoder('latin1');

/** The directory-string types certificates use for names (NCA writes UTF8String). */
export const readString = (bytes: Uint8Array, tlv: Tlv): string => {
  const content = value(bytes, tlv);
  switch (tlv.tag) {
    case TAG.UTF8_STRING:
      return utf8.decode(content);
    case TAG.BMP_STRING:
      return utf16be.decode(content);
    case TAG.PRINTABLE_STRING:
    case TAG.IA5_STRING:
    case TAG.TELETEX_STRING:
      return latin1.decode(content);
    default:
      throw new DerError(`not a string type ${tlv.tag.toString(16)}`);
  }
};

export const sameBytes = (a: Uint8Array, b: Uint8Array) => {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};
