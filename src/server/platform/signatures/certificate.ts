// X.509 certificates read straight from their DER (see der.ts for why not pkijs): the byte ranges
// a chain check needs (TBS, issuer and subject names exactly as encoded, the key) and the few
// extensions a signature check depends on. RFC 5280 §4.2: an unknown extension marked critical
// makes the certificate unusable — it is listed, and the chain check refuses it.
import {
  children,
  childrenOf,
  contextTag,
  DerError,
  readOid,
  readString,
  readTime,
  readTlv,
  TAG,
  type Tlv,
  value,
  whole,
} from './der.ts';

export type KeyUsage = { digitalSignature: boolean; nonRepudiation: boolean; keyCertSign: boolean };

export type ParsedCertificate = {
  der: Uint8Array;
  /** The to-be-signed part, as signed by the issuer. */
  tbs: Uint8Array;
  signatureAlgorithm: string;
  signature: Uint8Array;
  /** INTEGER contents, as CMS IssuerAndSerialNumber carries them. */
  serial: Uint8Array;
  issuer: Uint8Array;
  subject: Uint8Array;
  subjectAttributes: Array<{ oid: string; value: string }>;
  notBefore: Date;
  notAfter: Date;
  spki: Uint8Array;
  spkiAlgorithm: string;
  keyUsage: KeyUsage | null;
  basicConstraints: { ca: boolean } | null;
  extendedKeyUsage: string[] | null;
  policies: string[];
  subjectKeyId: Uint8Array | null;
  authorityKeyId: Uint8Array | null;
  unhandledCritical: string[];
};

const EXT = {
  subjectKeyId: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  certificatePolicies: '2.5.29.32',
  authorityKeyId: '2.5.29.35',
  extendedKeyUsage: '2.5.29.37',
} as const;
const UNDERSTOOD = new Set<string>(Object.values(EXT));

const readName = (bytes: Uint8Array, name: Tlv) => {
  const attributes: Array<{ oid: string; value: string }> = [];
  for (const rdn of childrenOf(bytes, name, TAG.SEQUENCE)) {
    for (const atv of childrenOf(bytes, rdn, TAG.SET)) {
      const [type, content] = childrenOf(bytes, atv, TAG.SEQUENCE);
      if (!type || !content) throw new DerError('bad name attribute');
      try {
        attributes.push({ oid: readOid(bytes, type), value: readString(bytes, content) });
      } catch {
        // Non-string attribute values (rare) carry nothing a signer's identity is read from.
      }
    }
  }
  return attributes;
};

/** BIT STRING contents without the leading unused-bits octet. */
export const bitStringBytes = (bytes: Uint8Array, tlv: Tlv) => {
  if (tlv.tag !== TAG.BIT_STRING || tlv.valueEnd <= tlv.valueStart) throw new DerError('bad BIT STRING');
  return bytes.subarray(tlv.valueStart + 1, tlv.valueEnd);
};

const readKeyUsage = (bytes: Uint8Array, tlv: Tlv): KeyUsage => {
  const bits = bitStringBytes(bytes, tlv);
  const first = bits[0] ?? 0;
  return {
    digitalSignature: (first & 0x80) !== 0,
    nonRepudiation: (first & 0x40) !== 0,
    keyCertSign: (first & 0x04) !== 0,
  };
};

const readBasicConstraints = (bytes: Uint8Array, tlv: Tlv) => {
  const [first] = childrenOf(bytes, tlv, TAG.SEQUENCE);
  return { ca: first?.tag === TAG.BOOLEAN && bytes[first.valueStart] !== 0 };
};

const readOidList = (bytes: Uint8Array, tlv: Tlv) =>
  childrenOf(bytes, tlv, TAG.SEQUENCE).map((item) => readOid(bytes, item));

const readPolicies = (bytes: Uint8Array, tlv: Tlv) =>
  childrenOf(bytes, tlv, TAG.SEQUENCE).map((info) => {
    const [id] = childrenOf(bytes, info, TAG.SEQUENCE);
    if (!id) throw new DerError('empty policy');
    return readOid(bytes, id);
  });

const readAuthorityKeyId = (bytes: Uint8Array, tlv: Tlv) => {
  const keyId = childrenOf(bytes, tlv, TAG.SEQUENCE).find((item) => item.tag === contextTag(0, false));
  return keyId ? value(bytes, keyId) : null;
};

type Extensions = Pick<
  ParsedCertificate,
  | 'keyUsage'
  | 'basicConstraints'
  | 'extendedKeyUsage'
  | 'policies'
  | 'subjectKeyId'
  | 'authorityKeyId'
  | 'unhandledCritical'
