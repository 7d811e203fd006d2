// Court proceedings a pending case can be in when a court refers it to mediation (R-CPC-01/02,
// R-ADM-01, R-MED-02). Codes are stable; names live in the locales under `court.proceedings.*`.

/** Kinds of proceedings: claim, court-order, special-claim and special (CPC), administrative (APPK), criminal. */
export const PROCEEDING_TYPES = [
  'claim',
  'court_order',
  'special_claim',
  'special',
  'administrative',
  'criminal',
  'enforcement',
] as const;
export type ProceedingType = (typeof PROCEEDING_TYPES)[number];

/** Where the court case stands; conciliation is possible at every stage of claim proceedings (R-CPC-01). */
export const COURT_STAGES = [
  'claim_acceptance',
  'preparation',
  'first_instance',
  'appeal',
  'cassation',
] as const;
export type CourtStage = (typeof COURT_STAGES)[number];
