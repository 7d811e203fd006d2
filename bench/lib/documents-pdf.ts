import { performance } from 'node:perf_hooks';
import type { AgreementDraft } from '../../src/core/agreements/types.ts';
import { renderAgreementPdf } from '../../src/server/features/agreements/pdf/render.ts';
import { sampleDraft } from '../../test/agreements/sample.ts';

// The PDF half of `npm run bench -- documents` (issue 6, goal p50 < 100 ms): render N bilingual
// (kk + ru side by side) agreements of realistic size — two parties, a six-instalment debt, a
// delivery, a repair, two clauses, split costs and fee: three A4 pages — and time each render
// from draft to PDF bytes (validation, version hash, layout, font subsetting, QR, save).
//
// Each agreement differs (its case number, a sum, its date), so that no render reuses another's
// output; what a process does keep is the parsed font (see pdf/fonts.ts), as a server would.
// A few renders first warm the JIT and the font cache; they are not counted.

const WARMUP = 5;

export type PdfBenchResult = { pdf_p50_ms: number; pdf_p99_ms: number; pdf_pages: number; pdf_bytes: number };

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

const round = (ms: number) => Math.round(ms * 100) / 100;

/** Agreement number i: the sample with its own case number, debt and date. */
const agreement = (i: number): AgreementDraft => {
  const draft = sampleDraft();
  draft.case.number = `KLS-2026-${String(100_000 + i).padStart(6, '0')}`;
  draft.date = `2026-03-${String(1 + (i % 28)).padStart(2, '0')}`;
  const debt = draft.obligations[0];
  if (debt?.subject?.kind === 'money' && debt.deadline?.kind === 'instalments') {
    // Add i tenge to the first instalment and to the total, keeping the schedule's sum right.
    debt.subject.amountTiyn += i * 100;
    const first = debt.deadline.instalments[0];
    if (first) first.amountTiyn += i * 100;
  }
  return draft;
};

export const benchDocumentsPdf = async (
  options: { count?: number; publicUrl?: string; onProgress?: (done: number) => void } = {},
): Promise<PdfBenchResult> => {
  const count = options.count ?? 200;
  const publicUrl = options.publicUrl ?? 'https://kelisim.kz';
  for (let i = 0; i < WARMUP; i++)
    await renderAgreementPdf(agreement(count + i), { layout: 'kk+ru', publicUrl });

  const times: number[] = [];
  let pages = 0;
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const draft = agreement(i);
    const start = performance.now();
    const pdf = await renderAgreementPdf(draft, { layout: 'kk+ru', publicUrl });
    times.push(performance.now() - start);
    pages = pdf.pageCount;
    bytes = pdf.bytes.length;
    if ((i + 1) % 50 === 0) options.onProgress?.(i + 1);
  }
  times.sort((a, b) => a - b);
  return {
    pdf_p50_ms: round(percentile(times, 50)),
    pdf_p99_ms: round(percentile(times, 99)),
    pdf_pages: pages,
    pdf_bytes: bytes,
  };
};
