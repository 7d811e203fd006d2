import { parseIin } from '../../../../core/identity/kz-id.ts';
import { LOCALES, type Locale } from '../../../../core/identity/roles.ts';
import type { ApplicationBody, RegistryEntry, UploadedDocument } from '../../../api.ts';

// The application form's state: strings as typed (so nothing is lost or reformatted under the
// cursor), uploaded documents as the server described them. Turned into the contract's body on submit.

export type TrainingKind = 'general' | 'specialised' | 'trainer';
export type TrainingDraft = {
  /** Stable React key: rows can be removed from the middle. */
  key: string;
  kind: TrainingKind;
  title: string;
  provider: string;
  hours: string;
  completedOn: string;
  document: UploadedDocument | null;
};

export type Draft = {
  kind: 'professional' | 'public';
  organisationId: string;
  akimat: string;
  community: string;
  electedOn: string;
  birthDate: string;
  higherEducation: boolean;
  education: string;
  diploma: UploadedDocument | null;
  trainings: TrainingDraft[];
  categories: string[];
  languages: string[];
  regions: string[];
  remote: boolean;
  inPerson: boolean;
  address: string;
  feeType: 'free' | 'hourly' | 'fixed';
  feeAmount: string;
  capacity: string;
  bio: Record<Locale, string>;
};

let rows = 0;
export const newTraining = (kind: TrainingKind = 'general'): TrainingDraft => ({
  key: `training-${++rows}`,
  kind,
  title: '',
  provider: '',
  hours: '',
  completedOn: '',
  document: null,
});

/** A first application: the birth date comes from the IIN when there is one. */
export const emptyDraft = (iin: string | null): Draft => ({
  kind: 'professional',
  organisationId: '',
  akimat: '',
  community: '',
  electedOn: '',
  birthDate: (iin && parseIin(iin)?.birthDate) || '',
  higherEducation: false,
  education: '',
  diploma: null,
  trainings: [newTraining()],
  categories: [],
  languages: [],
  regions: [],
  remote: true,
  inPerson: false,
  address: '',
  feeType: 'hourly',
  feeAmount: '',
  capacity: '10',
  bio: { kk: '', ru: '', en: '' },
});

/** Answering a request for more (or applying again after a refusal): start from what was sent. */
export const draftFromEntry = (entry: RegistryEntry): Draft => {
  const documentOf = (id: string | null) => entry.documents.find((d) => d.id === id) ?? null;
  return {
    kind: entry.kind,
    organisationId: entry.organisation?.id ?? '',
    akimat: entry.akimat ?? '',
    community: entry.community ?? '',
    electedOn: entry.electedOn ?? '',
    birthDate: entry.birthDate,
    higherEducation: entry.higherEducation,
    education: entry.education ?? '',
    diploma: documentOf(entry.diplomaDocumentId),
    trainings: entry.trainingsWithDocuments.map((t) => ({
      ...newTraining(t.kind),
      title: t.title,
      provider: t.provider,
      hours: String(t.hours),
      completedOn: t.completedOn,
      document: documentOf(t.documentId),
    })),
    categories: [...entry.categories],
    languages: [...entry.languages],
    regions: [...entry.regions],
    remote: entry.remote,
    inPerson: entry.inPerson,
    address: entry.address ?? '',
    feeType: entry.fee.type,
    feeAmount: entry.fee.type === 'free' ? '' : String(entry.fee.amountKzt),
    capacity: String(entry.capacity),
    bio: { kk: entry.bio.kk ?? '', ru: entry.bio.ru ?? '', en: entry.bio.en ?? '' },
  };
};

/** A course row nobody touched (the form starts with one): not sent, not an error. */
export const isBlank = (t: TrainingDraft) =>
  !t.title.trim() && !t.provider.trim() && !t.hours.trim() && !t.completedOn && !t.document;

/** "12 000" or "12000 ₸" → 12000; anything else → undefined (the server then says what is wrong). */
export const wholeNumber = (value: string) => {
  const digits = value.replace(/[\s\u00a0₸]/g, '');
  return /^\d{1,9}$/.test(digits) ? Number(digits) : undefined;
};

export const generalHours = (draft: Draft) =>
  draft.trainings
    .filter((t) => t.kind === 'general')
    .reduce((sum, t) => sum + (wholeNumber(t.hours) ?? 0), 0);

/** The platform's own languages among those the mediator offers: each needs a biography. */
export const bioLanguages = (draft: Draft) => LOCALES.filter((l) => draft.languages.includes(l));

