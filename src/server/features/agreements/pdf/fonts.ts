import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument } from 'pdf-lib';

// DejaVu Sans from the dejavu-fonts-ttf package: it covers Kazakh Cyrillic (ә ғ қ ң ө ұ ү һ і),
// Russian, Latin, ₸ and the typographic marks the wording uses. Each document embeds only the glyphs
// it uses (subset).
//
// Two things here are for speed, measured with bench/lib/documents-pdf.ts:
//   - the font files are read and parsed once per process, not per document: pdf-lib calls
//     `fontkit.create(bytes)` on every embedFont, and parsing a 750 KB TrueType file and warming
//     its glyph tables costs tens of milliseconds each time;
//   - text is laid out by the character map alone (one glyph per code point, advance widths), not by
//     fontkit's OpenType shaping engine. Kazakh, Russian and English need no shaping; without it a
//     page of text lays out in ~3 ms instead of ~100 ms, and no ligature ("fi") ever merges two
//     letters, so pdftotext and screen readers get back exactly the characters we wrote.

const require = createRequire(import.meta.url);
const fontPath = (file: string) => require.resolve(`dejavu-fonts-ttf/ttf/${file}`);

export const FONT_FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;
export type FontWeight = keyof typeof FONT_FILES;

// pdf-lib does not export its Fontkit type; take it from the method that accepts one.
type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
type FontkitFont = ReturnType<Fontkit['create']>;
type Glyph = ReturnType<FontkitFont['glyphForCodePoint']>;

let bytesCache: Record<FontWeight, Uint8Array> | null = null;

/** The TrueType files, read once. The same Uint8Array each call, which is what the parse cache keys on. */
export const fontBytes = (): Record<FontWeight, Uint8Array> => {
  bytesCache ??= {
    regular: new Uint8Array(readFileSync(fontPath(FONT_FILES.regular))),
    bold: new Uint8Array(readFileSync(fontPath(FONT_FILES.bold))),
  };
  return bytesCache;
};

/** Replaces fontkit's shaping with a cmap lookup: one glyph per code point, cached per font. */
const withCmapLayout = (font: FontkitFont): FontkitFont => {
  const glyphs = new Map<number, Glyph>();
  const glyphFor = (codePoint: number) => {
    let glyph = glyphs.get(codePoint);
    if (!glyph) {
      // fontkit caches one Glyph per id, with the code points of whoever asked first — possibly
      // none, when a previous document's subset pulled it in as a component of a composite glyph
      // (Cyrillic "е" is built from Latin "e"). pdf-lib writes the ToUnicode map from
      // `codePoints`, so each code point gets its own view of the glyph that states it.
      glyph = Object.create(font.glyphForCodePoint(codePoint), {
        codePoints: { value: [codePoint], enumerable: true },
      }) as Glyph;
      glyphs.set(codePoint, glyph);
    }
    return glyph;
  };
  const layout = (text: string) => {
    const run = Array.from(text, (ch) => glyphFor(ch.codePointAt(0) ?? 0));
    return {
      glyphs: run,
      positions: run.map((g) => ({ xAdvance: g.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 })),
    };
  };
  return Object.assign(font, { layout }) as FontkitFont;
};

const parsed = new Map<Uint8Array, FontkitFont>();

/**
 * The fontkit pdf-lib registers: `create` returns the one parsed font per file. Sharing it across
 * documents is safe: pdf-lib reads the font and builds each document's subset in its own object.
 */
export const cachedFontkit: Fontkit = {
  create: (buffer: Uint8Array, postscriptName?: string) => {
    let font = parsed.get(buffer);
    if (!font) {
      font = withCmapLayout((fontkit as Fontkit).create(buffer, postscriptName));
      parsed.set(buffer, font);
    }
    return font;
  },
};
