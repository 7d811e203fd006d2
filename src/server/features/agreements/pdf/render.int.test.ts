import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  decodeQr,
  flat,
  hasPoppler,
  pdfinfo,
  pdftotext,
  pdftotextArea,
} from '../../../../../test/agreements/poppler.ts';
import { sampleDraft } from '../../../../../test/agreements/sample.ts';
import { agreementHash } from '../../../../core/agreements/canonical.ts';
import { agreementBlocks } from '../../../../core/agreements/document.ts';
import type { AgreementDraft } from '../../../../core/agreements/types.ts';
import { AgreementPdfError, columnsFor, renderAgreementPdf } from './render.ts';
import { A4, FOOTER, MARGIN } from './styles.ts';

// The PDF read back with poppler, as a court clerk's or a verifier's tools would: the text comes
// out exactly as written in Kazakh and Russian, pages are numbered, the version hash is on every
// page, and the QR code decodes to the verification link.

const PUBLIC_URL = 'https://kelisim.example.kz';
const KAZAKH_LETTERS = ['ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'һ', 'і', 'Ә', 'Ғ', 'Қ', 'Ө', 'Ұ', 'Ү', 'Һ'];
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

// Poppler is a test dependency (.ci/run installs poppler-utils); on CI its absence is a failure.
const suite = hasPoppler || process.env.CI ? describe : describe.skip;
if (!hasPoppler) console.warn('pdftotext not found: install poppler-utils to run the PDF tests');

suite('agreement PDF', () => {
  it('bilingual: every Kazakh and Russian paragraph comes back exactly, with every Kazakh letter', async () => {
    const draft = sampleDraft();
    const pdf = await renderAgreementPdf(draft, { layout: 'kk+ru', publicUrl: PUBLIC_URL });
    // Each column read on its own, page after page above the footer: the Kazakh text on the left,
    // the Russian on the right, each paragraph whole even where it continues on the next page.
    const [left, right] = columnsFor(2).map((column) =>
      flat(
        pdftotextArea(pdf.bytes, {
          x: column.x - 1,
          y: 0,
          width: column.width + 2,
          height: A4.height - FOOTER.baseline - 12,
        }),
      ),
    );
    for (const [lang, column] of [
      ['kk', left],
      ['ru', right],
    ] as const)
      for (const block of agreementBlocks(draft, lang))
        expect(column, `${lang}: ${block.text}`).toContain(flat(block.text));
    for (const letter of KAZAKH_LETTERS) expect(left).toContain(letter);
    const text = flat(pdftotext(pdf.bytes));
    expect(text).toContain('Сейітқазы Әлия Нұрланқызы');
    expect(text).toContain('«Өңірлік Құрылыс Һәм Сервис» ЖШС');
    expect(text).toContain('Медиация тәртібімен дауды реттеу туралы келісім');
    expect(text).toContain('Соглашение об урегулировании спора в порядке медиации');
    expect(text).not.toContain('Agreement on the Settlement');
  });

  it('numbers every page "n / total" and prints the version hash on each', async () => {
    const draft = sampleDraft();
    const pdf = await renderAgreementPdf(draft, { layout: 'kk+ru', publicUrl: PUBLIC_URL });
    const info = pdfinfo(pdf.bytes);
    expect(Number(info.Pages)).toBe(pdf.pageCount);
    expect(pdf.pageCount).toBeGreaterThan(1);
    expect(info['Page size']).toContain('595.28 x 841.89');
    expect(pdf.hash).toBe(await agreementHash(draft));
    expect(info.Subject).toBe(`SHA-256 ${pdf.hash}`);
    for (let n = 1; n <= pdf.pageCount; n++) {
      // -raw: in reading order, poppler's default mode glues the short "1 / 3" into "1/3".
      const page = pdftotext(pdf.bytes, ['-raw', '-f', String(n), '-l', String(n)]);
      expect(page).toContain(`${n} / ${pdf.pageCount}`);
      expect(page).toContain(`SHA-256: ${pdf.hash}`);
    }
  });

  it('carries a QR code that decodes to the public verification link', async () => {
    const pdf = await renderAgreementPdf(sampleDraft(), { layout: 'kk+ru', publicUrl: `${PUBLIC_URL}/` });
    expect(pdf.verifyUrl).toBe(`${PUBLIC_URL}/verify/${pdf.hash}`);
    expect(decodeQr(pdf.bytes, pdf.pageCount)).toBe(pdf.verifyUrl);
    // Beside it, the link and the hash in both languages.
    const last = flat(pdftotext(pdf.bytes, ['-f', String(pdf.pageCount), '-l', String(pdf.pageCount)]));
    expect(last).toContain('Түпнұсқалығын тексеру');
    expect(last).toContain('Проверить подлинность');
    expect(last).toContain(pdf.hash);
  });

  it.each(['kk', 'ru', 'en'] as const)('in one language (%s) has that language only', async (layout) => {
    const draft = sampleDraft();
    const pdf = await renderAgreementPdf(draft, { layout, publicUrl: PUBLIC_URL });
    const text = flat(pdftotext(pdf.bytes));
    for (const block of agreementBlocks(draft, layout)) expect(text).toContain(flat(block.text));
    const others = (['kk', 'ru', 'en'] as const).filter((l) => l !== layout);
    for (const other of others)
      expect(text).not.toContain(flat(agreementBlocks(draft, other)[0]?.text ?? ''));
    expect(decodeQr(pdf.bytes, pdf.pageCount)).toBe(pdf.verifyUrl);
  });

  it('gives the same bytes for the same version, and different bytes for another', async () => {
    const options = { layout: 'kk+ru', publicUrl: PUBLIC_URL } as const;
    const a = await renderAgreementPdf(sampleDraft(), options);
    const b = await renderAgreementPdf(sampleDraft(), options);
    expect(sha256(b.bytes)).toBe(sha256(a.bytes));
    const changed = sampleDraft();
    changed.date = '2026-03-17';
    const c = await renderAgreementPdf(changed, options);
    expect(c.hash).not.toBe(a.hash);
    expect(sha256(c.bytes)).not.toBe(sha256(a.bytes));
    expect(pdfinfo(a.bytes).CreationDate).toMatch(/2026/);
  });

  it('keeps a very long Kazakh word inside the column', async () => {
    const draft = sampleDraft();
    const word = 'мемлекеттендірілмегендіктеріңізденсіздердеқұқықтықжауапкершіліктерініңөзгерістері';
    draft.clauses.push({
      id: 'long',
      text: { kk: `Сөз: ${word}.`, ru: `Слово: ${word}.`, en: `Word: ${word}.` },
    });
    const pdf = await renderAgreementPdf(draft, { layout: 'kk+ru', publicUrl: PUBLIC_URL });
    const boxes = [...pdftotext(pdf.bytes, ['-bbox']).matchAll(/xMax="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(boxes.length).toBeGreaterThan(100);
    expect(Math.max(...boxes)).toBeLessThanOrEqual(A4.width - MARGIN.right + 0.5);
    // The word is cut between letters, not hyphenated: joined back it is the word.
    expect(flat(pdftotext(pdf.bytes)).replace(/ /g, '')).toContain(word);
  });

  it('refuses an agreement that breaks a rule, and a language it was not written in', async () => {
    const invalid: AgreementDraft = sampleDraft();
    delete invalid.obligations[1]?.deadline;
    const refusal = await renderAgreementPdf(invalid, { layout: 'ru', publicUrl: PUBLIC_URL }).catch(
      (e) => e,
    );
    expect(refusal).toBeInstanceOf(AgreementPdfError);
    expect(refusal.code).toBe('agreement_invalid');
    expect(refusal.problems).toContainEqual(
      expect.objectContaining({
        code: 'deadline_required',
        rule: 'R-CPC-03',
        path: 'obligations[1].deadline',
      }),
    );

    const russianOnly = { ...sampleDraft(), languages: ['ru' as const] };
    const missing = await renderAgreementPdf(russianOnly, { layout: 'kk+ru', publicUrl: PUBLIC_URL }).catch(
      (e) => e,
    );
    expect(missing).toBeInstanceOf(AgreementPdfError);
    expect(missing.code).toBe('language_missing');
  });
});
