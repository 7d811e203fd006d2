// PEM and DER certificate files as NCA RK publishes them (.cer is DER or PEM, .pem/.crt PEM).

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

/** Every PEM block's DER, optionally only blocks with this label (e.g. "CERTIFICATE"). */
export const pemBlocks = (text: string, label?: string): Uint8Array[] =>
  [...text.matchAll(PEM_BLOCK)]
    .filter((match) => !label || match[1] === label)
    .map((match) => new Uint8Array(Buffer.from((match[2] as string).replace(/\s+/g, ''), 'base64')));

export const toPem = (der: Uint8Array, label: string) => {
  const base64 = Buffer.from(der).toString('base64');
  return `-----BEGIN ${label}-----\n${base64.match(/.{1,64}/g)?.join('\n') ?? ''}\n-----END ${label}-----\n`;
};

/** Certificates in a file's bytes: PEM blocks when it has any, otherwise the file as one DER. */
export const certificatesInFile = (bytes: Uint8Array): Uint8Array[] => {
  const text = Buffer.from(bytes).toString('latin1');
  return text.includes('-----BEGIN') ? pemBlocks(text, 'CERTIFICATE') : [bytes];
};

/**
 * A CMS as NCALayer returns it ("-----BEGIN CMS-----" PEM), as base64, or as DER bytes: the DER.
 * NCALayer's basics.sign answers PEM; our own signer and stored .cms files are DER.
 */
export const cmsDer = (input: Uint8Array | string): Uint8Array => {
  if (typeof input !== 'string') return input;
  const [block] = pemBlocks(input);
  return block ?? new Uint8Array(Buffer.from(input.replace(/\s+/g, ''), 'base64'));
};
