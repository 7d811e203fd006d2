import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { embedSignature, prepareSignature } from '../../src/server/features/agreements/pades/index.ts';
import { renderAgreementPdf } from '../../src/server/features/agreements/pdf/render.ts';
import { sampleDraft } from '../../test/agreements/sample.ts';

// The server's part of one signature (issue 6, PAdES): prepare the signer's incremental revision
// of the PDF (twice per signature in the API: once to hand out the bytes, once to check the CMS
// against them) and write the CMS into it. Three signers in turn on the bilingual agreement, so
// the later ones work on a PDF that already carries signatures. The CMS is 2.5 KB of random bytes:
// embedding does not read it, and verifying it is the other half of this bench.

const CMS_BYTES = 2_500;
const SIGNERS = 3;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

export const benchPades = async (rounds = 100) => {
  const { bytes } = await renderAgreementPdf(sampleDraft(), {
    layout: 'kk+ru',
    publicUrl: 'https://kelisim.kz',
  });
  const cms = randomBytes(CMS_BYTES);
  const times: number[] = [];
  for (let round = 0; round < rounds + 5; round++) {
    let pdf: Uint8Array = bytes;
    for (let k = 1; k <= SIGNERS; k++) {
      const start = performance.now();
      const slot = {
        fieldName: `Signature${k}`,
        signerName: 'Сейітқазы Әлия',
        reason: 'Settlement agreement',
      };
      prepareSignature(pdf, slot);
      pdf = embedSignature(prepareSignature(pdf, slot), cms);
      // The first rounds warm the JIT and are not counted.
      if (round >= 5) times.push(performance.now() - start);
    }
  }
  times.sort((a, b) => a - b);
  return {
    pades_p50_ms: Math.round(percentile(times, 50) * 100) / 100,
    pades_p99_ms: Math.round(percentile(times, 99) * 100) / 100,
  };
};
