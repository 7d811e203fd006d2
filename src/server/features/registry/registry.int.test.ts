import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { contractCase } from '../../../../test/cases.ts';
import {
  multipart,
  registerUser,
  tinyPdf,
  userWithRoles,
  validBin,
  validIin,
} from '../../../../test/factories.ts';
import { auditEvents, mediators } from '../../db/schema/index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
beforeEach(() => t.reset());

type Session = { cookie: string; me: { id: string } };
const call = (method: 'GET' | 'POST', url: string, cookie?: string, payload?: object) =>
  t.app.inject({ method, url, headers: cookie ? { cookie } : {}, payload });

const upload = (
  cookie: string,
  kind: string,
  content: Buffer,
  name = 'diploma.pdf',
  type = 'application/pdf',
) => {
  const body = multipart({ kind }, { name, type, content });
  return t.app.inject({
    method: 'POST',
    url: '/api/registry/documents',
    payload: body.payload,
    headers: { ...body.headers, cookie },
  });
};

const newOrganisation = async (registrar: Session) =>
  (
    await call('POST', '/api/registry/organisations', registrar.cookie, {
      nameKk: 'Медиаторлар одағы',
      nameRu: 'Союз медиаторов',
      nameEn: 'Union of Mediators',
      bin: validBin(),
      region: 'north_kazakhstan',
    })
  ).json().id as string;

// An IIN born 1990-05-15 → age 36 on the test clock's date.
const application = (organisationId: string, diploma: string, certificate: string) => ({
  kind: 'professional',
  organisationId,
  birthDate: '1990-05-15',
  higherEducation: true,
  education: 'KazNU, law, 2012',
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
  ],
  categories: ['family', 'civil'],
  languages: ['kk', 'ru'],
  regions: ['north_kazakhstan'],
  remote: true,
  inPerson: true,
  address: 'Petropavlovsk, Konstitutsii 12',
  fee: { type: 'hourly', amountKzt: 12000 },
  capacity: 8,
  bio: { kk: 'Отбасылық дауларда 8 жыл тәжірибе.', ru: 'Восемь лет опыта в семейных спорах.' },
});

const applicant = async () => {
  const user = await registerUser(t, { iin: validIin(), fullName: 'Гүлнар Әбенова' });
  const diploma = (await upload(user.cookie, 'diploma', tinyPdf())).json().id as string;
  const certificate = (await upload(user.cookie, 'certificate', tinyPdf(), 'cert.pdf')).json().id as string;
  return { ...user, diploma, certificate };
};

describe('application → verification → public listing', () => {
  it('a mediator applies, a registry administrator approves, and the public finds them', async () => {
    const registrar = await userWithRoles(t, ['registry_admin']);
    const organisationId = await newOrganisation(registrar);
    const gulnar = await applicant();
    const applied = await call(
      'POST',
      '/api/registry/applications',
      gulnar.cookie,
      application(organisationId, gulnar.diploma, gulnar.certificate),
    );
    expect(applied.statusCode).toBe(201);

    // Not public before verification.
    expect((await call('GET', '/api/registry/mediators?language=kk')).json().total).toBe(0);
    const queue = (await call('GET', '/api/registry/queue', registrar.cookie)).json().entries;
    expect(queue.map((e: { fullName: string }) => e.fullName)).toEqual(['Гүлнар Әбенова']);
    const entry = (await call('GET', `/api/registry/entries/${applied.json().id}`, registrar.cookie)).json();
    expect(entry.documents.map((d: { kind: string }) => d.kind).sort()).toEqual(['certificate', 'diploma']);
    const pdf = await call('GET', `/api/registry/documents/${gulnar.diploma}`, registrar.cookie);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.equals(tinyPdf())).toBe(true);

    const decided = await call(
      'POST',
      `/api/registry/entries/${applied.json().id}/decision`,
      registrar.cookie,
      { decision: 'approve' },
    );
    expect(decided.json()).toEqual({ status: 'approved', registryNumber: 'KZ-MED-000001' });
    const me = (await call('GET', '/api/me', gulnar.cookie)).json();
    expect(me.roles).toContain('mediator');

    const found = (
      await call('GET', '/api/registry/mediators?language=kk&region=north_kazakhstan&category=family')
    ).json();
    expect(found.total).toBe(1);
    expect(found.mediators[0]).toMatchObject({
      fullName: 'Гүлнар Әбенова',
      registryNumber: 'KZ-MED-000001',
      trainingHours: 72,
      record: { settlementRate: null, completedCases: 0 },
    });
    expect(JSON.stringify(found)).not.toContain(gulnar.diploma);
    const actions = (
      await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.subjectId, applied.json().id))
    ).map((e) => e.action);
    expect(actions).toEqual(['registry.applied', 'registry.approve']);
  });

  it('refuses an application breaking the law with field errors naming the rule, saving nothing', async () => {
    const registrar = await userWithRoles(t, ['registry_admin']);
    const organisationId = await newOrganisation(registrar);
    const young = await registerUser(t, { locale: 'en' });
    const diploma = (await upload(young.cookie, 'diploma', tinyPdf())).json().id;
    const body = application(organisationId, diploma, diploma);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/registry/applications',
      headers: { cookie: young.cookie, 'accept-language': 'en' },
      payload: {
        ...body,
        birthDate: '2003-01-01',
        trainings: [{ ...body.trainings[0], hours: 40 }],
        categories: ['farming'],
      },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      expect.objectContaining({ field: 'categories.0', code: 'unknown_category' }),
    ]);
    const lawBreaking = await t.app.inject({
      method: 'POST',
      url: '/api/registry/applications',
      headers: { cookie: young.cookie, 'accept-language': 'en' },
      payload: { ...body, birthDate: '2003-01-01', trainings: [{ ...body.trainings[0], hours: 40 }] },
    });
    const errors = lawBreaking.json().errors;
    expect(errors).toContainEqual({
      field: 'trainings',
      code: 'training_hours_too_few',
      detail: 'The general training course must total at least 72 academic hours (R-MED-13).',
    });
    expect(errors.map((e: { field: string }) => e.field)).toContain('birthDate');
    expect(await t.ctx.db.select().from(mediators)).toEqual([]);
  });

  it('refuses a fee on a public mediator (R-MED-14)', async () => {
    const user = await registerUser(t);
    const response = await call('POST', '/api/registry/applications', user.cookie, {
      ...application('00000000-0000-4000-8000-000000000000', user.me.id, user.me.id),
      kind: 'public',
      organisationId: undefined,
      diplomaDocumentId: undefined,
      trainings: [],
      akimat: 'Akimat of Kyzylzhar district',
      community: 'Bishkul village assembly',
    });
    expect(response.json().errors).toContainEqual(
      expect.objectContaining({ field: 'fee', code: 'public_mediator_is_free' }),
    );
  });
});

