import { PDFDocument } from 'pdf-lib';
import { agreementHash } from '../../../../core/agreements/canonical.ts';
import { agreementBlocks, WORDINGS } from '../../../../core/agreements/document.ts';
import type { AgreementProblem } from '../../../../core/agreements/problems.ts';
import type { AgreementDraft, AgreementLanguage, PdfLayout } from '../../../../core/agreements/types.ts';
import { agreementErrors } from '../../../../core/agreements/validate.ts';
import { type Column, Flow, type Fonts } from './flow.ts';
import { cachedFontkit, fontBytes } from './fonts.ts';
import { drawQr } from './qr.ts';
import { A4, BILINGUAL_STYLES, FOOTER, GUTTER, MARGIN, SINGLE_STYLES, VERIFY } from './styles.ts';

// The agreement version as a PDF (issue 6): A4, in one language or Kazakh and Russian side by
// side, with page numbers, the SHA-256 of the version on every page, and a QR code of the public
// verification link. The same draft and options give the same bytes: the metadata dates come
// from the agreement's date, fonts are subset deterministically, nothing reads the clock or a
// random source. That lets anyone re-render a frozen version and compare hashes of the files.

export { PDF_LAYOUTS } from '../../../../core/agreements/types.ts';

export type RenderOptions = {
  layout: PdfLayout;
  /** The platform's public address (config PUBLIC_URL); the QR links to `${publicUrl}/verify/<hash>`. */
  publicUrl: string;
};

export type RenderedAgreement = {
  bytes: Uint8Array;
  /** SHA-256 of the agreement version (not of the PDF bytes), as printed on every page. */
  hash: string;
  verifyUrl: string;
  pageCount: number;
};

/** Refusals: a PDF exists only of an agreement that passes every rule, in languages it was written in. */
export class AgreementPdfError extends Error {
  constructor(
    readonly code: 'agreement_invalid' | 'language_missing',
    readonly problems: AgreementProblem[] = [],
  ) {
    super(code);
    this.name = 'AgreementPdfError';
  }
}

export const layoutLanguages = (layout: PdfLayout): AgreementLanguage[] =>
  layout === 'kk+ru' ? ['kk', 'ru'] : [layout];

export const verifyUrl = (publicUrl: string, hash: string) =>
  `${publicUrl.replace(/\/+$/, '')}/verify/${hash}`;

const LOCALE: Record<AgreementLanguage, string> = { kk: 'kk-KZ', ru: 'ru-KZ', en: 'en' };

/** The text columns of a layout: one full width, or two with a gutter between. */
export const columnsFor = (count: number): Column[] => {
  const width = A4.width - MARGIN.left - MARGIN.right;
  if (count === 1) return [{ x: MARGIN.left, width }];
  const half = (width - GUTTER) / 2;
  return [
    { x: MARGIN.left, width: half },
    { x: MARGIN.left + half + GUTTER, width: half },
  ];
};

/** The verification block: QR on the left; per language the link and the hash on the right. */
const drawVerification = (
  flow: Flow,
  fonts: Fonts,
  langs: AgreementLanguage[],
  url: string,
  hash: string,
) => {
  const x = MARGIN.left + VERIFY.qrSide + VERIFY.gap;
  const width = A4.width - MARGIN.right - x;
  const measure = flow.measure('regular', VERIFY.size);
  const lines = langs.flatMap((lang) => {
    const w = WORDINGS[lang];
    return [`${w.verifyAt}:`, ...flow.wrapOne(url, width, measure), `${w.documentHash}:`, hash];
  });
  const height = Math.max(VERIFY.qrSide, lines.length * VERIFY.leading);
  const { page, top } = flow.reserve(height, VERIFY.before);
  drawQr(page, url, MARGIN.left, top - VERIFY.qrSide, VERIFY.qrSide);
  lines.forEach((line, i) => {
    page.drawText(line, { x, y: top - (i + 1) * VERIFY.leading + 2, size: VERIFY.size, font: fonts.regular });
  });
};

const drawFooters = (flow: Flow, fonts: Fonts, lang: AgreementLanguage, caseNumber: string, hash: string) => {
  const total = flow.pages.length;
  flow.pages.forEach((page, i) => {
    page.drawText(`${caseNumber} · SHA-256: ${hash}`, {
      x: MARGIN.left,
      y: FOOTER.baseline,
      size: FOOTER.size,
      font: fonts.regular,
    });
    const label = WORDINGS[lang].page(i + 1, total);
    const width = fonts.regular.widthOfTextAtSize(label, FOOTER.size + 1.5);
    page.drawText(label, {
      x: A4.width - MARGIN.right - width,
      y: FOOTER.baseline,
      size: FOOTER.size + 1.5,
      font: fonts.regular,
    });
  });
};

const setMetadata = (doc: PDFDocument, draft: AgreementDraft, langs: AgreementLanguage[], hash: string) => {
  // Midnight of the agreement's day in Kazakhstan (UTC+5): fixed by the version, not by the clock.
  const date = new Date(`${draft.date}T00:00:00+05:00`);
  const main = langs[0] as AgreementLanguage;
  doc.setTitle(`${langs.map((l) => WORDINGS[l].title).join(' / ')} — ${draft.case.number}`);
  doc.setAuthor('Kelisim');
  doc.setSubject(`SHA-256 ${hash}`);
  doc.setKeywords(['kelisim', draft.case.number, hash]);
  doc.setCreator('Kelisim');
  doc.setProducer('Kelisim (pdf-lib)');
  doc.setLanguage(LOCALE[main]);
  doc.setCreationDate(date);
  doc.setModificationDate(date);
};

export const renderAgreementPdf = async (
  draft: AgreementDraft,
  options: RenderOptions,
): Promise<RenderedAgreement> => {
  const errors = agreementErrors(draft);
  if (errors.length > 0) throw new AgreementPdfError('agreement_invalid', errors);
  const langs = layoutLanguages(options.layout);
  if (!langs.every((lang) => draft.languages.includes(lang))) throw new AgreementPdfError('language_missing');

  const hash = await agreementHash(draft);
  const url = verifyUrl(options.publicUrl, hash);

  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(cachedFontkit);
  const files = fontBytes();
  const fonts: Fonts = {
    regular: await doc.embedFont(files.regular, { subset: true }),
    bold: await doc.embedFont(files.bold, { subset: true }),
  };
  setMetadata(doc, draft, langs, hash);

  const styles = langs.length === 2 ? BILINGUAL_STYLES : SINGLE_STYLES;
  const flow = new Flow(doc, fonts, columnsFor(langs.length));
  const sequences = langs.map((lang) => agreementBlocks(draft, lang));
  const blocks = sequences[0] ?? [];
  blocks.forEach((block, i) => {
    const style = styles[block.style];
    const next = blocks[i + 1];
    const nextStyle = next ? styles[next.style] : null;
    const keep = block.style === 'heading' && nextStyle ? nextStyle.before + 2 * nextStyle.leading : 0;
    const texts = sequences.map((seq) => {
      const paired = seq[i];
      // agreementBlocks builds every language from the same structure; a mismatch is a bug there.
      if (paired?.style !== block.style) throw new Error(`block ${i} differs between languages`);
      return paired.text;
    });
    flow.block(flow.wrap(texts, style), style, { keep, rule: block.style === 'signature' });
  });

  drawVerification(flow, fonts, langs, url, hash);
  drawFooters(flow, fonts, langs[0] as AgreementLanguage, draft.case.number, hash);

  const bytes = await doc.save({ useObjectStreams: true });
  return { bytes, hash, verifyUrl: url, pageCount: flow.pages.length };
};
