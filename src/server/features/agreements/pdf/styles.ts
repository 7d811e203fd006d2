import type { BlockStyle } from '../../../../core/agreements/document.ts';
import type { FontWeight } from './fonts.ts';

// Page geometry and type styles. A4 in points (1/72 in). The bilingual layout uses a smaller size
// so that each half-width column still holds ~45 characters a line, which keeps long Kazakh words
// from being cut too often.

export const A4 = { width: 595.28, height: 841.89 } as const;
export const MARGIN = { left: 56, right: 48, top: 56, bottom: 64 } as const;
/** Space between the Kazakh and the Russian column. */
export const GUTTER = 22;
export const FOOTER = { size: 6.5, baseline: 34 } as const;

export type TextStyle = {
  weight: FontWeight;
  size: number;
  /** Distance between baselines. */
  leading: number;
  /** Space above the block (skipped at the top of a page). */
  before: number;
  indent: number;
  align: 'left' | 'center';
};

const styles = (scale: number): Record<BlockStyle, TextStyle> => {
  const s = (
    size: number,
    weight: FontWeight,
    before: number,
    indent = 0,
    align: 'left' | 'center' = 'left',
  ) => ({
    weight,
    size: size * scale,
    leading: size * scale * 1.32,
    before: before * scale,
    indent: indent * scale,
    align,
  });
  return {
    title: s(13, 'bold', 0, 0, 'center'),
    subtitle: s(9, 'regular', 2, 0, 'center'),
    meta: s(9.5, 'regular', 4),
    heading: s(10.5, 'bold', 12),
    body: s(10, 'regular', 5),
    item: s(9.5, 'regular', 1.5, 14),
    // Room above for the handwritten or stamped signature and its line.
    signature: s(9.5, 'regular', 30),
  };
};

export const SINGLE_STYLES = styles(1);
export const BILINGUAL_STYLES = styles(0.86);

/** The verification block at the end: QR side, and the small text beside it. */
export const VERIFY = { qrSide: 96, gap: 14, size: 7.5, leading: 10, before: 22 } as const;
