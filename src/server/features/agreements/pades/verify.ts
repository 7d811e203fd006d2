// Verifying a signed agreement PDF: every embedded signature through the SignatureVerifier port
// (the same checks as a detached signature: integrity, trust, time, key usage) over the bytes its
// byte range names, plus what a reader of the file needs to know — which revision is the frozen
// original (its SHA-256 is what was published) and whether anything was appended after the last
// signature (an earlier signature "covers all but the last revision" by design; the last must not).
import { createHash } from 'node:crypto';
import type { SignatureVerdict, SignatureVerifier } from '../../../platform/signatures/index.ts';
import { refuse } from '../../../platform/signatures/verdict.ts';
import { originalRevision, readEmbeddedSignatures } from './read.ts';

export type PdfSignatureReport = {
  original: { sha256: string; length: number };
  signatures: Array<{
    fieldName: string;
    signerName: string | null;
    coversWholeDocument: boolean;
    verdict: SignatureVerdict;
  }>;
  /** Bytes follow the last signature's revision (false for a file without signatures). */
  modifiedAfterLastSignature: boolean;
};

export const verifySignedPdf = async (
  pdf: Uint8Array,
  verifier: SignatureVerifier,
): Promise<PdfSignatureReport> => {
  const embedded = readEmbeddedSignatures(pdf);
  const original = originalRevision(pdf);
  const signatures: PdfSignatureReport['signatures'] = [];
  for (const signature of embedded) {
    const verdict = signature.problem
      ? refuse('malformed', signature.problem)
      : await verifier.verifyDetached(signature.cms, signature.signedContent);
    const { fieldName, signerName, coversWholeDocument } = signature;
    signatures.push({ fieldName, signerName, coversWholeDocument, verdict });
  }
  const last = embedded[embedded.length - 1];
  return {
    original: { sha256: createHash('sha256').update(original).digest('hex'), length: original.length },
    signatures,
    modifiedAfterLastSignature: last !== undefined && last.revisionLength < pdf.length,
  };
};

/** The report's yes or no: every signature valid, and the last one covering the whole file. */
export const signedPdfIsValid = (report: PdfSignatureReport) =>
  report.signatures.length > 0 &&
  report.signatures.every((signature) => signature.verdict.ok) &&
  !report.modifiedAfterLastSignature &&
  report.signatures[report.signatures.length - 1]?.coversWholeDocument === true;
