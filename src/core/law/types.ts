// A rule of law as data (DOMAIN.md): what it says, where it comes from, how sure we are, and since
// when it applies. Code cites rules by id; the UI shows the text as the "why".
export type Confidence = 'H' | 'M' | 'L';

export type LawRule = {
  id: string;
  text: { kk: string; ru: string; en: string };
  source: string;
  confidence: Confidence;
  /** ISO date from which the rule applies in the form given. */
  validFrom: string;
};

/** Rules with M or L confidence show administrators a "verify with the current text" hint. */
export const needsVerification = (rule: LawRule) => rule.confidence !== 'H';
