// `kelisim signature verify FILE.pdf`: checks the PDF signatures of a signed agreement offline,
// with the trust the server has — qualified anchors from KELISIM_TRUST_DIR and the platform CA
// (KELISIM_CA_CERT, or signing-ca.pem in the data directory) for simple signatures. Unlike the
// server it never creates a CA: a verifier must not mint the authority it is checking against.
// Exit status: 0 every signature valid and the last covers the whole file, 1 otherwise, 2 when the
// file cannot be read as a PDF.
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../server/config.ts';
import {
  PadesError,
  type PdfSignatureReport,
  signedPdfIsValid,
  verifySignedPdf,
} from '../server/features/agreements/pades/index.ts';
import type { SignatureVerdict } from '../server/platform/signatures/index.ts';
import { certificatesInFile, pemBlocks } from '../server/platform/signatures/pem.ts';
import { createTrustStore, readTrustDirectory } from '../server/platform/signatures/trust.ts';
import { createSignatureVerifier } from '../server/platform/signatures/verifier.ts';

const USAGE = 'usage: kelisim signature verify FILE.pdf';

/** The platform CA's certificate where loadPlatformCa would find it, or none: never generated here. */
const platformCertificates = (env: NodeJS.ProcessEnv, dataDir: string): Uint8Array[] => {
  if (env.KELISIM_CA_CERT) return pemBlocks(env.KELISIM_CA_CERT, 'CERTIFICATE');
  const file = path.join(dataDir, 'signing-ca.pem');
  return fs.existsSync(file) ? certificatesInFile(new Uint8Array(fs.readFileSync(file))) : [];
};

export const buildVerifier = (env: NodeJS.ProcessEnv) => {
  const qualified = env.KELISIM_TRUST_DIR ? readTrustDirectory(env.KELISIM_TRUST_DIR) : [];
  const simple = platformCertificates(env, loadConfig(env).dataDir);
  return createSignatureVerifier(createTrustStore({ qualified, simple }));
};

const describeVerdict = (verdict: SignatureVerdict) => {
  if (!verdict.ok) return `REFUSED ${verdict.reason} (${verdict.detail})`;
  const { commonName, iin, bin } = verdict.signer;
  const who = [commonName, iin && `IIN ${iin}`, bin && `BIN ${bin}`].filter(Boolean).join(', ');
  const kind = verdict.kind === 'qualified' ? 'qualified EDS' : 'simple electronic signature';
  const at = verdict.signingTime ? `, signed ${verdict.signingTime.toISOString()}` : '';
  return `valid, ${kind} of ${who}${at}`;
};

export const formatReport = (report: PdfSignatureReport): string[] => [
  ...report.signatures.map(
    (signature, i) =>
      `#${i + 1} field "${signature.fieldName}" signer "${signature.signerName ?? '?'}": ` +
      `${describeVerdict(signature.verdict)}; ` +
      (signature.coversWholeDocument ? 'covers the whole document' : 'does not cover the whole document'),
  ),
  ...(report.signatures.length === 0 ? ['no signatures'] : []),
  ...(report.modifiedAfterLastSignature ? ['the file was changed after the last signature'] : []),
  `original revision: SHA-256 ${report.original.sha256} (${report.original.length} bytes)`,
];

export const signatureCommand = async (args: string[], env: NodeJS.ProcessEnv = process.env) => {
  const [action, file] = args;
  if (action !== 'verify' || !file || args.length !== 2) {
    console.error(USAGE);
    return 2;
  }
  let pdf: Uint8Array;
  try {
    pdf = new Uint8Array(fs.readFileSync(file));
  } catch (error) {
    console.error(`cannot read ${file}: ${(error as Error).message}`);
    return 2;
  }
  let report: PdfSignatureReport;
  try {
    report = await verifySignedPdf(pdf, buildVerifier(env));
  } catch (error) {
    if (!(error instanceof PadesError)) throw error;
    console.error(`${file} is not a readable PDF: ${error.detail}`);
    return 2;
  }
  for (const line of formatReport(report)) console.log(line);
  const valid = signedPdfIsValid(report);
  console.log(valid ? 'VALID' : 'NOT VALID');
  return valid ? 0 : 1;
};