describe('uploads are judged by content and size', () => {
  it('refuses an executable renamed to .pdf and a file over 10 MB', async () => {
    const user = await registerUser(t);
    const fake = await upload(
      user.cookie,
      'diploma',
      Buffer.from('MZ\x90\x00 this is not a pdf'),
      'diploma.pdf',
    );
    expect(fake.statusCode).toBe(400);
    expect(fake.json().errors).toEqual([
      expect.objectContaining({ field: 'file', code: 'file_type_not_allowed' }),
    ]);
    const big = await upload(
      user.cookie,
      'diploma',
      Buffer.concat([tinyPdf(), Buffer.alloc(10 * 1024 * 1024)]),
    );
    expect(big.statusCode).toBe(400);
    expect(big.json().errors).toEqual([expect.objectContaining({ field: 'file', code: 'file_too_large' })]);
  });

  it('keeps documents private: another applicant and the public cannot read them', async () => {
    const owner = await registerUser(t);
    const other = await registerUser(t);
    const id = (await upload(owner.cookie, 'diploma', tinyPdf())).json().id;
    expect((await call('GET', `/api/registry/documents/${id}`, other.cookie)).statusCode).toBe(404);
    expect((await call('GET', `/api/registry/documents/${id}`)).statusCode).toBe(401);
    expect((await call('GET', `/api/registry/documents/${id}`, owner.cookie)).statusCode).toBe(200);
  });
});

describe('registry policy', () => {
  it('a party cannot approve; a registry administrator cannot decide their own entry', async () => {
    const registrar = await userWithRoles(t, ['registry_admin']);
    const organisationId = await newOrganisation(registrar);
    const gulnar = await applicant();
    const { id } = (
      await call(
        'POST',
        '/api/registry/applications',
        gulnar.cookie,
        application(organisationId, gulnar.diploma, gulnar.certificate),
      )
    ).json();
    expect(
      (await call('POST', `/api/registry/entries/${id}/decision`, gulnar.cookie, { decision: 'approve' }))
        .statusCode,
    ).toBe(403);
    await t.ctx.db.update(mediators).set({ userId: registrar.me.id }).where(eq(mediators.id, id));
    const own = await call('POST', `/api/registry/entries/${id}/decision`, registrar.cookie, {
      decision: 'approve',
    });
    expect(own.json().code).toBe('own_registry_entry');
  });

  it('a suspended mediator disappears from the public registry; an upheld complaint shows on the profile', async () => {
    const registrar = await userWithRoles(t, ['registry_admin']);
    const organisationId = await newOrganisation(registrar);
    const gulnar = await applicant();
    const { id } = (
      await call(
        'POST',
        '/api/registry/applications',
        gulnar.cookie,
        application(organisationId, gulnar.diploma, gulnar.certificate),
      )
    ).json();
    await call('POST', `/api/registry/entries/${id}/decision`, registrar.cookie, { decision: 'approve' });

    // Only a party the mediator served may complain (here: a case where Gulnar was chosen).
    const stranger = await registerUser(t);
    const refused = await call('POST', `/api/registry/mediators/${id}/complaints`, stranger.cookie, {
      text: 'I have never met this mediator.',
    });
    expect(refused.json()).toMatchObject({ status: 403, code: 'complaint_not_participant' });
    const { a: party } = await contractCase(t, {}, { cookie: gulnar.cookie, mediatorId: id });
    const complaint = (
      await call('POST', `/api/registry/mediators/${id}/complaints`, party.cookie, {
        text: 'Shared my caucus statement with the other side.',
      })
    ).json();
    await call('POST', `/api/registry/complaints/${complaint.id}/decision`, registrar.cookie, {
      outcome: 'upheld',
      reasons: 'Breach of confidentiality (R-MED-17).',
    });
    const profile = (await call('GET', `/api/registry/mediators/${id}`)).json();
    expect(profile.record.upheldComplaints).toBe(1);
    expect(profile.upheldComplaintDecisions[0].reasons).toContain('R-MED-17');

    const suspended = await call('POST', `/api/registry/entries/${id}/decision`, registrar.cookie, {
      decision: 'suspend',
      reason: 'Under investigation',
    });
    expect(suspended.json().status).toBe('suspended');
    expect((await call('GET', '/api/registry/mediators')).json().total).toBe(0);
    expect((await call('GET', `/api/registry/mediators/${id}`)).statusCode).toBe(404);
  });
});
