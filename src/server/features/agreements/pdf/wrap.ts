// Breaking a paragraph into lines that fit a column. Lines break at spaces; a no-break space
// (U+00A0, between the groups of a sum, "№ 401-IV", "2026 жылғы") never breaks. A word wider than the
// column — a long Kazakh word in a narrow bilingual column, an IBAN, a URL, a hash — is cut between
// characters: it is better to continue a word on the next line than to print past the margin.
// No hyphen is added, so that the text extracted from the PDF is the text written.

export type Measure = (text: string) => number;

const SPACE = ' ';

/** Splits a word that does not fit into pieces that do, greedily. */
const cutWord = (word: string, width: number, measure: Measure): string[] => {
  const pieces: string[] = [];
  let piece = '';
  for (const ch of word) {
    if (piece && measure(piece + ch) > width) {
      pieces.push(piece);
      piece = ch;
    } else piece += ch;
  }
  if (piece) pieces.push(piece);
  return pieces;
};

/** Lines of one paragraph; explicit newlines start new lines. Empty text gives no lines. */
export const wrapText = (text: string, width: number, measure: Measure): string[] => {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(SPACE).filter((w) => w !== '')) {
      const candidate = line ? `${line}${SPACE}${word}` : word;
      if (measure(candidate) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      if (measure(word) <= width) {
        line = word;
        continue;
      }
      const pieces = cutWord(word, width, measure);
      lines.push(...pieces.slice(0, -1));
      line = pieces.at(-1) ?? '';
    }
    if (line) lines.push(line);
  }
  return lines;
};
