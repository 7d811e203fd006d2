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
