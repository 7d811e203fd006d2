// documents — issue 6's documents goal, two halves in one run.
//
// PDF half (bench/lib/documents-pdf.ts): render BENCH_AGREEMENTS (200) bilingual kk + ru
// agreements and report pdf_p50_ms / pdf_p99_ms (goal p50 < 100 ms), with one's pages and bytes.
//
// PAdES (bench/lib/documents-pades.ts): the server's work per signature — prepare the signer's
// incremental revision twice and embed the CMS — as pades_p50_ms / pades_p99_ms (no goal).
//
// Signature half: verify BENCH_SIGNATURES (2 000) detached CMS signatures with our
// SignatureVerifier (src/server/platform/signatures) and, in the same run, the same signatures
// with raw node:crypto as the baseline.
//
//   baseline_verify_per_s  per signature: SHA-256 of the document, digest comparison and one
//                          crypto.verify — with the CMS parsed and the signer's key imported
//                          beforehand, outside the timed loop
//   verify_per_s           our port with the signers' certificates already known to it (keys
//                          imported, paths to the anchor checked: the same preparation the
//                          baseline gets), still parsing every CMS and checking digest, signature,
//                          validity at signing time, key usage and identity per call — the work
//                          when a known signer signs again, and on re-verification (public verify
//                          page, evidence package, filing)
//   cold_verify_per_s      our port, fresh, every certificate new to it: also parsing the
//                          certificate, importing its key and verifying its issuer's signature —
//                          a second signature check and a key import the baseline never does
//                          (a new party's first signature)
//   ratio                  verify_per_s / baseline_verify_per_s (goal ≥ 0.5)
//   cold_ratio             cold_verify_per_s / baseline_verify_per_s
//
// Corpus: half RSA-2048 signers under a test "qualified" CA, half ECDSA P-256 platform keys under
// the platform CA, one certificate per signature, BENCH_DOCUMENTS distinct documents of
// BENCH_DOCUMENT_BYTES — by default the size of the agreement PDF the first half rendered, so the
// document hashing both sides do costs what it does for real. The three measurements alternate
// every 50 signatures within each of BENCH_ROUNDS passes (see measureRound), and the median pass
// is reported. Sequential (one signature at a time), as node:crypto's verify is; no database.
//
//   npm run bench -- documents
//   BENCH_SIGNATURES=500 BENCH_AGREEMENTS=50 npm run bench -- documents     # a quick run
//
// Environment: BENCH_AGREEMENTS (200), BENCH_SIGNATURES (2000), BENCH_DOCUMENTS (200),
// BENCH_DOCUMENT_BYTES (the rendered agreement's size), BENCH_KEY_POOL (16 keys per algorithm),
// BENCH_ROUNDS (5).
import { benchPades } from './lib/documents-pades.ts';
import { benchDocumentsPdf } from './lib/documents-pdf.ts';
import { buildCorpus, measureRound, prepareBaseline } from './lib/documents-verify.ts';
import { benchLog, roundTo } from './support.ts';

const log = benchLog('documents');
const SIGNATURES = Number(process.env.BENCH_SIGNATURES ?? 2000);
const DOCUMENTS = Number(process.env.BENCH_DOCUMENTS ?? 200);
const AGREEMENTS = Number(process.env.BENCH_AGREEMENTS ?? 200);
const KEY_POOL = Number(process.env.BENCH_KEY_POOL ?? 16);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

const main = async () => {
  log(`rendering ${AGREEMENTS} bilingual agreements`);
  const pdf = await benchDocumentsPdf({ count: AGREEMENTS, onProgress: (done) => log(`${done} rendered`) });
  log(
    `pdf p50 ${pdf.pdf_p50_ms} ms, p99 ${pdf.pdf_p99_ms} ms, ${pdf.pdf_pages} pages, ${pdf.pdf_bytes} bytes`,
  );
  const pades = await benchPades();
  log(`pades p50 ${pades.pades_p50_ms} ms, p99 ${pades.pades_p99_ms} ms per signature`);
  const DOCUMENT_BYTES = Number(process.env.BENCH_DOCUMENT_BYTES ?? pdf.pdf_bytes);
  log(`making ${SIGNATURES} signatures over ${DOCUMENTS} documents of ${DOCUMENT_BYTES} bytes`);
  const corpus = await buildCorpus(
    { signatures: SIGNATURES, documents: DOCUMENTS, documentSize: DOCUMENT_BYTES, keyPool: KEY_POOL },
    log,
  );
  const raw = prepareBaseline(corpus.cases);
  // Warm-up, unmeasured: JIT and lazily loaded code paths, on all three sides.
  await measureRound({ ...corpus, cases: corpus.cases.slice(0, 200) }, raw.slice(0, 200));

  const cold: number[] = [];
  const warm: number[] = [];
  const baseline: number[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const rates = await measureRound(corpus, raw);
    cold.push(rates.cold);
    warm.push(rates.warm);
    baseline.push(rates.baseline);
    log(
      `round ${round}: cold ${Math.round(rates.cold)}/s, warm ${Math.round(rates.warm)}/s, ` +
        `baseline ${Math.round(rates.baseline)}/s`,
    );
  }

  const baselinePerS = median(baseline);
  const result = {
    bench: 'documents',
    ...pdf,
    ...pades,
    signatures: SIGNATURES,
    document_bytes: DOCUMENT_BYTES,
    verify_per_s: Math.round(median(warm)),
    cold_verify_per_s: Math.round(median(cold)),
    baseline_verify_per_s: Math.round(baselinePerS),
    cold_ratio: roundTo(median(cold) / baselinePerS),
    ratio: roundTo(median(warm) / baselinePerS),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
};

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
