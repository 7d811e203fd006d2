import { describe, expect, it } from 'vitest';
import { mediatorApplication } from '../../../../contracts/registry.ts';
import {
  type Draft,
  draftFromEntry,
  draftProblems,
  emptyDraft,
  generalHours,
  newTraining,
  toBody,
  wholeNumber,
} from './draft.ts';

const pdf = (id: string) => ({
  id,
  kind: 'certificate' as const,
  filename: 'c.pdf',
  contentType: 'application/pdf',
  sizeBytes: 10,
  sha256: 'x',
});

const complete = (): Draft => ({
  ...emptyDraft('900515300008'),
  organisationId: '2f1c6f4e-8a55-4d0b-9d7e-6f2b1b0f6a11',
  higherEducation: true,
  diploma: pdf('0b6c8a7e-1d2f-4c3b-8a9d-5e6f7a8b9c0d'),
  trainings: [
    {
      ...newTraining(),
      title: 'General course',
      provider: 'Centre',
      hours: '72',
      completedOn: '2020-03-01',
      document: pdf('4e2a1c3b-5d6f-4a7b-8c9d-0e1f2a3b4c5d'),
    },
  ],
  categories: ['family'],
  languages: ['kk', 'uz'],
  regions: ['north_kazakhstan'],
  feeAmount: '12 000',
  bio: { kk: 'Тәжірибе', ru: 'лишнее', en: '' },
});

describe('the application draft', () => {
  it('takes the birth date from the IIN', () => {
    expect(emptyDraft('900515300008').birthDate).toBe('1990-05-15');
    expect(emptyDraft(null).birthDate).toBe('');
  });

  it('becomes a body the contract accepts, with biographies only for the chosen platform languages', () => {
    const body = toBody(complete());
    expect(mediatorApplication.safeParse(body).success).toBe(true);
    expect(body.bio).toEqual({ kk: 'Тәжірибе' });
    expect(body.fee).toEqual({ type: 'hourly', amountKzt: 12000 });
    expect(draftProblems(complete())).toEqual({});
  });

  it('sends a public mediator as free whatever was chosen before switching (R-MED-14)', () => {
    const body = toBody({ ...complete(), kind: 'public', akimat: 'Akimat', community: 'Village' });
    expect(body.fee).toEqual({ type: 'free' });
    expect(body.organisationId).toBeUndefined();
    expect(body.diplomaDocumentId).toBeUndefined();
  });

  it('names missing fields and uploads before the round trip', () => {
    const draft = {
      ...complete(),
      diploma: null,
      languages: [],
      trainings: [{ ...newTraining(), hours: '72' }],
    };
    expect(draftProblems(draft)).toMatchObject({
      diplomaDocumentId: 'document_required',
      languages: 'choose_at_least_one',
      'trainings.0.title': 'required',
      'trainings.0.documentId': 'document_required',
    });
  });

  it('counts general-course hours only, reading numbers as people type them', () => {
    const draft = complete();
    draft.trainings.push({ ...newTraining('specialised'), hours: '40' }, { ...newTraining(), hours: '1 0' });
    expect(generalHours(draft)).toBe(82);
    expect(wholeNumber('12 000 ₸')).toBe(12000);
    expect(wholeNumber('12.5')).toBeUndefined();
  });
});

describe('answering a request for more information', () => {
  it('starts from what was sent, uploads included', () => {
    const certificate = pdf('4e2a1c3b-5d6f-4a7b-8c9d-0e1f2a3b4c5d');
    const diploma = { ...pdf('0b6c8a7e-1d2f-4c3b-8a9d-5e6f7a8b9c0d'), kind: 'diploma' as const };
    const uploadedAt = '2026-11-24T09:00:00.000Z';
    const draft = draftFromEntry({
      id: '9d2f8a7e-1b2c-4d3e-8f4a-5b6c7d8e9f0a',
      fullName: 'Гүлнар Әбенова',
      kind: 'professional',
      registryNumber: null,
      organisation: {
        id: '2f1c6f4e-8a55-4d0b-9d7e-6f2b1b0f6a11',
        name: 'Одақ',
        region: 'north_kazakhstan',
        bin: '050140000011',
        website: null,
      },
      akimat: null,
      categories: ['family'],
      languages: ['kk', 'ru'],
      regions: ['north_kazakhstan'],
      remote: true,
      inPerson: true,
      fee: { type: 'hourly', amountKzt: 12000 },
      bio: { kk: 'Тәжірибе' },
      trainings: [],
      trainingHours: 72,
      generalCourseHours: 72,
      record: {
        completedCases: 0,
        settlementRate: null,
        complianceRate: null,
        rating: null,
        ratingCount: 0,
        upheldComplaints: 0,
      },
      status: 'needs_info',
      email: 'g@example.kz',
      iin: '900515300008',
      birthDate: '1990-05-15',
      higherEducation: true,
      education: null,
      community: null,
      electedOn: null,
      address: 'Petropavlovsk',
      capacity: 8,
      submittedAt: uploadedAt,
      decidedAt: uploadedAt,
      decisionReason: 'The certificate is unreadable.',
      diplomaDocumentId: diploma.id,
      trainingsWithDocuments: [
        {
          id: '7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d',
          kind: 'general',
          title: 'General course',
          provider: 'Centre',
          hours: 72,
          completedOn: '2020-03-01',
          documentId: certificate.id,
        },
      ],
      documents: [
        { ...diploma, uploadedAt },
        { ...certificate, uploadedAt },
      ],
    });
    expect(draft).toMatchObject({
      organisationId: '2f1c6f4e-8a55-4d0b-9d7e-6f2b1b0f6a11',
      diploma: { id: diploma.id },
      feeType: 'hourly',
      feeAmount: '12000',
      capacity: '8',
      bio: { kk: 'Тәжірибе', ru: '', en: '' },
    });
    expect(draft.trainings.map((t) => [t.hours, t.document?.id])).toEqual([['72', certificate.id]]);
    expect(draftProblems(draft)).toEqual({ 'bio.ru': 'required' });
  });

  it('leaves out untouched course rows (a public mediator need not have any)', () => {
    const draft = { ...complete(), kind: 'public' as const, akimat: 'Akimat', community: 'Village' };
    draft.trainings = [newTraining()];
    expect(draftProblems(draft)).toEqual({});
    expect(toBody(draft).trainings).toEqual([]);
  });
});
