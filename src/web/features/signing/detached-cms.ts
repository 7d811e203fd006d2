// A detached CMS SignedData over the given bytes, made in the browser with the platform key
// (issue 6, "with a platform key"): the same shape NCALayer's basics.sign produces — content
// type, signing time and message digest as signed attributes, the signer's certificate included,
// no content inside — so the server verifies both kinds the same way and `openssl cms -verify`
// accepts it. Runs anywhere WebCrypto does (browsers; Node 20 for tests).
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
} as const;

const bytesOf = (data: ArrayBuffer) => new Uint8Array(data);

/**
 * DER requires a SET OF in ascending order of the elements' encodings (X.690 §11.6). Verifiers
 * such as OpenSSL re-encode the signed attributes before checking the signature, so any other
 * order makes a signature that only we would accept.
 */
const derSorted = (attributes: pkijs.Attribute[]) =>
  attributes
    .map((attribute) => ({ attribute, der: bytesOf(attribute.toSchema().toBER()) }))
    .sort((a, b) => compareBytes(a.der, b.der))
    .map(({ attribute }) => attribute);

const compareBytes = (a: Uint8Array, b: Uint8Array) => {
  for (let i = 0; i < Math.min(a.length, b.length); i++)
    if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  return a.length - b.length;
};

export type DetachedSignInput = {
  /** The exact bytes being signed (the agreement PDF). */
  data: Uint8Array;
  /** ECDSA P-256 (platform key) or RSA PKCS#1 v1.5; may be non-extractable. */
  privateKey: CryptoKey;
  /** DER of the certificate the platform CA issued for this key. */
  certificate: Uint8Array;
  signingTime?: Date;
  crypto?: Crypto;
};

/** The DER of a detached CMS SignedData by `privateKey` over `data`, with SHA-256. */
export const signDetached = async ({
  data,
  privateKey,
  certificate: certificateDer,
  signingTime = new Date(),
  crypto = globalThis.crypto,
}: DetachedSignInput): Promise<Uint8Array<ArrayBuffer>> => {
  const engine = new pkijs.CryptoEngine({ name: 'kelisim', crypto });
  const certificate = pkijs.Certificate.fromBER(new Uint8Array(certificateDer));
  const digest = await crypto.subtle.digest('SHA-256', new Uint8Array(data));
  const attributes = derSorted([
    new pkijs.Attribute({
      type: OID.contentType,
      values: [new asn1js.ObjectIdentifier({ value: OID.data })],
    }),
    // UTCTime as RFC 5652 §11.3 asks for dates before 2050.
    new pkijs.Attribute({ type: OID.signingTime, values: [new asn1js.UTCTime({ valueDate: signingTime })] }),
    new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: digest })] }),
  ]);
  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({
          issuer: certificate.issuer,
          serialNumber: certificate.serialNumber,
        }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes }),
      }),
    ],
    certificates: [certificate],
  });
  await signedData.sign(privateKey, 0, 'SHA-256', undefined, engine);
  const contentInfo = new pkijs.ContentInfo({
    contentType: OID.signedData,
    content: signedData.toSchema(true),
  });
  return bytesOf(contentInfo.toSchema().toBER());
};