const optional = (value: string) => value.trim() || undefined;

export const toBody = (draft: Draft): ApplicationBody => {
  const professional = draft.kind === 'professional';
  const amount = wholeNumber(draft.feeAmount);
  return {
    kind: draft.kind,
    organisationId: professional ? optional(draft.organisationId) : undefined,
    akimat: professional ? undefined : optional(draft.akimat),
    community: professional ? undefined : optional(draft.community),
    electedOn: professional ? undefined : optional(draft.electedOn),
    birthDate: draft.birthDate,
    higherEducation: draft.higherEducation,
    education: optional(draft.education),
    diplomaDocumentId: professional ? draft.diploma?.id : undefined,
    trainings: draft.trainings
      .filter((t) => !isBlank(t))
      .map((t) => ({
        kind: t.kind,
        title: t.title,
        provider: t.provider,
        hours: wholeNumber(t.hours) as number,
        completedOn: t.completedOn,
        documentId: t.document?.id as string,
      })),
    categories: draft.categories as ApplicationBody['categories'],
    languages: draft.languages as ApplicationBody['languages'],
    regions: draft.regions as ApplicationBody['regions'],
    remote: draft.remote,
    inPerson: draft.inPerson,
    address: draft.inPerson ? optional(draft.address) : undefined,
    // Public mediators are free (R-MED-14): the form does not even offer a fee.
    fee:
      !professional || draft.feeType === 'free'
        ? { type: 'free' }
        : { type: draft.feeType, amountKzt: amount as number },
    capacity: wholeNumber(draft.capacity) as number,
    bio: Object.fromEntries(bioLanguages(draft).map((l) => [l, draft.bio[l].trim()])),
  };
};

/**
 * What the browser can tell before a round trip: empty required fields, missing uploads.
 * Returns field → message key under `fields.`. The law's own checks (age, hours) stay the server's.
 */
export const draftProblems = (draft: Draft): Record<string, string> => {
  const problems: Record<string, string> = {};
  const professional = draft.kind === 'professional';
  if (professional && !draft.organisationId) problems.organisationId = 'mediator_organisation_required';
  if (!professional && !draft.akimat.trim()) problems.akimat = 'required';
  if (!professional && !draft.community.trim()) problems.community = 'required';
  if (!draft.birthDate) problems.birthDate = 'required';
  if (professional && !draft.diploma) problems.diplomaDocumentId = 'document_required';
  draft.trainings.forEach((t, i) => {
    if (isBlank(t)) return;
    if (!t.title.trim()) problems[`trainings.${i}.title`] = 'required';
    if (!t.provider.trim()) problems[`trainings.${i}.provider`] = 'required';
    if (!wholeNumber(t.hours)) problems[`trainings.${i}.hours`] = 'required';
    if (!t.completedOn) problems[`trainings.${i}.completedOn`] = 'required';
    if (!t.document) problems[`trainings.${i}.documentId`] = 'document_required';
  });
  if (draft.categories.length === 0) problems.categories = 'choose_at_least_one';
  if (draft.languages.length === 0) problems.languages = 'choose_at_least_one';
  if (draft.regions.length === 0) problems.regions = 'choose_at_least_one';
  if (!draft.remote && !draft.inPerson) problems.remote = 'choose_at_least_one';
  if (draft.inPerson && !draft.address.trim()) problems.address = 'required';
  if (professional && draft.feeType !== 'free' && !wholeNumber(draft.feeAmount))
    problems['fee.amountKzt'] = 'fee_amount_required';
  if (!wholeNumber(draft.capacity)) problems.capacity = 'required';
  for (const l of bioLanguages(draft)) if (!draft.bio[l].trim()) problems[`bio.${l}`] = 'required';
  return problems;
};

/** Every field the server may name, so each error lands next to its field. */
export const KNOWN_FIELDS = [
  'kind',
  'organisationId',
  'akimat',
  'community',
  'electedOn',
  'birthDate',
  'higherEducation',
  'education',
  'diplomaDocumentId',
  'trainings',
  ...Array.from({ length: 30 }, (_, i) =>
    ['kind', 'title', 'provider', 'hours', 'completedOn', 'documentId'].map((f) => `trainings.${i}.${f}`),
  ).flat(),
  'categories',
  'languages',
  'regions',
  'remote',
  'inPerson',
  'address',
  'fee',
  'fee.amountKzt',
  'capacity',
  'bio.kk',
  'bio.ru',
  'bio.en',
] as const;
