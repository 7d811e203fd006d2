import type { MethodKind, ObligationSubject, ObligationTopic } from './types.ts';

// A template suggests the terms typical of a category; the mediator picks, fills in the sums,
// dates and accounts, and edits the words. The texts are written in all three languages so that a
// bilingual agreement starts complete.

export type TemplateText = { kk: string; ru: string; en: string };

export type Suggestion =
  | {
      kind: 'obligation';
      key: string;
      topic: ObligationTopic;
      subject: ObligationSubject['kind'];
      /** The usual method, prefilled; the parties change it when theirs differs. */
      method: MethodKind;
      /** What is owed: the act, or the purpose of the payment. */
      text: TemplateText;
    }
  | { kind: 'clause'; key: string; topic: ObligationTopic; text: TemplateText };
