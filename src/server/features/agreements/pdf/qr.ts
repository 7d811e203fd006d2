import type { PDFOperator, PDFPage } from 'pdf-lib';
import { fill, popGraphicsState, pushGraphicsState, rectangle, setFillingRgbColor } from 'pdf-lib';
import QRCode from 'qrcode';

// The QR code of the verification link, drawn as vector squares: sharp at any zoom or print
// resolution, a few hundred bytes, and no PNG encoder in the hot path. Each row's runs of dark
// modules are one rectangle, and all rectangles are one path filled once (not one drawRectangle
// each, which would write a graphics state per module run and cost a tenth of the render time).

/** Error correction M (15 %): survives a crease or a stamp on a printed copy, stays small for a ~110-character URL. */
const ERROR_CORRECTION = 'M' as const;
/** Light modules around the symbol that a reader needs to find it (ISO/IEC 18004 asks for 4). */
export const QUIET_ZONE_MODULES = 4;

export type QrMatrix = { size: number; dark: (row: number, col: number) => boolean };

export const qrMatrix = (text: string): QrMatrix => {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: ERROR_CORRECTION });
  return { size: modules.size, dark: (row, col) => modules.get(row, col) === 1 };
};

/**
 * Draws the symbol with its quiet zone in a square of `side` points whose lower-left corner is at
 * (x, y). Returns the matrix so callers can state what they drew.
 */
export const drawQr = (page: PDFPage, text: string, x: number, y: number, side: number): QrMatrix => {
  const matrix = qrMatrix(text);
  const cells = matrix.size + 2 * QUIET_ZONE_MODULES;
  const unit = side / cells;
  const ops: PDFOperator[] = [
    pushGraphicsState(),
    setFillingRgbColor(1, 1, 1),
    rectangle(x, y, side, side),
    fill(),
  ];
  ops.push(setFillingRgbColor(0, 0, 0));
  for (let row = 0; row < matrix.size; row++) {
    let col = 0;
    while (col < matrix.size) {
      if (!matrix.dark(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < matrix.size && matrix.dark(row, col)) col++;
      // PDF's y grows upwards; row 0 is the top of the symbol.
      const top = y + side - (QUIET_ZONE_MODULES + row + 1) * unit;
      ops.push(rectangle(x + (QUIET_ZONE_MODULES + start) * unit, top, (col - start) * unit, unit));
    }
  }
  ops.push(fill(), popGraphicsState());
  page.pushOperators(...ops);
  return matrix;
};