>;

const readExtensions = (bytes: Uint8Array, wrapper: Tlv | undefined): Extensions => {
  const result: Extensions = {
    keyUsage: null,
    basicConstraints: null,
    extendedKeyUsage: null,
    policies: [],
    subjectKeyId: null,
    authorityKeyId: null,
    unhandledCritical: [],
  };
  if (!wrapper) return result;
  const [list] = children(bytes, wrapper);
  if (!list) return result;
  const seen = new Set<string>();
  for (const extension of childrenOf(bytes, list, TAG.SEQUENCE)) {
    const parts = childrenOf(bytes, extension, TAG.SEQUENCE);
    const id = readOid(bytes, parts[0] as Tlv);
    if (seen.has(id)) throw new DerError(`duplicate extension ${id}`);
    seen.add(id);
    const critical = parts.length === 3 && parts[1]?.tag === TAG.BOOLEAN && bytes[parts[1].valueStart] !== 0;
    const octets = parts[parts.length - 1] as Tlv;
    if (octets.tag !== TAG.OCTET_STRING) throw new DerError('bad extension value');
    const inner = readTlv(bytes, octets.valueStart, octets.valueEnd);
    if (inner.end !== octets.valueEnd) throw new DerError('trailing bytes in extension');
    if (id === EXT.keyUsage) result.keyUsage = readKeyUsage(bytes, inner);
    else if (id === EXT.basicConstraints) result.basicConstraints = readBasicConstraints(bytes, inner);
    else if (id === EXT.extendedKeyUsage) result.extendedKeyUsage = readOidList(bytes, inner);
    else if (id === EXT.certificatePolicies) result.policies = readPolicies(bytes, inner);
    else if (id === EXT.subjectKeyId && inner.tag === TAG.OCTET_STRING)
      result.subjectKeyId = value(bytes, inner);
    else if (id === EXT.authorityKeyId) result.authorityKeyId = readAuthorityKeyId(bytes, inner);
    else if (critical && !UNDERSTOOD.has(id)) result.unhandledCritical.push(id);
  }
  return result;
};

/** Parses one DER certificate; throws DerError when it is not one. */
export const parseCertificate = (der: Uint8Array): ParsedCertificate => {
  const outer = readTlv(der, 0);
  if (outer.end !== der.length) throw new DerError('trailing bytes after certificate');
  const [tbsTlv, algorithm, signature] = childrenOf(der, outer, TAG.SEQUENCE);
  if (!tbsTlv || !algorithm || !signature) throw new DerError('incomplete certificate');
  const fields = childrenOf(der, tbsTlv, TAG.SEQUENCE);
  // [0] EXPLICIT version is present on every v3 certificate; without it the fields shift by one.
  const at = fields[0]?.tag === contextTag(0) ? 1 : 0;
  const [serial, innerAlgorithm, issuer, validity, subject, spki] = fields.slice(at, at + 6);
  if (!serial || !innerAlgorithm || !issuer || !validity || !subject || !spki)
    throw new DerError('incomplete TBS certificate');
  if (serial.tag !== TAG.INTEGER) throw new DerError('bad serial number');
  const outerAlgorithm = readOid(der, childrenOf(der, algorithm, TAG.SEQUENCE)[0] as Tlv);
  const tbsAlgorithm = readOid(der, childrenOf(der, innerAlgorithm, TAG.SEQUENCE)[0] as Tlv);
  // RFC 5280 §4.1.1.2: both algorithm fields must agree, or the signature means nothing.
  if (outerAlgorithm !== tbsAlgorithm) throw new DerError('signature algorithm fields disagree');
  const [notBefore, notAfter] = childrenOf(der, validity, TAG.SEQUENCE);
  if (!notBefore || !notAfter) throw new DerError('bad validity');
  const [keyAlgorithm] = childrenOf(der, spki, TAG.SEQUENCE);
  const extensions = fields.slice(at + 6).find((field) => field.tag === contextTag(3));
  return {
    der,
    tbs: whole(der, tbsTlv),
    signatureAlgorithm: outerAlgorithm,
    signature: bitStringBytes(der, signature),
    serial: value(der, serial),
    issuer: whole(der, issuer),
    subject: whole(der, subject),
    subjectAttributes: readName(der, subject),
    notBefore: readTime(der, notBefore),
    notAfter: readTime(der, notAfter),
    spki: whole(der, spki),
    spkiAlgorithm: readOid(der, childrenOf(der, keyAlgorithm as Tlv, TAG.SEQUENCE)[0] as Tlv),
    ...readExtensions(der, extensions),
  };
};
