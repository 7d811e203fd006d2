import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import {
  multipart,
  registerUser,
  tinyPdf,
  userWithRoles,
  validBin,
  validIin,
} from '../../../../test/factories.ts';
import {
  matchResult,
  mediatorProfile,
  mediatorSearchResult,
  myApplication,
  organisationList,
  organisationPage,
  registryEntry,
  verificationQueue,
} from '../../../contracts/registry.ts';

// The registry's answers, read back through their response contracts: what the web app and the
// OpenAPI document promise is what the server sends.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const get = (url: string, cookie?: string, language = 'kk') =>
  t.app.inject({ method: 'GET', url, headers: { 'accept-language': language, ...(cookie && { cookie }) } });
const post = (url: string, cookie: string, payload: object) =>
  t.app.inject({ method: 'POST', url, headers: { cookie }, payload });
const upload = async (cookie: string, kind: string, name: string) => {
  const body = multipart({ kind }, { name, type: 'application/pdf', content: tinyPdf() });
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/registry/documents',
    payload: body.payload,
    headers: { ...body.headers, cookie },
  });
  return response.json().id as string;
};

describe('registry responses follow their contracts', () => {
  it('from application to listing: entry, queue, search, profile, organisation and matching', async () => {
    const registrar = await userWithRoles(t, ['registry_admin']);
    const organisationId = (
      await post('/api/registry/organisations', registrar.cookie, {
        nameKk: 'Медиаторлар одағы',
        nameRu: 'Союз медиаторов',
        nameEn: 'Union of Mediators',
        bin: validBin(),
        region: 'north_kazakhstan',
        website: 'https://mediators.example.kz',
      })
    ).json().id as string;
    const applicant = await registerUser(t, { iin: validIin(), fullName: 'Гүлнар Әбенова' });
    const diploma = await upload(applicant.cookie, 'diploma', 'diploma.pdf');
    const certificate = await upload(applicant.cookie, 'certificate', 'cert.pdf');
    expect((await get('/api/registry/my-application', applicant.cookie)).json()).toEqual({ entry: null });

    const applied = await post('/api/registry/applications', applicant.cookie, {
      kind: 'professional',
      organisationId,
      birthDate: '1990-05-15',
      higherEducation: true,
      diplomaDocumentId: diploma,
      trainings: [
        {
          kind: 'general',
          title: 'Basic mediation course',
          provider: 'Mediation Centre',
          hours: 72,
          completedOn: '2020-03-01',
          documentId: certificate,
        },
        {
          kind: 'specialised',
          title: 'Family mediation',
          provider: 'Mediation Centre',
          hours: 24,
          completedOn: '2021-06-10',
          documentId: certificate,
        },
      ],
      categories: ['family'],
      languages: ['kk', 'ru'],
      regions: ['north_kazakhstan'],
      remote: true,
      inPerson: false,
      fee: { type: 'fixed', amountKzt: 50000 },
      capacity: 5,
      bio: { kk: 'Тәжірибе.', ru: 'Опыт.' },
    });
    expect(applied.statusCode).toBe(201);
    const { id } = applied.json();

    // What the applicant sees, with what the form needs to answer a request for more.
    const mine = myApplication.parse((await get('/api/registry/my-application', applicant.cookie)).json());
    expect(mine.entry).toMatchObject({
      id,
      status: 'submitted',
      birthDate: '1990-05-15',
      diplomaDocumentId: diploma,
      decidedAt: null,
      trainingHours: 96,
      generalCourseHours: 72,
      fee: { type: 'fixed', amountKzt: 50000 },
    });
    expect(mine.entry?.trainingsWithDocuments.map((tr) => tr.documentId)).toEqual([certificate, certificate]);
    expect(mine.entry?.documents.map((d) => d.kind).sort()).toEqual(['certificate', 'diploma']);

    const queue = verificationQueue.parse((await get('/api/registry/queue', registrar.cookie)).json());
    expect(queue.entries.map((e) => e.id)).toEqual([id]);
    registryEntry.parse((await get(`/api/registry/entries/${id}`, registrar.cookie)).json());
    const decided = await post(`/api/registry/entries/${id}/decision`, registrar.cookie, {
      decision: 'approve',
    });
    expect(decided.json()).toMatchObject({ status: 'approved' });

    // Public answers carry names in the reader's language.
    const search = mediatorSearchResult.parse(
      (await get('/api/registry/mediators?language=ru', undefined, 'ru')).json(),
    );
    expect(search.mediators[0]?.organisation?.name).toBe('Союз медиаторов');
    const profile = mediatorProfile.parse((await get(`/api/registry/mediators/${id}`)).json());
    expect(profile).toMatchObject({
      organisation: { name: 'Медиаторлар одағы' },
      upheldComplaintDecisions: [],
    });
    const organisations = organisationList.parse(
      (await get('/api/registry/organisations', undefined, 'en')).json(),
    );
    expect(organisations.organisations).toEqual([
      expect.objectContaining({ id: organisationId, name: 'Union of Mediators', mediatorCount: 1 }),
    ]);
    const page = organisationPage.parse((await get(`/api/registry/organisations/${organisationId}`)).json());
    expect(page.mediators.map((m) => [m.id, m.trainingHours])).toEqual([[id, 96]]);

    const match = matchResult.parse(
      (
        await get(
          '/api/registry/match?category=family&language=kk&region=north_kazakhstan&remote=true&wantsPublic=false',
          undefined,
          'en',
        )
      ).json(),
    );
    expect(match.suggestions[0]).toMatchObject({
      id,
      organisation: { name: 'Union of Mediators' },
      fee: { type: 'fixed', amountKzt: 50000 },
      record: { completedCases: 0, settlementRate: null },
    });
  });

  it('documents every registry response in OpenAPI', async () => {
    const doc = (await get('/api/docs/json')).json();
    for (const id of ['MediatorPublic', 'MediatorProfile', 'MediatorRecord', 'RegistryEntry'])
      expect(doc.components.schemas, id).toHaveProperty(id);
    for (const [path, method, status] of [
      ['/api/registry/mediators', 'get', '200'],
      ['/api/registry/mediators/{id}', 'get', '200'],
      ['/api/registry/match', 'get', '200'],
      ['/api/registry/organisations', 'get', '200'],
      ['/api/registry/organisations/{id}', 'get', '200'],
      ['/api/registry/documents', 'post', '201'],
      ['/api/registry/applications', 'post', '201'],
      ['/api/registry/my-application', 'get', '200'],
      ['/api/registry/queue', 'get', '200'],
      ['/api/registry/entries/{id}', 'get', '200'],
      ['/api/registry/entries/{id}/decision', 'post', '200'],
      ['/api/registry/organisations', 'post', '201'],
      ['/api/registry/mediators/{id}/complaints', 'post', '201'],
      ['/api/registry/complaints', 'get', '200'],
      ['/api/registry/complaints/{id}/decision', 'post', '200'],
    ] as const)
      expect(doc.paths[path]?.[method]?.responses?.[status]?.content, `${method} ${path}`).toBeDefined();
  });
});
