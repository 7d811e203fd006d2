import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';

// Reading our PDFs back with the tools a court clerk or a verifier would use: poppler's
// pdftotext, pdfinfo and pdftoppm (Debian's poppler-utils; .ci/run installs it), and jsQR on the
// rendered page for the QR code.

export const hasPoppler = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** Runs a poppler tool on the PDF bytes (written to a temporary file) and returns its stdout. */
const withFile = <T>(bytes: Uint8Array, run: (file: string, dir: string) => T): T => {
  const dir = mkdtempSync(join(tmpdir(), 'kelisim-pdf-'));
  try {
    const file = join(dir, 'agreement.pdf');
    writeFileSync(file, bytes);
    return run(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

export const pdftotext = (bytes: Uint8Array, args: string[] = []) =>
  withFile(bytes, (file) =>
    execFileSync('pdftotext', ['-enc', 'UTF-8', ...args, file, '-'], { encoding: 'utf8' }),
  );

export const pdfinfo = (bytes: Uint8Array): Record<string, string> =>
  withFile(bytes, (file) =>
    Object.fromEntries(
      execFileSync('pdfinfo', ['-enc', 'UTF-8', file], { encoding: 'utf8' })
        .split('\n')
        .filter((line) => line.includes(':'))
        .map((line) => {
          const at = line.indexOf(':');
          return [line.slice(0, at).trim(), line.slice(at + 1).trim()];
        }),
    ),
  );

/**
 * The text of one rectangle (PDF points, from the top-left corner) of every page, in order: one
 * column of a bilingual agreement read on its own, page after page.
 */
export const pdftotextArea = (
  bytes: Uint8Array,
  area: { x: number; y: number; width: number; height: number },
) =>
  pdftotext(bytes, [
    '-x',
    String(Math.floor(area.x)),
    '-y',
    String(Math.floor(area.y)),
    '-W',
    String(Math.ceil(area.width)),
    '-H',
    String(Math.ceil(area.height)),
  ]);

/** Collapses runs of whitespace (pdftotext ends lines where our wrapping did) into one space. */
export const flat = (text: string) => text.replace(/[\s\u00a0]+/g, ' ').trim();

type Gray = { width: number; height: number; pixels: Uint8Array };

/** Parses a binary PGM (P5, 8-bit), which is what `pdftoppm -gray` writes. */
const parsePgm = (data: Buffer): Gray => {
  const tokens: string[] = [];
  let at = 0;
  while (tokens.length < 4) {
    while (/\s/.test(String.fromCharCode(data[at] ?? 0))) at++;
    if (data[at] === 0x23) {
      while (data[at] !== 0x0a) at++;
      continue;
    }
    let token = '';
    while (!/\s/.test(String.fromCharCode(data[at] ?? 32))) token += String.fromCharCode(data[at++] ?? 32);
    tokens.push(token);
  }
  const [magic, width, height, max] = tokens;
  if (magic !== 'P5' || max !== '255') throw new Error(`unexpected image header ${tokens.join(' ')}`);
  return { width: Number(width), height: Number(height), pixels: data.subarray(at + 1) };
};

/** Renders one page at `dpi` and decodes the first QR code found on it; null when none is. */
export const decodeQr = (bytes: Uint8Array, page: number, dpi = 150): string | null =>
  withFile(bytes, (file, dir) => {
    const out = join(dir, 'page');
    const n = String(page);
    execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', n, '-l', n, '-singlefile', file, out]);
    const { width, height, pixels } = parsePgm(readFileSync(`${out}.pgm`));
    const rgba = new Uint8ClampedArray(width * height * 4);
    for (let i = 0; i < width * height; i++) {
      const v = pixels[i] ?? 255;
      rgba.set([v, v, v, 255], i * 4);
    }
    return jsQR(rgba, width, height)?.data ?? null;
  });
