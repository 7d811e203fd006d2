// R-FAM-02: a family case begins with a short private screening of every party for violence and
// coercion. A positive screen moves the whole case to separate sessions (caucus only, shuttle
// mediation) and shows that party where to get help; the answers are never shown to anyone else.

export const SCREENING_QUESTIONS = [
  'afraid_of_other',
  'violence_in_past',
  'pressured_to_mediate',
  'safe_to_meet',
] as const;
export type ScreeningQuestion = (typeof SCREENING_QUESTIONS)[number];
export type ScreeningAnswers = Record<ScreeningQuestion, boolean>;

/** "Safe to meet" is the one question where the worrying answer is no. */
export const isPositiveScreen = (answers: ScreeningAnswers) =>
  answers.afraid_of_other ||
  answers.violence_in_past ||
  answers.pressured_to_mediate ||
  !answers.safe_to_meet;

/**
 * Where to get help in Kazakhstan, shown to a party whose screen is positive. Numbers as published
 * by the services themselves; names are in the locales under `screening.help.<id>`.
 */
export const HELP_LINES = [
  { id: 'police', phone: '102' },
  { id: 'family_contact_centre', phone: '111' },
  { id: 'children_helpline', phone: '150' },
] as const;
