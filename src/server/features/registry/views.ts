import type { Locale } from '../../../core/identity/roles.ts';
import { generalCourseHours } from '../../../core/registry/eligibility.ts';
import type { DisputeCategory, MediationLanguage, Region } from '../../../core/registry/reference.ts';
import type { mediatorOrganisations, mediators, mediatorTrainings } from '../../db/schema/index.ts';

// Rows → the shapes of src/contracts/registry.ts. The database keeps codes as text; they were
// validated against the reference lists on the way in, so they are typed back here.

// Below this many completed cases a rate says more about chance than about the mediator.
export const MIN_CASES_FOR_RATES = 5;

export type OrganisationRow = typeof mediatorOrganisations.$inferSelect;
export type MediatorRow = typeof mediators.$inferSelect;
export type TrainingRow = typeof mediatorTrainings.$inferSelect;

const organisationName = (o: OrganisationRow, locale: Locale) =>
  locale === 'kk' ? o.nameKk : locale === 'ru' ? o.nameRu : o.nameEn;

export const organisationView = (o: OrganisationRow, locale: Locale) => ({
  id: o.id,
  name: organisationName(o, locale),
  region: o.region as Region,
  bin: o.bin,
  website: o.website,
});

export const feeOf = (m: MediatorRow) =>
  m.feeType === 'free' ? { type: 'free' as const } : { type: m.feeType, amountKzt: m.feeAmountKzt ?? 0 };

/** The honest record: rates only once there are enough cases to mean something. */
export const recordView = (m: MediatorRow) => {
  const enough = m.completedCases >= MIN_CASES_FOR_RATES;
  return {
    completedCases: m.completedCases,
    settlementRate: enough ? m.settledCases / m.completedCases : null,
    complianceRate: enough && m.settledCases > 0 ? m.performedAgreements / m.settledCases : null,
    rating: m.ratingCount > 0 ? Math.round((m.ratingSum / m.ratingCount) * 10) / 10 : null,
    ratingCount: m.ratingCount,
    upheldComplaints: m.upheldComplaints,
  };
};

export const trainingView = (t: TrainingRow) => ({
  kind: t.kind,
  title: t.title,
  provider: t.provider,
  hours: t.hours,
  completedOn: t.completedOn,
});

/** What anyone may see of a listed mediator: qualifications, languages, fee and honest record. */
export const publicView = (
  m: MediatorRow,
  fullName: string,
  organisation: OrganisationRow | null,
  trainings: TrainingRow[],
  locale: Locale,
) => ({
  id: m.id,
  fullName,
  kind: m.kind,
  registryNumber: m.registryNumber,
  organisation: organisation ? organisationView(organisation, locale) : null,
  akimat: m.akimat,
  categories: m.categories as DisputeCategory[],
  languages: m.languages as MediationLanguage[],
  regions: m.regions as Region[],
  remote: m.remote,
  inPerson: m.inPerson,
  fee: feeOf(m),
  bio: m.bio,
  trainings: trainings.map(trainingView),
  trainingHours: trainings.reduce((sum, t) => sum + t.hours, 0),
  generalCourseHours: generalCourseHours(trainings),
  record: recordView(m),
});
