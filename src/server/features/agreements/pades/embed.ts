// Embedding the signer's CMS: its hex goes into the /Contents placeholder, zero padded to the
// same length. No other byte changes, so the byte range the signer signed stays what it was and
// every earlier signature keeps covering its own revision.
import { PadesError } from './errors.ts';
import { ascii } from './objects.ts';
import type { PreparedSignature } from './prepare.ts';

export const embedSignature = (prepared: PreparedSignature, cmsDer: Uint8Array): Uint8Array => {
  const { byteRange, placeholderBytes } = prepared;
  const [, a, b] = byteRange;
  // A PreparedSignature is ours; a mismatch here is a bug in the caller, not bad user input.
  if (
    b - a !== placeholderBytes * 2 + 2 ||
    prepared.prepared[a] !== 0x3c ||
    prepared.prepared[b - 1] !== 0x3e
  )
    throw new Error('embedSignature: byte range does not frame the placeholder');
  if (cmsDer.length === 0) throw new Error('embedSignature: empty CMS');
  if (cmsDer.length > placeholderBytes)
    throw new PadesError('signature_too_large', `${cmsDer.length} bytes, room for ${placeholderBytes}`);
  const signed = Uint8Array.from(prepared.prepared);
  signed.set(ascii(Buffer.from(cmsDer).toString('hex')), a + 1);
  return signed;
};
