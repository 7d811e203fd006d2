import type { PDFDocument, PDFFont, PDFPage } from 'pdf-lib';
import { rgb } from 'pdf-lib';
import { NBSP } from '../../../../core/agreements/wording.ts';
import type { FontWeight } from './fonts.ts';
import { A4, MARGIN, type TextStyle } from './styles.ts';
import { wrapText } from './wrap.ts';

// Flowing blocks of text down A4 pages in one or two columns. In two columns, block i of each
// language starts on the same baseline (the paragraphs stay side by side) and the pair advances
// by the taller of the two; a pair that does not fit continues on the next page line by line.

export type Column = { x: number; width: number };
export type Fonts = Record<FontWeight, PDFFont>;

const BLACK = rgb(0, 0, 0);

/** The no-break space keeps words together while wrapping; it is drawn as a plain space. */
const printable = (line: string) => line.replaceAll(NBSP, ' ');

export class Flow {
  readonly pages: PDFPage[] = [];
  private page!: PDFPage;
  /** Baseline of the last line drawn, or the top margin on a fresh page. */
  private y = 0;

  constructor(
    private readonly doc: PDFDocument,
    readonly fonts: Fonts,
    readonly columns: Column[],
  ) {
    this.newPage();
  }

  private newPage() {
    this.page = this.doc.addPage([A4.width, A4.height]);
    this.pages.push(this.page);
    this.y = A4.height - MARGIN.top;
  }

  private get atTop() {
    return this.y === A4.height - MARGIN.top;
  }

  /** Space left above the bottom margin. */
  get room() {
    return this.y - MARGIN.bottom;
  }

  /**
   * Width of a text in points. From a per-character table of advance widths rather than pdf-lib's
   * widthOfTextAtSize, which lays out the whole string on every call: wrapping measures each
   * candidate line, and this keeps that linear. Equal to pdf-lib's result because the layout is
   * one glyph per code point without kerning (fonts.ts).
   */
  measure = (weight: FontWeight, size: number) => {
    const advances = this.advances[weight];
    const font = this.fonts[weight];
    return (text: string) => {
      let units = 0;
      for (const ch of text) {
        let advance = advances.get(ch);
        if (advance === undefined) {
          advance = font.widthOfTextAtSize(ch === NBSP ? ' ' : ch, 1000);
          advances.set(ch, advance);
        }
        units += advance;
      }
      return (units * size) / 1000;
    };
  };
  private readonly advances: Record<FontWeight, Map<string, number>> = {
    regular: new Map(),
    bold: new Map(),
  };

  /** Lines of each column's text for a style (columns without text get none). */
  wrap(texts: string[], style: TextStyle): string[][] {
    return texts.map((text, c) => {
      const column = this.columns[c] as Column;
      return wrapText(text, column.width - style.indent, this.measure(style.weight, style.size));
    });
  }

  /** Lines of one text in a width of its own (the verification block beside the QR code). */
  wrapOne = (text: string, width: number, measure: (text: string) => number) =>
    wrapText(text, width, measure);

  /** Starts a new page unless `height` points fit below the current line. */
  ensure(height: number) {
    if (!this.atTop && this.room < height) this.newPage();
  }

  /**
   * Draws one block per column, side by side. `keep` is the height that must fit with the block's
   * first lines (a heading asks for room for the next paragraph, so it is never left alone at the
   * foot of a page). `rule` draws a signature line in the space above the first column.
   */
  block(lines: string[][], style: TextStyle, options: { keep?: number; rule?: boolean } = {}) {
    const rows = Math.max(0, ...lines.map((l) => l.length));
    if (rows === 0) return;
    // Keep at least two lines of a paragraph together (no widow line at a page's foot).
    this.ensure(style.before + Math.min(rows, 2) * style.leading + (options.keep ?? 0));
    if (!this.atTop) this.y -= style.before;
    if (options.rule) {
      const column = this.columns[0] as Column;
      const ruleY = this.y - 2;
      this.page.drawLine({
        start: { x: column.x, y: ruleY },
        end: { x: column.x + Math.min(190, column.width), y: ruleY },
        thickness: 0.6,
        color: BLACK,
      });
      this.y -= 2;
    }
    for (let row = 0; row < rows; row++) {
      if (this.room < style.leading) this.newPage();
      this.y -= style.leading;
      lines.forEach((columnLines, c) => {
        const line = columnLines[row];
        if (line) this.text(line, c, style);
      });
    }
  }

  private text(line: string, c: number, style: TextStyle) {
    const column = this.columns[c] as Column;
    const text = printable(line);
    const font = this.fonts[style.weight];
    const width = font.widthOfTextAtSize(text, style.size);
    const x = style.align === 'center' ? column.x + (column.width - width) / 2 : column.x + style.indent;
    this.page.drawText(text, { x, y: this.y, size: style.size, font, color: BLACK });
  }

  /** Moves down by `height` (for drawings that are not text), starting a page when needed. */
  reserve(height: number, before: number): { page: PDFPage; top: number } {
    this.ensure(before + height);
    if (!this.atTop) this.y -= before;
    const top = this.y;
    this.y -= height;
    return { page: this.page, top };
  }
}
