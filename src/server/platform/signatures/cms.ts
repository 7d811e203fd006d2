// CMS SignedData (RFC 5652 §5) as NCALayer's basics.sign and our platform-key signer produce it:
// detached content, one SignerInfo, the signer's certificate inside. Returns byte ranges and the
// three signed attributes verification needs; what the signer signed is the signedAttrs element
// re-tagged from [0] IMPLICIT to SET OF (§5.4), byte for byte.
import {
  children,
  childrenOf,
  contextTag,
  DerError,
  readOid,
  readTime,
  readTlv,
  TAG,
  type Tlv,
  value,
  whole,
} from './der.ts';

const OID = {
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
} as const;

export type SignerId = { issuer: Uint8Array; serial: Uint8Array } | { subjectKeyId: Uint8Array };

export type ParsedSigner = {
  sid: SignerId;
  digestAlgorithm: string;
  signatureAlgorithm: string;
  signature: Uint8Array;
  /** DER of the signed attributes as a SET OF — the bytes the signature covers — or null. */
  signedAttributes: Uint8Array | null;
  contentType: string | null;
  messageDigest: Uint8Array | null;
  signingTime: Date | null;
};

export type ParsedCms = {
  eContentType: string;
  /** DER certificates carried in the CMS (signer first or not: matched by sid). */
  certificates: Uint8Array[];
  signer: ParsedSigner;
};

const algorithmOid = (bytes: Uint8Array, tlv: Tlv) =>
  readOid(bytes, childrenOf(bytes, tlv, TAG.SEQUENCE)[0] as Tlv);

const readSid = (bytes: Uint8Array, tlv: Tlv): SignerId => {
  if (tlv.tag === TAG.SEQUENCE) {
    const [issuer, serial] = children(bytes, tlv);
    if (!issuer || serial?.tag !== TAG.INTEGER) throw new DerError('bad IssuerAndSerialNumber');
    return { issuer: whole(bytes, issuer), serial: value(bytes, serial) };
  }
  if (tlv.tag === contextTag(0, false)) return { subjectKeyId: value(bytes, tlv) };
  throw new DerError('bad signer identifier');
};

/** The one value of a signed attribute; RFC 5652 §11 allows exactly one for these three. */
const singleValue = (bytes: Uint8Array, values: Tlv) => {
  const list = childrenOf(bytes, values, TAG.SET);
  if (list.length !== 1) throw new DerError('attribute must have exactly one value');
  return list[0] as Tlv;
};

const readSignedAttributes = (bytes: Uint8Array, tlv: Tlv) => {
  if (tlv.end - tlv.valueEnd === 2) throw new DerError('signed attributes must be DER');
  const result = { contentType: null as string | null, messageDigest: null as Uint8Array | null };
  let signingTime: Date | null = null;
  const seen = new Set<string>();
  for (const attribute of children(bytes, tlv)) {
    const [type, values] = childrenOf(bytes, attribute, TAG.SEQUENCE);
    if (!type || !values) throw new DerError('bad attribute');
    const oid = readOid(bytes, type);
    if (seen.has(oid)) throw new DerError(`duplicate attribute ${oid}`);
    seen.add(oid);
    if (oid === OID.contentType) result.contentType = readOid(bytes, singleValue(bytes, values));
    else if (oid === OID.messageDigest) {
      const digest = singleValue(bytes, values);
      if (digest.tag !== TAG.OCTET_STRING) throw new DerError('bad message digest');
      result.messageDigest = value(bytes, digest);
    } else if (oid === OID.signingTime) signingTime = readTime(bytes, singleValue(bytes, values));
  }
  // §5.3: with signed attributes present, content-type and message-digest are mandatory.
  if (!result.contentType || !result.messageDigest) throw new DerError('missing mandatory attributes');
  const signed = Uint8Array.from(whole(bytes, tlv));
  signed[0] = TAG.SET;
  return { ...result, signingTime, signedAttributes: signed };
};

const readSigner = (bytes: Uint8Array, tlv: Tlv): ParsedSigner => {
  const fields = childrenOf(bytes, tlv, TAG.SEQUENCE);
  const [version, sid, digest] = fields;
  if (version?.tag !== TAG.INTEGER || !sid || !digest) throw new DerError('incomplete SignerInfo');
  let next = 3;
  let attributes: ReturnType<typeof readSignedAttributes> | null = null;
  if (fields[next]?.tag === contextTag(0)) attributes = readSignedAttributes(bytes, fields[next++] as Tlv);
  const algorithm = fields[next++];
  const signature = fields[next++];
  if (!algorithm || signature?.tag !== TAG.OCTET_STRING) throw new DerError('incomplete SignerInfo');
  return {
    sid: readSid(bytes, sid),
    digestAlgorithm: algorithmOid(bytes, digest),
    signatureAlgorithm: algorithmOid(bytes, algorithm),
    signature: value(bytes, signature),
    signedAttributes: attributes?.signedAttributes ?? null,
    contentType: attributes?.contentType ?? null,
    messageDigest: attributes?.messageDigest ?? null,
    signingTime: attributes?.signingTime ?? null,
  };
};

/** Parses a DER (or BER-framed) CMS ContentInfo holding SignedData; throws DerError otherwise. */
export const parseSignedData = (bytes: Uint8Array): ParsedCms => {
  const contentInfo = readTlv(bytes, 0);
  if (contentInfo.end !== bytes.length) throw new DerError('trailing bytes after CMS');
  const [type, explicit] = childrenOf(bytes, contentInfo, TAG.SEQUENCE);
  if (!type || readOid(bytes, type) !== OID.signedData) throw new DerError('not SignedData');
  if (explicit?.tag !== contextTag(0)) throw new DerError('missing content');
  const [signedData] = children(bytes, explicit);
  const fields = childrenOf(bytes, signedData as Tlv, TAG.SEQUENCE);
  const [version, digestAlgorithms, encapsulated] = fields;
  if (version?.tag !== TAG.INTEGER || digestAlgorithms?.tag !== TAG.SET || !encapsulated)
    throw new DerError('incomplete SignedData');
  const eContentType = readOid(bytes, childrenOf(bytes, encapsulated, TAG.SEQUENCE)[0] as Tlv);
  const certificates: Uint8Array[] = [];
  let signerInfos: Tlv | undefined;
  for (const field of fields.slice(3)) {
    if (field.tag === contextTag(0)) {
      // CertificateChoices: only plain certificates (SEQUENCE) matter; attribute certificates and
      // other formats are skipped, not failed on.
      for (const item of children(bytes, field))
        if (item.tag === TAG.SEQUENCE) certificates.push(whole(bytes, item));
    } else if (field.tag === TAG.SET) signerInfos = field;
  }
  if (!signerInfos) throw new DerError('no SignerInfos');
  const signers = children(bytes, signerInfos);
  // Kelisim keeps one detached CMS per signer, as NCALayer's basics.sign returns it.
  if (signers.length !== 1) throw new DerError(`expected one signer, found ${signers.length}`);
  return { eContentType, certificates, signer: readSigner(bytes, signers[0] as Tlv) };
};
