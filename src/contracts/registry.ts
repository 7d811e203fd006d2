import { z } from 'zod';
import {
  DISPUTE_CATEGORIES,
  MEDIATION_LANGUAGES,
  MEDIATOR_KINDS,
  REGIONS,
} from '../core/registry/reference.ts';

export const region = z.enum(REGIONS, 'unknown_region');
export const category = z.enum(DISPUTE_CATEGORIES, 'unknown_category');
export const mediationLanguage = z.enum(MEDIATION_LANGUAGES, 'unknown_language');
export const mediatorKind = z.enum(MEDIATOR_KINDS);
const isoDate = z.iso.date('invalid_date');
const text = (max: number) => z.string().trim().min(1, 'required').max(max, 'too_long');

export const training = z.object({
  kind: z.enum(['general', 'specialised', 'trainer']),
  title: text(300),
  provider: text(300),
  hours: z.number('required').int().min(1, 'too_small').max(2000, 'too_big'),
  completedOn: isoDate,
  documentId: z.uuid('document_required'),
});

export const fee = z.discriminatedUnion('type', [
  z.object({ type: z.literal('free') }),
  z.object({
    type: z.enum(['hourly', 'fixed']),
    amountKzt: z.number('required').int().min(1, 'fee_amount_required').max(10_000_000, 'too_big'),
  }),
]);

const bio = z.object({
  kk: z.string().trim().max(2000, 'too_long').optional(),
  ru: z.string().trim().max(2000, 'too_long').optional(),
  en: z.string().trim().max(2000, 'too_long').optional(),
});

export const mediatorApplication = z.object({
  kind: mediatorKind,
  organisationId: z.uuid('organisation_required').optional(),
  akimat: z.string().trim().max(300, 'too_long').optional(),
  community: z.string().trim().max(300, 'too_long').optional(),
  electedOn: isoDate.optional(),
  birthDate: isoDate,
  higherEducation: z.boolean(),
  education: z.string().trim().max(500, 'too_long').optional(),
  diplomaDocumentId: z.uuid('document_required').optional(),
  trainings: z.array(training).max(30),
  categories: z.array(category).min(1, 'choose_at_least_one').max(DISPUTE_CATEGORIES.length),
  languages: z.array(mediationLanguage).min(1, 'choose_at_least_one').max(MEDIATION_LANGUAGES.length),
  regions: z.array(region).min(1, 'choose_at_least_one').max(REGIONS.length),
  remote: z.boolean(),
  inPerson: z.boolean(),
  address: z.string().trim().max(500, 'too_long').optional(),
  fee,
  capacity: z.number().int().min(1, 'too_small').max(50, 'too_big').default(10),
  bio,
});
export type MediatorApplication = z.infer<typeof mediatorApplication>;

export const documentKind = z.enum(['diploma', 'certificate', 'election_record', 'other']);
export const uploadedDocument = z.object({
  id: z.uuid(),
  kind: documentKind,
  filename: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
});

export const registryDecision = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('approve') }),
  z.object({
    decision: z.enum(['needs_info', 'refuse', 'suspend', 'exclude', 'reinstate']),
    reason: text(2000),
  }),
]);

