// PAdES for agreement PDFs (issue 6): each signer's detached CMS embedded into the frozen PDF as a
// real PDF signature, one incremental update per signer, so any PDF reader shows who signed and
// that the document is unchanged. Flow per signer: prepareSignature → the signer signs
// signedContent → embedSignature. All pure (no I/O, no clock) except verifySignedPdf's verifier.
export { embedSignature } from './embed.ts';
export { PadesError, type PadesErrorCode } from './errors.ts';
export {
  PLACEHOLDER_BYTES,
  type PreparedSignature,
  prepareSignature,
  type SignatureSlot,
  SUB_FILTER,
} from './prepare.ts';
export { type EmbeddedSignature, originalRevision, readEmbeddedSignatures } from './read.ts';
export { type PdfSignatureReport, signedPdfIsValid, verifySignedPdf } from './verify.ts';