export const mediatorSearch = z.object({
  q: z.string().trim().max(200).optional(),
  category: category.optional(),
  language: mediationLanguage.optional(),
  region: region.optional(),
  remote: z.enum(['true', 'false']).optional(),
  free: z.enum(['true', 'false']).optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const matchQuery = z.object({
  category,
  language: mediationLanguage,
  region,
  remote: z.enum(['true', 'false']).transform((v) => v === 'true'),
  wantsPublic: z.enum(['true', 'false']).transform((v) => v === 'true'),
});

export const organisationInput = z.object({
  nameKk: text(300),
  nameRu: text(300),
  nameEn: text(300),
  bin: z.string().trim(),
  region,
  website: z.url('invalid_format').max(300).optional(),
});

export const complaintInput = z.object({ text: text(5000) });
export const complaintDecision = z.object({ outcome: z.enum(['upheld', 'dismissed']), reasons: text(5000) });

// --- responses ------------------------------------------------------------------------------------
// What the registry routes answer. The server serializes through these (fastify-type-provider-zod),
// so a query that drifts from its contract fails loudly instead of leaking a column.

const isoDay = z.iso.date().describe('a calendar date, YYYY-MM-DD');
const instant = z.iso.datetime().describe('an ISO 8601 moment in UTC');
export const registryStatus = z.enum([
  'submitted',
  'needs_info',
  'approved',
  'refused',
  'suspended',
  'excluded',
]);
export const trainingKind = training.shape.kind;

export const feeView = z.discriminatedUnion('type', [
  z.object({ type: z.literal('free') }),
  z.object({ type: z.enum(['hourly', 'fixed']), amountKzt: z.number().int() }),
]);

export const localizedText = z.object({
  kk: z.string().optional(),
  ru: z.string().optional(),
  en: z.string().optional(),
});

export const organisationSummary = z
  .object({
    id: z.uuid(),
    /** In the reader's language. */
    name: z.string(),
    region,
    bin: z.string(),
    website: z.string().nullable(),
  })
  .meta({ id: 'MediatorOrganisation' });

export const trainingView = z.object({
  kind: trainingKind,
  title: z.string(),
  provider: z.string(),
  hours: z.number().int(),
  completedOn: isoDay,
});

/** A mediator's record. Rates are null below 5 completed cases ("not enough cases yet"). */
export const mediatorRecordView = z
  .object({
    completedCases: z.number().int(),
    settlementRate: z.number().min(0).max(1).nullable(),
    complianceRate: z.number().min(0).max(1).nullable(),
    rating: z.number().min(1).max(5).nullable(),
    ratingCount: z.number().int(),
    upheldComplaints: z.number().int(),
  })
  .meta({ id: 'MediatorRecord' });

/** What anyone may see of a listed mediator. */
export const mediatorPublic = z
  .object({
    id: z.uuid(),
    fullName: z.string(),
    kind: mediatorKind,
    registryNumber: z.string().nullable(),
    organisation: organisationSummary.nullable(),
    akimat: z.string().nullable(),
    categories: z.array(category),
    languages: z.array(mediationLanguage),
    regions: z.array(region),
    remote: z.boolean(),
    inPerson: z.boolean(),
    fee: feeView,
    bio: localizedText,
    trainings: z.array(trainingView),
    trainingHours: z.number().int(),
    generalCourseHours: z.number().int(),
    record: mediatorRecordView,
  })
  .meta({ id: 'MediatorPublic' });

export const mediatorSearchResult = z.object({ total: z.number().int(), mediators: z.array(mediatorPublic) });

export const mediatorProfile = mediatorPublic
  .extend({ upheldComplaintDecisions: z.array(z.object({ reasons: z.string(), decidedAt: instant })) })
  .meta({ id: 'MediatorProfile' });

export const scoreFactor = z.enum([
  'specialisation',
  'region',
  'availability',
  'experience',
  'settlement',
  'rating',
  'complaints',
]);

export const matchSuggestion = z.object({
  id: z.uuid(),
  fullName: z.string(),
  kind: mediatorKind,
  registryNumber: z.string().nullable(),
  organisation: organisationSummary.nullable(),
  remote: z.boolean(),
  inPerson: z.boolean(),
  fee: feeView,
  record: mediatorRecordView,
  score: z.number(),
  factors: z.array(z.object({ factor: scoreFactor, value: z.number(), contribution: z.number() })),
});
export const matchResult = z.object({ suggestions: z.array(matchSuggestion) });

export const organisationList = z.object({
  organisations: z.array(organisationSummary.extend({ mediatorCount: z.number().int() })),
});
export const organisationPage = organisationSummary.extend({ mediators: z.array(mediatorPublic) });

export const documentView = uploadedDocument.extend({ uploadedAt: instant });

/** An entry as its applicant and the registry administrators see it (documents as metadata). */
export const registryEntry = mediatorPublic
  .extend({
    status: registryStatus,
    email: z.string(),
    iin: z.string().nullable(),
    birthDate: isoDay,
    higherEducation: z.boolean(),
    education: z.string().nullable(),
    community: z.string().nullable(),
    electedOn: isoDay.nullable(),
    address: z.string().nullable(),
    capacity: z.number().int(),
    submittedAt: instant,
    decidedAt: instant.nullable(),
    decisionReason: z.string().nullable(),
    /** The diploma of the latest submission (the newest one attached). */
    diplomaDocumentId: z.uuid().nullable(),
    trainingsWithDocuments: z.array(trainingView.extend({ id: z.uuid(), documentId: z.uuid().nullable() })),
    documents: z.array(documentView),
  })
  .meta({ id: 'RegistryEntry' });

export const myApplication = z.object({ entry: registryEntry.nullable() });
export const created = z.object({ id: z.uuid() });

export const queueQuery = z.object({ status: z.enum(['pending', 'listed', 'closed']).default('pending') });
export const verificationQueue = z.object({
  entries: z.array(
    z.object({
      id: z.uuid(),
      fullName: z.string(),
      kind: mediatorKind,
      status: registryStatus,
      submittedAt: instant,
      registryNumber: z.string().nullable(),
    }),
  ),
});
export const decisionResult = z.object({ status: registryStatus, registryNumber: z.string().nullable() });

export const complaintQueue = z.object({
  complaints: z.array(
    z.object({
      id: z.uuid(),
      mediatorId: z.uuid(),
      mediatorName: z.string(),
      text: z.string(),
      status: z.enum(['open', 'upheld', 'dismissed']),
      createdAt: instant,
    }),
  ),
});
export const complaintDecisionResult = z.object({ status: z.enum(['upheld', 'dismissed']) });
